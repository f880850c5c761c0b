/*
 * elf_parse.c - check an ELF64 executable's headers and say what to map where.
 *
 * The rule of this file: a field read from the file is a claim, not a fact.
 * Each check below names the damage it prevents.  Every "start + length" is
 * compared without an addition that could wrap (in_file(), fits_below()),
 * and headers are copied out with memcpy() because the caller's buffer
 * promises no alignment.
 *
 * What is checked is what the loader relies on; what Linux leaves to later
 * steps (e.g. an ET_EXEC below mmap_min_addr, which the mapping refuses) is
 * left to them here too.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "elf_parse.h"

#define PAGE_MASK (ELF_PAGE_SIZE - 1)

static int fail(struct elf_image *img, const char *why)
{
	img->error = why;
	return -ENOEXEC;
}

/* Is [off, off + len) inside a file of @size bytes?  off <= size first, then
 * compare len with what is left: no addition, so nothing can wrap. */
static int in_file(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

/* Does [start, start + len) end at or below @limit, without wrapping? */
static int fits_below(uint64_t start, uint64_t len, uint64_t limit)
{
	return start <= limit && len <= limit - start;
}

/* PF_R/PF_W/PF_X are 4/2/1 but PROT_READ/WRITE/EXEC are 1/2/4. */
static uint32_t prot_from_flags(uint32_t flags)
{
	uint32_t prot = 0;

	if (flags & PF_R)
		prot |= ELF_PROT_READ;
	if (flags & PF_W)
		prot |= ELF_PROT_WRITE;
	if (flags & PF_X)
		prot |= ELF_PROT_EXEC;
	return prot;
}

int elf_parse_header(const void *buf, size_t len, uint64_t file_size,
		     struct elf_image *img)
{
	Elf64_Ehdr eh;

	memset(img, 0, sizeof(*img));
	if (len < sizeof(eh) || file_size < sizeof(eh))
		return fail(img, "shorter than an ELF header");
	memcpy(&eh, buf, sizeof(eh));

	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0)
		return fail(img, "bad ELF magic");
	if (eh.e_ident[EI_CLASS] != ELFCLASS64)
		return fail(img, "not a 64-bit ELF file");
	if (eh.e_ident[EI_DATA] != ELFDATA2LSB)
		return fail(img, "not little-endian");
	if (eh.e_ident[EI_VERSION] != EV_CURRENT || eh.e_version != EV_CURRENT)
		return fail(img, "bad ELF version");
	if (eh.e_machine != EM_X86_64)
		return fail(img, "not an x86_64 program");
	if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
		return fail(img, "not an executable or shared object");
	/* The parser reads entries of exactly our struct's size; a file that
	 * says otherwise would have us read fields from the wrong places. */
	if (eh.e_phentsize != sizeof(Elf64_Phdr))
		return fail(img, "program header size is not 56");
	if (eh.e_phnum == 0)
		return fail(img, "no program headers");
	if (eh.e_phnum > ELF_MAX_PHNUM)
		return fail(img, "too many program headers");
	if (!in_file(eh.e_phoff, (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr),
		     file_size))
		return fail(img, "program header table outside the file");

	img->type = eh.e_type;
	img->entry = eh.e_entry;
	img->phoff = eh.e_phoff;
	img->phnum = eh.e_phnum;
	img->phentsize = eh.e_phentsize;
	return 0;
}

/*
 * Check one PT_LOAD against the file, the user half and the segment before
 * it, and append it to img->loads[].  A segment with p_memsz == 0 maps
 * nothing and is skipped (after the checks that still make sense).
 */
