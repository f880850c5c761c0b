/*
 * test_elf.c - elf_parse_header()/elf_parse_phdrs() accept well-formed
 * executables and refuse, for the right reason, each way one can be broken.
 *
 * Each case starts from a good image built in memory (ET_EXEC or ET_DYN:
 * PT_PHDR, PT_INTERP, two PT_LOADs, PT_GNU_STACK), breaks one field, and
 * parses copies held in buffers of exactly the bytes the kernel would read,
 * so AddressSanitizer catches any read past them.  A rejection must name
 * the check that fired (a word of img.error), not just fail somehow.  The
 * last case parses this test program itself, a real PIE built by gcc, and
 * compares the result with what the running kernel put in our auxv.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include "../elf_parse.h"
#include <errno.h>
#include <stdint.h>

/* <sys/auxv.h> would pull in the C library's <elf.h>, which clashes with ours. */
unsigned long getauxval(unsigned long type);

#define PHOFF		64
#define PHNUM		5
#define INTERP_OFF	0x200
#define TEXT_SIZE	0x1100
#define DATA_OFF	0x2000
#define DATA_FILESZ	0x100
#define DATA_MEMSZ	0x3000
#define FILE_SIZE	(DATA_OFF + DATA_FILESZ)
#define EXEC_BASE	0x400000ULL

enum { PH_PHDR, PH_INTERP, PH_TEXT, PH_DATA, PH_STACK };

static const char interp_path[] = "/lib64/ld-linux-x86-64.so.2";

static union {
	Elf64_Ehdr eh;
	unsigned char b[FILE_SIZE];
} file;
static uint64_t file_size;
static struct elf_image img;

static Elf64_Phdr *ph(int i)
{
	return (Elf64_Phdr *)(file.b + PHOFF) + i;
}

static void set_ph(int i, uint32_t type, uint32_t flags, uint64_t off,
		   uint64_t vaddr, uint64_t filesz, uint64_t memsz)
{
	*ph(i) = (Elf64_Phdr){ .p_type = type, .p_flags = flags,
			       .p_offset = off, .p_vaddr = vaddr,
			       .p_paddr = vaddr, .p_filesz = filesz,
			       .p_memsz = memsz, .p_align = 0x1000 };
}

/* A good image: linked at @base (0 for a PIE), type @type. */
static void make_image(uint16_t type, uint64_t base)
{
	memset(&file, 0, sizeof(file));
	memcpy(file.eh.e_ident, ELFMAG, SELFMAG);
	file.eh.e_ident[EI_CLASS] = ELFCLASS64;
	file.eh.e_ident[EI_DATA] = ELFDATA2LSB;
	file.eh.e_ident[EI_VERSION] = EV_CURRENT;
	file.eh.e_type = type;
	file.eh.e_machine = EM_X86_64;
	file.eh.e_version = EV_CURRENT;
	file.eh.e_entry = base + 0x1000;
	file.eh.e_phoff = PHOFF;
	file.eh.e_ehsize = sizeof(Elf64_Ehdr);
	file.eh.e_phentsize = sizeof(Elf64_Phdr);
	file.eh.e_phnum = PHNUM;
	set_ph(PH_PHDR, PT_PHDR, PF_R, PHOFF, base + PHOFF,
	       PHNUM * sizeof(Elf64_Phdr), PHNUM * sizeof(Elf64_Phdr));
	set_ph(PH_INTERP, PT_INTERP, PF_R, INTERP_OFF, base + INTERP_OFF,
	       sizeof(interp_path), sizeof(interp_path));
	set_ph(PH_TEXT, PT_LOAD, PF_R | PF_X, 0, base, TEXT_SIZE, TEXT_SIZE);
	set_ph(PH_DATA, PT_LOAD, PF_R | PF_W, DATA_OFF, base + DATA_OFF,
	       DATA_FILESZ, DATA_MEMSZ);
	set_ph(PH_STACK, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0);
	memcpy(file.b + INTERP_OFF, interp_path, sizeof(interp_path));
	file_size = FILE_SIZE;
}

static void make_exec(void)
{
	make_image(ET_EXEC, EXEC_BASE);
}

