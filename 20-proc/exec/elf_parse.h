/**
 * @file elf_parse.h
 * @brief Checking an ELF64 executable before execve(2) maps any of it.
 *
 * execve() reads a file anybody could have written, so every field is a
 * claim to check: offsets against the file size, "start + length" against
 * wrap-around, addresses against the kernel half.  The parser works on
 * buffers the caller has read, in two steps, because the program header
 * table lives wherever e_phoff says:
 *
 *	read the first 64+ bytes      -> elf_parse_header()
 *	read img.phnum * 56 bytes at img.phoff
 *	                              -> elf_parse_phdrs()
 *	if img.has_interp: read img.interp_size bytes at img.interp_offset
 *	                              -> elf_check_interp()
 *
 * On success struct elf_image says everything the loader needs: which file
 * bytes go to which addresses with which protection, the span to reserve,
 * the entry point, AT_PHDR, the interpreter, and the stack's protection.
 * On failure the functions return -ENOEXEC (the errno execve gives for a
 * file that is not a valid executable) and img->error holds a short static
 * reason for the kernel log.
 *
 * Addresses of an ET_DYN image (a PIE or ld.so) are relative: the loader
 * adds the load bias it chooses to every vaddr, to entry and to phdr_vaddr,
 * and must check the biased span against the user half itself.
 *
 * Pure C: no kernel calls, no allocation, never reads outside the buffers it
 * is given; the same file runs in the host tests.  May be called anywhere.
 */
#ifndef EXEC_ELF_PARSE_H
#define EXEC_ELF_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "../include/elf.h"

/** @brief Page size the segments are checked against (x86_64's 4 KiB). */
#define ELF_PAGE_SIZE 4096UL

/** @brief First address of the kernel half: no segment may reach it. */
#define ELF_USER_END 0x0000800000000000UL

/** @brief Most PT_LOAD segments an image may have (Linux has no limit; real programs have 2-5). */
#define ELF_MAX_LOADS 16

/**
 * @brief Most program headers: Linux refuses a table bigger than one page
 * (fs/binfmt_elf.c), i.e. 73 entries of 56 bytes.
 */
#define ELF_MAX_PHNUM (ELF_PAGE_SIZE / sizeof(Elf64_Phdr))

/** @brief Longest PT_INTERP, its NUL included (Linux's PATH_MAX). */
#define ELF_MAX_INTERP 4096

/** @name elf_segment::prot bits, the values of PROT_READ/WRITE/EXEC */
/**@{*/
#define ELF_PROT_READ	1U	/**< from PF_R */
#define ELF_PROT_WRITE	2U	/**< from PF_W */
#define ELF_PROT_EXEC	4U	/**< from PF_X */
/**@}*/

/**
 * @brief One checked PT_LOAD segment.
 *
 * Map file bytes [offset, offset + filesz) at [vaddr, vaddr + filesz), zero
 * the rest up to vaddr + memsz.  vaddr and offset are equal modulo
 * ELF_PAGE_SIZE, so whole file pages can back whole memory pages; the bytes
 * between vaddr + filesz and the end of its page must be zeroed by the
 * loader (they hold whatever follows in the file).
 */
struct elf_segment {
	uint64_t vaddr;		/**< address of the first byte (unbiased for ET_DYN) */
	uint64_t memsz;		/**< bytes in memory, > 0 */
	uint64_t offset;	/**< file offset of the first byte */
	uint64_t filesz;	/**< bytes from the file, <= memsz */
	uint32_t prot;		/**< ELF_PROT_* converted from p_flags */
	uint32_t flags;		/**< the raw p_flags (PF_R | PF_W | PF_X) */
};

/**
 * @brief What elf_parse_header() and elf_parse_phdrs() found.
 *
 * Fields up to phentsize are set by elf_parse_header(); the rest by
 * elf_parse_phdrs().  Empty PT_LOADs (p_memsz == 0) map nothing and are
 * left out of loads[].
 */
