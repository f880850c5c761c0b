/*
 * test_boot_elf.c - boot_elf_parse() accepts a well-formed Strata kernel and
 * refuses, with the right message, every way a kernel.elf can be broken.
 *
 * Each case starts from one good image built in memory (two PT_LOAD
 * segments and a PT_NOTE holding a GNU build-id note followed by the
 * Strata entry note), breaks one thing, and parses a copy held in a buffer
 * of exactly the file's size, so AddressSanitizer catches any read past it.
 */
#include <elf.h>
#include <errno.h>
#include <stdint.h>

#include "boot_elf.h"
#include "host_test.h"

#define PHOFF		64
#define NOTE_OFF	0x600	/* GNU build-id note, 36 bytes */
#define STRATA_NOTE_OFF	0x624	/* Strata note: 12 + 8 + 8 bytes */
#define NOTES_SIZE	64
#define TEXT_OFF	0x1000
#define DATA_OFF	0x2000
#define FILE_SIZE	0x2010
#define TEXT_PADDR	0x200000ULL
#define DATA_PADDR	0x201000ULL
#define ENTRY64		(TEXT_PADDR + 0x10)
#define KERNEL_VBASE	0xffffffff80000000ULL

static union {
	Elf64_Ehdr eh;
	unsigned char b[0x3000];
} img;
static struct boot_elf_image out;
static const char *why;

static Elf64_Phdr *ph(int i)
{
	return (Elf64_Phdr *)(img.b + PHOFF) + i;
}

static void set_load(int i, uint64_t off, uint64_t filesz, uint64_t memsz,
		     uint64_t paddr, uint32_t flags)
{
	*ph(i) = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = flags,
			       .p_offset = off, .p_vaddr = KERNEL_VBASE + paddr,
			       .p_paddr = paddr, .p_filesz = filesz,
			       .p_memsz = memsz, .p_align = 0x1000 };
}

static void put_note(size_t off, uint32_t namesz, uint32_t descsz,
		     uint32_t type, const char *name, const void *desc,
		     size_t name_pad)
{
	Elf64_Nhdr nh = { namesz, descsz, type };

	memcpy(img.b + off, &nh, sizeof(nh));
	memcpy(img.b + off + sizeof(nh), name, namesz);
	memcpy(img.b + off + sizeof(nh) + name_pad, desc, descsz);
}

/* The good image; every test starts from it. */
static void build_good(void)
{
	static const unsigned char build_id[20] = { 1, 2, 3 };
	uint64_t entry = ENTRY64;

	memset(&img, 0, sizeof(img));
	memcpy(img.eh.e_ident, ELFMAG, SELFMAG);
	img.eh.e_ident[EI_CLASS] = ELFCLASS64;
	img.eh.e_ident[EI_DATA] = ELFDATA2LSB;
	img.eh.e_ident[EI_VERSION] = EV_CURRENT;
	img.eh.e_type = ET_EXEC;
	img.eh.e_machine = EM_X86_64;
	img.eh.e_version = EV_CURRENT;
	img.eh.e_entry = 0x200000;	/* the 32-bit Multiboot2 entry: ignored */
	img.eh.e_phoff = PHOFF;
	img.eh.e_ehsize = sizeof(Elf64_Ehdr);
	img.eh.e_phentsize = sizeof(Elf64_Phdr);
	img.eh.e_phnum = 3;

	set_load(0, TEXT_OFF, 0x100, 0x100, TEXT_PADDR, PF_R | PF_X);
	set_load(1, DATA_OFF, 0x10, 0x3000, DATA_PADDR, PF_R | PF_W);
	*ph(2) = (Elf64_Phdr){ .p_type = PT_NOTE, .p_flags = PF_R,
			       .p_offset = NOTE_OFF, .p_filesz = NOTES_SIZE,
			       .p_align = 4 };
	put_note(NOTE_OFF, 4, sizeof(build_id), NT_GNU_BUILD_ID, "GNU",
		 build_id, 4);
	put_note(STRATA_NOTE_OFF, 7, 8, BOOT_ELF_NOTE_ENTRY64, "Strata",
		 &entry, 8);
	memset(img.b + TEXT_OFF, 0x90, 0x100);
}