static void make_dyn(void)
{
	make_image(ET_DYN, 0);
}

/* Parse @bytes/@size the way exec does: read 64 bytes, then the table. */
static int parse_bytes(const unsigned char *bytes, uint64_t size)
{
	unsigned char *head, *table;
	size_t table_len;
	int err;

	memset(&img, 0x5a, sizeof(img));	/* stale contents must not matter */
	head = malloc(sizeof(Elf64_Ehdr));
	memcpy(head, bytes, size < sizeof(Elf64_Ehdr) ? size : sizeof(Elf64_Ehdr));
	err = elf_parse_header(head, size < sizeof(Elf64_Ehdr) ? size :
			       sizeof(Elf64_Ehdr), size, &img);
	free(head);
	if (err)
		return err;
	table_len = (size_t)img.phnum * sizeof(Elf64_Phdr);
	table = malloc(table_len);
	memcpy(table, bytes + img.phoff, table_len);
	err = elf_parse_phdrs(table, table_len, size, &img);
	free(table);
	return err;
}

static int parse(void)
{
	return parse_bytes(file.b, file_size);
}

/* The image is refused with -ENOEXEC and a reason containing @word. */
#define EXPECT_REJECT(word)                                                 \
	do {                                                                \
		HT_EQ_INT(parse(), -ENOEXEC);                               \
		HT_ASSERT(img.error != NULL);                               \
		if (!strstr(img.error, (word)))                             \
			HT_FAIL("error \"%s\" does not say \"%s\"",         \
				img.error, (word));                         \
	} while (0)

HOST_TEST(exec_image_gives_entry_loads_span_interp_and_phdr)
{
	make_exec();
	HT_EQ_INT(parse(), 0);
	HT_ASSERT(img.error == NULL);
	HT_EQ_INT(img.type, ET_EXEC);
	HT_EQ_INT(img.entry, EXEC_BASE + 0x1000);
	HT_EQ_INT(img.phoff, PHOFF);
	HT_EQ_INT(img.phnum, PHNUM);
	HT_EQ_INT(img.phentsize, sizeof(Elf64_Phdr));
	HT_EQ_INT(img.nr_loads, 2);
	HT_EQ_INT(img.loads[0].vaddr, EXEC_BASE);
	HT_EQ_INT(img.loads[0].offset, 0);
	HT_EQ_INT(img.loads[0].filesz, TEXT_SIZE);
	HT_EQ_INT(img.loads[0].memsz, TEXT_SIZE);
	HT_EQ_INT(img.loads[1].vaddr, EXEC_BASE + DATA_OFF);
	HT_EQ_INT(img.loads[1].offset, DATA_OFF);
	HT_EQ_INT(img.loads[1].filesz, DATA_FILESZ);
	HT_EQ_INT(img.loads[1].memsz, DATA_MEMSZ);
	HT_EQ_INT(img.span_start, EXEC_BASE);
	HT_EQ_INT(img.span_end, EXEC_BASE + DATA_OFF + DATA_MEMSZ);
	HT_EQ_INT(img.has_interp, 1);
	HT_EQ_INT(img.interp_offset, INTERP_OFF);
	HT_EQ_INT(img.interp_size, sizeof(interp_path));
	HT_EQ_INT(img.has_phdr_vaddr, 1);
	HT_EQ_INT(img.phdr_vaddr, EXEC_BASE + PHOFF);
	HT_EQ_INT(img.exec_stack, 0);
}

HOST_TEST(dyn_image_keeps_addresses_relative_and_rounds_span_to_pages)
{
	make_dyn();
	ph(PH_DATA)->p_offset = DATA_OFF + 0x10;
	ph(PH_DATA)->p_vaddr = DATA_OFF + 0x10;
	ph(PH_DATA)->p_filesz = DATA_FILESZ - 0x10;
	ph(PH_DATA)->p_memsz = 0x2ff0 - 0x10 + 1;	/* ends mid-page */
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.type, ET_DYN);
	HT_EQ_INT(img.entry, 0x1000);
	HT_EQ_INT(img.span_start, 0);
	HT_EQ_INT(img.span_end, DATA_OFF + 0x3000);
	HT_EQ_INT(img.phdr_vaddr, PHOFF);
}