static int add_load(struct elf_image *img, const Elf64_Phdr *ph,
		    uint64_t file_size)
{
	struct elf_segment *seg, *prev;

	if (ph->p_filesz > ph->p_memsz)
		return fail(img, "PT_LOAD with filesz > memsz");
	if (!in_file(ph->p_offset, ph->p_filesz, file_size))
		return fail(img, "PT_LOAD file bytes outside the file");
	if (!fits_below(ph->p_vaddr, ph->p_memsz, ELF_USER_END))
		return fail(img, "PT_LOAD wraps or reaches the kernel half");
	/* mmap maps whole file pages at whole memory pages: the byte at
	 * p_offset can only land at p_vaddr if both sit at the same place in
	 * their pages. */
	if (((ph->p_vaddr - ph->p_offset) & PAGE_MASK) != 0)
		return fail(img, "PT_LOAD vaddr and offset not congruent mod page size");
	if (ph->p_memsz == 0)
		return 0;

	/* gABI: PT_LOAD entries are sorted by p_vaddr.  Each page gets one
	 * protection and one backing, so two segments may not share a page
	 * (segments from GNU ld and lld never do). */
	if (img->nr_loads > 0) {
		prev = &img->loads[img->nr_loads - 1];
		if (ph->p_vaddr < prev->vaddr)
			return fail(img, "PT_LOAD segments not in ascending order");
		if ((ph->p_vaddr & ~PAGE_MASK) <
		    ((prev->vaddr + prev->memsz + PAGE_MASK) & ~PAGE_MASK))
			return fail(img, "PT_LOAD segments overlap or share a page");
	}
	if (img->nr_loads == ELF_MAX_LOADS)
		return fail(img, "too many PT_LOAD segments");

	seg = &img->loads[img->nr_loads++];
	seg->vaddr = ph->p_vaddr;
	seg->memsz = ph->p_memsz;
	seg->offset = ph->p_offset;
	seg->filesz = ph->p_filesz;
	seg->flags = ph->p_flags;
	seg->prot = prot_from_flags(ph->p_flags);
	return 0;
}

static int add_interp(struct elf_image *img, const Elf64_Phdr *ph,
		      uint64_t file_size)
{
	/* A second interpreter would make the choice depend on our loop. */
	if (img->has_interp)
		return fail(img, "more than one PT_INTERP");
	if (ph->p_filesz == 0 || ph->p_filesz > ELF_MAX_INTERP)
		return fail(img, "PT_INTERP size is 0 or above PATH_MAX");
	if (!in_file(ph->p_offset, ph->p_filesz, file_size))
		return fail(img, "PT_INTERP outside the file");
	img->has_interp = 1;
	img->interp_offset = ph->p_offset;
	img->interp_size = ph->p_filesz;
	return 0;
}

/*
 * AT_PHDR without PT_PHDR (common in static programs): the table is in
 * memory if some PT_LOAD maps the file bytes that hold it, at the same
 * distance from the segment's start as in the file.  The whole table must
 * be inside the segment's file bytes, or ld.so would read zeroes or the
 * next segment as program headers.
 */
static void find_phdr_in_loads(struct elf_image *img)
{
	uint64_t table_size = (uint64_t)img->phnum * sizeof(Elf64_Phdr);

	for (uint32_t i = 0; i < img->nr_loads; i++) {
		const struct elf_segment *seg = &img->loads[i];

		if (img->phoff >= seg->offset &&
		    in_file(img->phoff - seg->offset, table_size, seg->filesz)) {
			img->phdr_vaddr = seg->vaddr + (img->phoff - seg->offset);
			img->has_phdr_vaddr = 1;
			return;
		}
	}
}

int elf_parse_phdrs(const void *phdrs, size_t len, uint64_t file_size,
		    struct elf_image *img)
{
	const unsigned char *table = phdrs;
	int err;

	if (len < (size_t)img->phnum * sizeof(Elf64_Phdr))
		return -EINVAL;

	for (unsigned int i = 0; i < img->phnum; i++) {
		Elf64_Phdr ph;

		memcpy(&ph, table + i * sizeof(ph), sizeof(ph));
		switch (ph.p_type) {
		case PT_LOAD:
			err = add_load(img, &ph, file_size);
			break;
		case PT_INTERP:
			err = add_interp(img, &ph, file_size);
			break;
		case PT_PHDR:
			img->phdr_vaddr = ph.p_vaddr;
			img->has_phdr_vaddr = 1;
			err = 0;
			break;
		case PT_GNU_STACK:
			img->exec_stack = (ph.p_flags & PF_X) != 0;
			err = 0;
			break;
		default:
			err = 0;	/* not needed to load the program */
			break;
		}
		if (err)
			return err;
	}

	if (img->nr_loads == 0)
		return fail(img, "no PT_LOAD segment");
	img->span_start = img->loads[0].vaddr & ~PAGE_MASK;
	/* Cannot wrap: every segment ends at or below ELF_USER_END, a page
	 * boundary. */
	img->span_end = (img->loads[img->nr_loads - 1].vaddr +
			 img->loads[img->nr_loads - 1].memsz + PAGE_MASK) &
			~PAGE_MASK;
	if (!img->has_phdr_vaddr)
		find_phdr_in_loads(img);
	return 0;
}

int elf_check_interp(const char *buf, size_t len)
{
	/* The path is used as a C string: it must end inside the buffer. */
	if (len == 0 || buf[len - 1] != '\0')
		return -ENOEXEC;
	return 0;
}