/* Parse the first @size bytes of img from a buffer of exactly that size. */
static int parse(uint64_t size)
{
	unsigned char *copy = malloc(size ? size : 1);
	int ret;

	memcpy(copy, img.b, size);
	why = "(unset)";
	ret = boot_elf_parse(copy, size, &out, &why);
	free(copy);
	return ret;
}

#define EXPECT_REJECT(size, msg)				\
	do {							\
		HT_EQ_INT(parse(size), -ENOEXEC);		\
		HT_EQ_STR(why, msg);				\
	} while (0)

HOST_TEST(elf_accepts_well_formed_kernel)
{
	build_good();
	HT_EQ_INT(parse(FILE_SIZE), 0);
	HT_EQ_STR(why, "(unset)");	/* untouched on success */
	HT_EQ_INT(out.count, 2);
	HT_EQ_INT(out.seg[0].offset, TEXT_OFF);
	HT_EQ_INT(out.seg[0].filesz, 0x100);
	HT_EQ_INT(out.seg[0].memsz, 0x100);
	HT_EQ_INT(out.seg[0].paddr, TEXT_PADDR);
	HT_ASSERT(out.seg[0].vaddr == KERNEL_VBASE + TEXT_PADDR);
	HT_EQ_INT(out.seg[1].filesz, 0x10);
	HT_EQ_INT(out.seg[1].memsz, 0x3000);
	HT_EQ_INT(out.seg[1].paddr, DATA_PADDR);
	HT_EQ_INT(out.phys_start, TEXT_PADDR);
	HT_EQ_INT(out.phys_end, DATA_PADDR + 0x3000);
	HT_EQ_INT(out.entry64, ENTRY64);
}

HOST_TEST(elf_rejects_file_smaller_than_header)
{
	build_good();
	EXPECT_REJECT(sizeof(Elf64_Ehdr) - 1, "file too small for an ELF header");
	HT_EQ_INT(boot_elf_parse(NULL, 0, &out, &why), -ENOEXEC);
}

HOST_TEST(elf_rejects_bad_magic)
{
	build_good();
	img.b[1] = 'X';
	EXPECT_REJECT(FILE_SIZE, "not an ELF file (bad magic)");
}

HOST_TEST(elf_rejects_elf32)
{
	build_good();
	img.eh.e_ident[EI_CLASS] = ELFCLASS32;
	EXPECT_REJECT(FILE_SIZE, "not ELF64 (a 32-bit ELF file?)");
}

HOST_TEST(elf_rejects_big_endian)
{
	build_good();
	img.eh.e_ident[EI_DATA] = ELFDATA2MSB;
	EXPECT_REJECT(FILE_SIZE, "not little-endian");
}

HOST_TEST(elf_rejects_unknown_elf_version)
{
	build_good();
	img.eh.e_version = 2;
	EXPECT_REJECT(FILE_SIZE, "unsupported ELF version");
}

HOST_TEST(elf_rejects_shared_object_or_pie)
{
	build_good();
	img.eh.e_type = ET_DYN;
	EXPECT_REJECT(FILE_SIZE,
		      "not an executable (e_type is ET_DYN: a shared library or PIE)");
}

HOST_TEST(elf_rejects_relocatable_object)
{
	build_good();
	img.eh.e_type = ET_REL;
	EXPECT_REJECT(FILE_SIZE, "not an executable (e_type)");
}

HOST_TEST(elf_rejects_other_machine)
{
	build_good();
	img.eh.e_machine = EM_AARCH64;
	EXPECT_REJECT(FILE_SIZE, "not x86_64 (e_machine)");
}

HOST_TEST(elf_rejects_no_program_headers)
{
	build_good();
	img.eh.e_phnum = 0;
	EXPECT_REJECT(FILE_SIZE, "no program headers");
}

HOST_TEST(elf_rejects_unexpected_program_header_size)
{
	build_good();
	img.eh.e_phentsize = sizeof(Elf32_Phdr);
	EXPECT_REJECT(FILE_SIZE, "unexpected program header size (e_phentsize)");
}

HOST_TEST(elf_rejects_truncated_program_headers)
{
	build_good();
	EXPECT_REJECT(PHOFF + 3 * sizeof(Elf64_Phdr) - 1,
		      "program headers outside the file");
}