HOST_TEST(segment_flags_become_prot_bits)
{
	make_exec();
	ph(PH_DATA)->p_flags = PF_W;
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.loads[0].prot, ELF_PROT_READ | ELF_PROT_EXEC);
	HT_EQ_INT(img.loads[0].flags, PF_R | PF_X);
	HT_EQ_INT(img.loads[1].prot, ELF_PROT_WRITE);
}

HOST_TEST(phdr_address_without_pt_phdr_comes_from_the_load_holding_it)
{
	/* Static programs often lack PT_PHDR; the table at file offset 64
	 * is in the text segment, so it is mapped at text vaddr + 64. */
	make_exec();
	ph(PH_PHDR)->p_type = PT_NULL;
	ph(PH_TEXT)->p_vaddr = EXEC_BASE - 0x10000;
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.has_phdr_vaddr, 1);
	HT_EQ_INT(img.phdr_vaddr, EXEC_BASE - 0x10000 + PHOFF);

	make_dyn();
	ph(PH_PHDR)->p_type = PT_NULL;
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.phdr_vaddr, PHOFF);
}

HOST_TEST(phdr_address_unknown_when_no_load_holds_the_whole_table)
{
	make_exec();
	ph(PH_PHDR)->p_type = PT_NULL;
	ph(PH_TEXT)->p_filesz = PHOFF + 8;	/* covers only part of it */
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.has_phdr_vaddr, 0);
}

HOST_TEST(gnu_stack_with_pf_x_asks_for_an_executable_stack)
{
	make_exec();
	ph(PH_STACK)->p_flags = PF_R | PF_W | PF_X;
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.exec_stack, 1);

	make_exec();
	ph(PH_STACK)->p_type = PT_NULL;		/* no header: not executable */
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.exec_stack, 0);
}

HOST_TEST(static_image_without_interp_has_no_interp)
{
	make_exec();
	ph(PH_INTERP)->p_type = PT_NOTE;
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.has_interp, 0);
}

HOST_TEST(empty_load_maps_nothing_and_is_left_out)
{
	make_exec();
	set_ph(PH_STACK, PT_LOAD, PF_R, 0, 0x10000, 0, 0); /* out of order, but empty */
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.nr_loads, 2);
	HT_EQ_INT(img.span_start, EXEC_BASE);
}

HOST_TEST(rejects_file_shorter_than_a_header)
{
	make_exec();
	file_size = sizeof(Elf64_Ehdr) - 1;
	EXPECT_REJECT("shorter");
	HT_EQ_INT(elf_parse_header(file.b, 63, FILE_SIZE, &img), -ENOEXEC);
}

HOST_TEST(rejects_bad_magic)
{
	make_exec();
	file.eh.e_ident[EI_MAG3] = 'G';
	EXPECT_REJECT("magic");
	make_exec();
	file.eh.e_ident[EI_MAG0] = 0;
	EXPECT_REJECT("magic");
}

HOST_TEST(rejects_32_bit_class)
{
	make_exec();
	file.eh.e_ident[EI_CLASS] = ELFCLASS32;
	EXPECT_REJECT("64-bit");
}

HOST_TEST(rejects_big_endian)
{
	make_exec();
	file.eh.e_ident[EI_DATA] = ELFDATA2MSB;
	EXPECT_REJECT("endian");
}

HOST_TEST(rejects_bad_version_in_ident_or_header)
{
	make_exec();
	file.eh.e_ident[EI_VERSION] = 2;
	EXPECT_REJECT("version");
	make_exec();
	file.eh.e_version = 0;
	EXPECT_REJECT("version");
}

HOST_TEST(rejects_other_machines)
{
	make_exec();
	file.eh.e_machine = 3;	/* EM_386 */
	EXPECT_REJECT("x86_64");
}

HOST_TEST(rejects_relocatable_and_core_files)
{
	make_exec();
	file.eh.e_type = ET_REL;
	EXPECT_REJECT("executable");
	file.eh.e_type = ET_CORE;
	EXPECT_REJECT("executable");
}

HOST_TEST(rejects_program_header_size_other_than_56)
{
	make_exec();
	file.eh.e_phentsize = 64;
	EXPECT_REJECT("size");
}