struct elf_image {
	uint16_t type;		/**< ET_EXEC or ET_DYN */
	uint64_t entry;		/**< e_entry (unbiased for ET_DYN) */
	uint64_t phoff;		/**< file offset of the program header table */
	uint16_t phnum;		/**< number of program headers, 1..ELF_MAX_PHNUM */
	uint16_t phentsize;	/**< sizeof(Elf64_Phdr) */

	uint32_t nr_loads;	/**< valid entries in loads[], >= 1 */
	struct elf_segment loads[ELF_MAX_LOADS]; /**< by ascending vaddr, page-disjoint */
	uint64_t span_start;	/**< first vaddr rounded down to a page */
	uint64_t span_end;	/**< end of the last segment rounded up to a page */

	int has_interp;		/**< 1 if there is a PT_INTERP (dynamically linked) */
	uint64_t interp_offset;	/**< file offset of the interpreter path */
	uint64_t interp_size;	/**< its size, NUL included: 1..ELF_MAX_INTERP */

	int has_phdr_vaddr;	/**< 1 if phdr_vaddr is known */
	uint64_t phdr_vaddr;	/**< AT_PHDR before biasing: PT_PHDR's p_vaddr, else the
				     address where a PT_LOAD maps file offset phoff */

	/**
	 * 1 if PT_GNU_STACK has PF_X.  Without PT_GNU_STACK the stack is not
	 * executable either: since Linux 5.8 a missing header implies nothing
	 * for 64-bit x86 programs.
	 */
	int exec_stack;

	const char *error;	/**< static reason after -ENOEXEC, else NULL */
};

/**
 * elf_parse_header() - Check the ELF header of a would-be executable.
 * @param buf       the first bytes of the file (any alignment)
 * @param len       bytes readable at @p buf; fewer than 64 is refused
 * @param file_size size of the whole file
 * @param img       zeroed, then filled with type, entry, phoff, phnum, phentsize
 * @return 0, or -ENOEXEC with img->error set if the file is not a little-endian
 *         ELF64 x86_64 ET_EXEC/ET_DYN file whose program header table of
 *         1..ELF_MAX_PHNUM entries of 56 bytes lies inside the file
 */
int elf_parse_header(const void *buf, size_t len, uint64_t file_size,
		     struct elf_image *img);

/**
 * elf_parse_phdrs() - Check the program headers and summarise the image.
 * @param phdrs     the img->phnum * sizeof(Elf64_Phdr) bytes read at img->phoff
 * @param len       bytes readable at @p phdrs
 * @param file_size size of the whole file
 * @param img       as elf_parse_header() left it; the rest is filled in
 * @return 0; -EINVAL if @p len is shorter than the table (a caller bug);
 *         -ENOEXEC with img->error set if: no PT_LOAD, more than ELF_MAX_LOADS,
 *         a PT_LOAD with filesz > memsz, file bytes outside the file,
 *         vaddr + memsz wrapping or reaching ELF_USER_END, vaddr and offset
 *         not congruent modulo the page size, PT_LOADs out of vaddr order or
 *         sharing a page; more than one PT_INTERP, or one whose size is 0,
 *         above ELF_MAX_INTERP or outside the file.
 */
int elf_parse_phdrs(const void *phdrs, size_t len, uint64_t file_size,
		    struct elf_image *img);

/**
 * elf_check_interp() - Check the interpreter path read from PT_INTERP.
 * @param buf the img->interp_size bytes read at img->interp_offset
 * @param len img->interp_size
 * @return 0 if the path's last byte is its terminating NUL, else -ENOEXEC
 *
 * As in Linux, nothing else is checked here: an empty or missing path then
 * fails when it is looked up (-ENOENT).
 */
int elf_check_interp(const char *buf, size_t len);

#endif /* EXEC_ELF_PARSE_H */