HOST_TEST(elf_rejects_program_header_offset_that_wraps)
{
	build_good();
	img.eh.e_phoff = UINT64_MAX - 8;
	EXPECT_REJECT(FILE_SIZE, "program headers outside the file");
}

HOST_TEST(elf_rejects_segment_past_end_of_file)
{
	build_good();
	EXPECT_REJECT(FILE_SIZE - 1, "segment 1 extends past the end of the file");
}

HOST_TEST(elf_rejects_segment_offset_that_wraps)
{
	build_good();
	ph(0)->p_offset = UINT64_MAX - 0x10;
	EXPECT_REJECT(FILE_SIZE, "segment 0 extends past the end of the file");
}

HOST_TEST(elf_rejects_filesz_greater_than_memsz)
{
	build_good();
	ph(0)->p_memsz = 0xff;
	EXPECT_REJECT(FILE_SIZE, "segment 0 has p_filesz > p_memsz");
}

HOST_TEST(elf_rejects_unaligned_physical_address)
{
	build_good();
	ph(1)->p_paddr = DATA_PADDR + 8;
	EXPECT_REJECT(FILE_SIZE, "segment 1 has a p_paddr that is not page aligned");
}

HOST_TEST(elf_rejects_physical_range_that_wraps)
{
	build_good();
	ph(1)->p_paddr = 0xfffffffffffff000ULL;
	EXPECT_REJECT(FILE_SIZE,
		      "segment 1 wraps around the physical address space");
}

HOST_TEST(elf_rejects_virtual_range_that_wraps)
{
	build_good();
	ph(1)->p_vaddr = UINT64_MAX - 0x100;
	EXPECT_REJECT(FILE_SIZE, "segment 1 wraps around the virtual address space");
}

HOST_TEST(elf_rejects_overlapping_segments)
{
	build_good();
	ph(1)->p_paddr = TEXT_PADDR;
	EXPECT_REJECT(FILE_SIZE,
		      "segments overlap (or share a page) in physical memory");
}

HOST_TEST(elf_rejects_segments_sharing_a_page)
{
	build_good();
	ph(0)->p_memsz = 0x1001;	/* its last page is the data's first */
	EXPECT_REJECT(FILE_SIZE,
		      "segments overlap (or share a page) in physical memory");
}

HOST_TEST(elf_rejects_no_load_segment)
{
	build_good();
	ph(0)->p_type = PT_NULL;
	ph(1)->p_type = PT_GNU_STACK;
	EXPECT_REJECT(FILE_SIZE, "no PT_LOAD segment: nothing to load");
}

HOST_TEST(elf_skips_load_segment_of_zero_size)
{
	build_good();
	img.eh.e_phnum = 4;
	set_load(3, 0, 0, 0, 0x123, PF_R);
	HT_EQ_INT(parse(FILE_SIZE), 0);
	HT_EQ_INT(out.count, 2);
}

/* phdrs 0..n-1 are tiny PT_LOADs one page apart, phdr n the notes. */
static void build_many_loads(int n)
{
	build_good();
	img.eh.e_phnum = n + 1;
	for (int i = 0; i < n; i++)
		set_load(i, TEXT_OFF, 0x20, 0x20, TEXT_PADDR + i * 0x1000ULL,
			 PF_R | PF_X);
	*ph(n) = (Elf64_Phdr){ .p_type = PT_NOTE, .p_offset = NOTE_OFF,
			       .p_filesz = NOTES_SIZE, .p_align = 4 };
}

HOST_TEST(elf_accepts_the_maximum_number_of_segments)
{
	build_many_loads(BOOT_ELF_MAX_SEGMENTS);
	HT_EQ_INT(parse(FILE_SIZE), 0);
	HT_EQ_INT(out.count, BOOT_ELF_MAX_SEGMENTS);
	HT_EQ_INT(out.phys_end, TEXT_PADDR + (BOOT_ELF_MAX_SEGMENTS - 1) * 0x1000 + 0x20);
}

HOST_TEST(elf_rejects_too_many_segments)
{
	build_many_loads(BOOT_ELF_MAX_SEGMENTS + 1);
	EXPECT_REJECT(FILE_SIZE, "too many PT_LOAD segments (at most 16)");
}