HOST_TEST(rejects_zero_or_too_many_program_headers)
{
	make_exec();
	file.eh.e_phnum = 0;
	EXPECT_REJECT("no program headers");
	make_exec();
	file.eh.e_phnum = ELF_MAX_PHNUM + 1;
	EXPECT_REJECT("too many program headers");
}

HOST_TEST(rejects_program_header_table_outside_the_file)
{
	make_exec();
	file.eh.e_phoff = FILE_SIZE - PHNUM * sizeof(Elf64_Phdr) + 1;
	EXPECT_REJECT("outside");
	make_exec();
	file.eh.e_phoff = UINT64_MAX - 8;	/* offset + size wraps */
	EXPECT_REJECT("outside");
}

HOST_TEST(rejects_load_with_filesz_above_memsz)
{
	make_exec();
	ph(PH_DATA)->p_memsz = DATA_FILESZ - 1;
	EXPECT_REJECT("filesz > memsz");
}

HOST_TEST(rejects_load_bytes_beyond_the_file_or_wrapping)
{
	make_exec();
	ph(PH_DATA)->p_filesz = DATA_FILESZ + 1;
	EXPECT_REJECT("outside the file");
	make_exec();
	ph(PH_DATA)->p_offset = UINT64_MAX - 0xfff;	/* + filesz wraps */
	ph(PH_DATA)->p_vaddr = EXEC_BASE + 0x3000;
	EXPECT_REJECT("outside the file");
}

HOST_TEST(rejects_load_whose_end_wraps_around)
{
	make_exec();
	ph(PH_DATA)->p_memsz = UINT64_MAX - ph(PH_DATA)->p_vaddr + 2;
	EXPECT_REJECT("kernel half");
}

HOST_TEST(rejects_load_reaching_the_kernel_half_but_accepts_its_edge)
{
	make_exec();
	ph(PH_DATA)->p_vaddr = ELF_USER_END - 0x1000;	/* offset 0x2000: congruent */
	ph(PH_DATA)->p_memsz = 0x1000;
	HT_EQ_INT(parse(), 0);
	HT_EQ_INT(img.span_end, ELF_USER_END);
	ph(PH_DATA)->p_memsz = 0x1001;
	EXPECT_REJECT("kernel half");
	make_exec();
	ph(PH_DATA)->p_vaddr = 0xffffffff80002000ULL;
	ph(PH_DATA)->p_memsz = 0x100;
	EXPECT_REJECT("kernel half");
}

HOST_TEST(rejects_vaddr_not_congruent_to_offset_modulo_page)
{
	make_exec();
	ph(PH_DATA)->p_vaddr += 0x10;
	EXPECT_REJECT("congruent");
}

HOST_TEST(rejects_loads_out_of_order)
{
	Elf64_Phdr text;

	make_exec();
	text = *ph(PH_TEXT);
	*ph(PH_TEXT) = *ph(PH_DATA);
	*ph(PH_DATA) = text;
	EXPECT_REJECT("ascending");
}

HOST_TEST(rejects_loads_that_overlap_or_share_a_page)
{
	make_exec();
	ph(PH_DATA)->p_vaddr = EXEC_BASE + 0x1000;	/* text ends at 0x1100 */
	EXPECT_REJECT("share a page");
	make_exec();
	ph(PH_TEXT)->p_memsz = 0x2800;			/* runs into data */
	EXPECT_REJECT("overlap");
}

HOST_TEST(rejects_no_load_at_all)
{
	make_exec();
	ph(PH_TEXT)->p_type = PT_NULL;
	ph(PH_DATA)->p_type = PT_NOTE;
	EXPECT_REJECT("no PT_LOAD");
}

HOST_TEST(accepts_sixteen_loads_and_rejects_seventeen)
{
	static union {
		Elf64_Ehdr eh;
		unsigned char b[0x20000];
	} big;
	Elf64_Phdr *p = (Elf64_Phdr *)(big.b + PHOFF);

	make_exec();
	memcpy(big.b, file.b, sizeof(Elf64_Ehdr));
	big.eh.e_phnum = ELF_MAX_LOADS + 1;
	for (int i = 0; i <= ELF_MAX_LOADS; i++)
		p[i] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R,
				     .p_offset = 0x1000 * i,
				     .p_vaddr = EXEC_BASE + 0x1000 * i,
				     .p_filesz = 0x1000, .p_memsz = 0x1000 };
	HT_EQ_INT(parse_bytes(big.b, sizeof(big.b)), -ENOEXEC);
	HT_ASSERT(strstr(img.error, "too many PT_LOAD"));
	p[ELF_MAX_LOADS].p_type = PT_NULL;
	HT_EQ_INT(parse_bytes(big.b, sizeof(big.b)), 0);
	HT_EQ_INT(img.nr_loads, ELF_MAX_LOADS);
	HT_EQ_INT(img.span_end, EXEC_BASE + 0x1000 * ELF_MAX_LOADS);
}

HOST_TEST(rejects_second_interp)
{
	make_exec();
	*ph(PH_STACK) = *ph(PH_INTERP);
	EXPECT_REJECT("more than one PT_INTERP");
}

HOST_TEST(rejects_interp_empty_too_long_or_outside_the_file)
{
	make_exec();
	ph(PH_INTERP)->p_filesz = 0;
	EXPECT_REJECT("PT_INTERP size");
	make_exec();
	ph(PH_INTERP)->p_filesz = ELF_MAX_INTERP + 1;
	EXPECT_REJECT("PT_INTERP size");
	make_exec();
	ph(PH_INTERP)->p_offset = FILE_SIZE - 4;
	EXPECT_REJECT("PT_INTERP outside");
	make_exec();
	ph(PH_INTERP)->p_offset = UINT64_MAX - 4;
	EXPECT_REJECT("PT_INTERP outside");
}

HOST_TEST(interp_path_must_end_in_its_nul)
{
	HT_EQ_INT(elf_check_interp(interp_path, sizeof(interp_path)), 0);
	HT_EQ_INT(elf_check_interp(interp_path, sizeof(interp_path) - 1), -ENOEXEC);
	HT_EQ_INT(elf_check_interp("", 0), -ENOEXEC);
}

HOST_TEST(phdrs_buffer_shorter_than_the_table_is_a_caller_error)
{
	make_exec();
	HT_EQ_INT(elf_parse_header(file.b, sizeof(Elf64_Ehdr), FILE_SIZE, &img), 0);
	HT_EQ_INT(elf_parse_phdrs(file.b + PHOFF, PHNUM * sizeof(Elf64_Phdr) - 1,
				  FILE_SIZE, &img), -EINVAL);
}

HOST_TEST(own_executable_parses_and_matches_the_auxv_we_were_given)
{
	FILE *f = fopen("/proc/self/exe", "rb");
	unsigned char *bytes, *interp;
	long size;
	uint64_t bias;

	if (!f) {
		printf("note: /proc/self/exe unreadable, case skipped\n");
		return;
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	bytes = malloc(size);
	HT_ASSERT(fread(bytes, 1, size, f) == (size_t)size);
	fclose(f);

	HT_EQ_INT(parse_bytes(bytes, size), 0);
	HT_ASSERT(img.type == ET_DYN || img.type == ET_EXEC);
	HT_ASSERT(img.nr_loads >= 2);
	HT_EQ_INT(img.has_interp, 1);
	interp = bytes + img.interp_offset;
	HT_EQ_INT(elf_check_interp((char *)interp, img.interp_size), 0);
	HT_EQ_INT(interp[0], '/');
	/* The host kernel loaded us: its AT_PHDR and AT_ENTRY are our
	 * phdr_vaddr and entry plus one and the same load bias. */
	HT_EQ_INT(img.has_phdr_vaddr, 1);
	bias = getauxval(AT_ENTRY) - img.entry;
	HT_EQ_INT(getauxval(AT_PHDR), img.phdr_vaddr + bias);
	HT_EQ_INT(getauxval(AT_PHNUM), img.phnum);
	HT_EQ_INT(bias & (ELF_PAGE_SIZE - 1), 0);
	if (img.type == ET_EXEC)
		HT_EQ_INT(bias, 0);
	free(bytes);
}