HOST_TEST(elf_rejects_missing_entry_note)
{
	build_good();
	img.b[STRATA_NOTE_OFF + 12] = 's';	/* "strata" is someone else's */
	EXPECT_REJECT(FILE_SIZE, "no Strata entry note (type 1, the 64-bit entry "
				 "point): not a Strata kernel?");
}

HOST_TEST(elf_ignores_strata_note_of_other_type)
{
	build_good();
	((Elf64_Nhdr *)(img.b + STRATA_NOTE_OFF))->n_type = 2;
	HT_EQ_INT(parse(FILE_SIZE), -ENOEXEC);
	HT_ASSERT(strncmp(why, "no Strata entry note", 20) == 0);
}

HOST_TEST(elf_rejects_entry_note_with_wrong_size)
{
	build_good();
	((Elf64_Nhdr *)(img.b + STRATA_NOTE_OFF))->n_descsz = 4;
	EXPECT_REJECT(FILE_SIZE, "the Strata entry note's description is not 8 bytes");
}

HOST_TEST(elf_rejects_duplicate_entry_note)
{
	build_good();
	img.eh.e_phnum = 4;
	*ph(3) = *ph(2);	/* the same notes, seen twice */
	EXPECT_REJECT(FILE_SIZE, "more than one Strata entry note");
}

HOST_TEST(elf_rejects_note_running_past_its_segment)
{
	build_good();
	ph(2)->p_filesz = NOTES_SIZE - 1;	/* cuts the entry address */
	EXPECT_REJECT(FILE_SIZE, "a note runs past the end of its segment");
	((Elf64_Nhdr *)(img.b + NOTE_OFF))->n_namesz = 0xffffffff;
	ph(2)->p_filesz = NOTES_SIZE;
	EXPECT_REJECT(FILE_SIZE, "a note runs past the end of its segment");
}

HOST_TEST(elf_rejects_note_segment_past_end_of_file)
{
	build_good();
	ph(2)->p_offset = FILE_SIZE - 8;
	EXPECT_REJECT(FILE_SIZE,
		      "segment 2 (notes) extends past the end of the file");
}

HOST_TEST(elf_finds_entry_note_after_8_byte_aligned_note)
{
	static const unsigned char build_id[20] = { 9 };
	uint64_t entry = ENTRY64 + 4;

	build_good();
	/* With 8-byte alignment the 20-byte build-id is padded to 24. */
	memset(img.b + NOTE_OFF, 0, NOTES_SIZE);
	put_note(NOTE_OFF, 4, sizeof(build_id), NT_GNU_BUILD_ID, "GNU",
		 build_id, 8);
	put_note(NOTE_OFF + 12 + 8 + 24, 7, 8, BOOT_ELF_NOTE_ENTRY64, "Strata",
		 &entry, 8);
	ph(2)->p_align = 8;
	ph(2)->p_filesz = 12 + 8 + 24 + 12 + 8 + 8;
	HT_EQ_INT(parse(FILE_SIZE), 0);
	HT_EQ_INT(out.entry64, ENTRY64 + 4);
}

static void set_entry(uint64_t entry)
{
	memcpy(img.b + STRATA_NOTE_OFF + 12 + 8, &entry, sizeof(entry));
}

HOST_TEST(elf_rejects_entry_outside_every_segment)
{
	build_good();
	set_entry(0x100000);
	EXPECT_REJECT(FILE_SIZE, "the 64-bit entry point is outside every loaded segment");
	set_entry(DATA_PADDR + 0x3000);	/* one past the end */
	EXPECT_REJECT(FILE_SIZE, "the 64-bit entry point is outside every loaded segment");
}

HOST_TEST(elf_rejects_entry_in_non_executable_segment)
{
	build_good();
	set_entry(DATA_PADDR);
	EXPECT_REJECT(FILE_SIZE,
		      "the 64-bit entry point is in a segment that is not executable");
}

HOST_TEST(elf_rejects_entry_in_bss)
{
	build_good();
	ph(0)->p_memsz = 0x1000;
	set_entry(TEXT_PADDR + 0x100);	/* first byte after the file's bytes */
	EXPECT_REJECT(FILE_SIZE,
		      "the 64-bit entry point is in .bss, not in bytes from the file");
}
