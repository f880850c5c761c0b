/*
 * boot_elf.c - check a kernel ELF file and say what to load where.
 *
 * The rule of this file: a field read from the file is a claim, not a fact.
 * Every offset is checked against the file size and every "start + length"
 * against wrap-around before it is used, so a truncated, corrupted or
 * simply wrong kernel.elf ends in a message, never in a jump into garbage.
 * Headers are copied out with memcpy() because the file buffer promises no
 * alignment.
 *
 * The layouts and constants are those of the System V gABI ("ELF Header",
 * "Program Header", "Note Section") and its x86-64 supplement; they are
 * spelled out here so this file needs no <elf.h> and builds anywhere.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "boot_elf.h"

struct elf64_ehdr {
	unsigned char ident[16];
	uint16_t type;
	uint16_t machine;
	uint32_t version;
	uint64_t entry;
	uint64_t phoff;
	uint64_t shoff;
	uint32_t flags;
	uint16_t ehsize;
	uint16_t phentsize;
	uint16_t phnum;
	uint16_t shentsize;
	uint16_t shnum;
	uint16_t shstrndx;
};

struct elf64_phdr {
	uint32_t type;
	uint32_t flags;
	uint64_t offset;
	uint64_t vaddr;
	uint64_t paddr;
	uint64_t filesz;
	uint64_t memsz;
	uint64_t align;
};

struct elf64_nhdr {
	uint32_t namesz;
	uint32_t descsz;
	uint32_t type;
};

#define ELF_CLASS64	2	/* ident[4] */
#define ELF_DATA2LSB	1	/* ident[5] */
#define ELF_VERSION	1	/* ident[6] and e_version */
#define ELF_ET_EXEC	2
#define ELF_ET_DYN	3
#define ELF_EM_X86_64	62
#define ELF_PT_LOAD	1
#define ELF_PT_NOTE	4

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

/* Is [off, off + len) inside a file of @size bytes?  Written so that no
 * addition can wrap: off <= size first, then compare len with what is left. */
static int in_file(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

/* Append the decimal digits of @n to @buf at *@pos (which stays < @cap). */
static void put_uint(char *buf, size_t cap, size_t *pos, unsigned int n)
{
	char digits[10];
	int i = 0;

	do {
		digits[i++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	while (i && *pos + 1 < cap)
		buf[(*pos)++] = digits[--i];
}

static void put_str(char *buf, size_t cap, size_t *pos, const char *s)
{
	while (*s && *pos + 1 < cap)
		buf[(*pos)++] = *s++;
}

/*
 * A message naming the program header at fault, e.g. "segment 2 extends
 * past the end of the file"; "segment N" is the index readelf -l shows.
 * It lives in out->message so boot_elf_parse() needs no static buffer.
 */
static const char *segment_msg(struct boot_elf_image *out, unsigned int index,
			       const char *what)
{
	size_t pos = 0;

	put_str(out->message, sizeof(out->message), &pos, "segment ");
	put_uint(out->message, sizeof(out->message), &pos, index);
	put_str(out->message, sizeof(out->message), &pos, " ");
	put_str(out->message, sizeof(out->message), &pos, what);
	out->message[pos] = '\0';
	return out->message;
}

static uint64_t align_up(uint64_t x, uint64_t a)
{
	return (x + a - 1) & ~(a - 1);
}

/*
 * Walk the notes of one PT_NOTE segment (already known to lie inside the
 * file) looking for the Strata entry note.  Notes are padded to 4 bytes,
 * or to 8 in a segment whose p_align is 8 (that is how binutils lays out
 * GNU property notes); the padding after the very last description may be
 * cut off by the segment end, which is tolerated.
 * Returns NULL or the reason the notes are unacceptable.
 */
static const char *scan_notes(const unsigned char *p, uint64_t len,
			      uint64_t seg_align, int *found, uint64_t *entry)
{
	uint64_t a = seg_align == 8 ? 8 : 4;
	uint64_t pos = 0;
	struct elf64_nhdr nh;
	const unsigned char *name, *desc;

	while (len - pos >= sizeof(nh)) {
		memcpy(&nh, p + pos, sizeof(nh));
		pos += sizeof(nh);
		/* namesz and descsz are 32-bit, so the 64-bit sums cannot wrap. */
		if (align_up(nh.namesz, a) > len - pos)
			return "a note runs past the end of its segment";
		name = p + pos;
		pos += align_up(nh.namesz, a);
		if (nh.descsz > len - pos)
			return "a note runs past the end of its segment";
		desc = p + pos;
		pos += align_up(nh.descsz, a) <= len - pos ? align_up(nh.descsz, a)
							   : len - pos;

		if (nh.namesz != sizeof(BOOT_ELF_NOTE_NAME) ||
		    memcmp(name, BOOT_ELF_NOTE_NAME, sizeof(BOOT_ELF_NOTE_NAME)) != 0 ||
		    nh.type != BOOT_ELF_NOTE_ENTRY64)
			continue;
		if (nh.descsz != sizeof(*entry))
			return "the Strata entry note's description is not 8 bytes";
		if (*found)
			return "more than one Strata entry note";
		memcpy(entry, desc, sizeof(*entry));
		*found = 1;
	}
	return NULL;
}

/* The checks on the ELF header alone; NULL if it is acceptable. */
static const char *check_header(const struct elf64_ehdr *eh, uint64_t size)
{
	if (memcmp(eh->ident, "\177ELF", 4) != 0)
		return "not an ELF file (bad magic)";
	if (eh->ident[4] != ELF_CLASS64)
		return "not ELF64 (a 32-bit ELF file?)";
	if (eh->ident[5] != ELF_DATA2LSB)
		return "not little-endian";
	if (eh->ident[6] != ELF_VERSION || eh->version != ELF_VERSION)
		return "unsupported ELF version";
	if (eh->type == ELF_ET_DYN)
		return "not an executable (e_type is ET_DYN: a shared library or PIE)";
	if (eh->type != ELF_ET_EXEC)
		return "not an executable (e_type)";
	if (eh->machine != ELF_EM_X86_64)
		return "not x86_64 (e_machine)";
	if (eh->phnum == 0)
		return "no program headers";
	if (eh->phentsize != sizeof(struct elf64_phdr))
		return "unexpected program header size (e_phentsize)";
	/* phnum * 56 is below 2^22, no overflow. */
	if (!in_file(eh->phoff, (uint64_t)eh->phnum * eh->phentsize, size))
		return "program headers outside the file";
	return NULL;
}

/* Checks one PT_LOAD on its own and records it; NULL if acceptable. */
static const char *add_load(struct boot_elf_image *out, unsigned int index,
			    const struct elf64_phdr *ph, uint64_t size)
{
	struct boot_elf_segment *s;

	if (ph->memsz == 0)
		return NULL;	/* occupies no memory: nothing to load */
	if (ph->filesz > ph->memsz)
		return segment_msg(out, index, "has p_filesz > p_memsz");
	if (!in_file(ph->offset, ph->filesz, size))
		return segment_msg(out, index, "extends past the end of the file");
	if (ph->paddr % BOOT_ELF_PAGE_SIZE)
		return segment_msg(out, index, "has a p_paddr that is not page aligned");
	/* Leave room to round the end up to a page without wrapping. */
	if (ph->memsz > UINT64_MAX - (BOOT_ELF_PAGE_SIZE - 1) - ph->paddr)
		return segment_msg(out, index, "wraps around the physical address space");
	if (ph->memsz > UINT64_MAX - ph->vaddr)
		return segment_msg(out, index, "wraps around the virtual address space");
	if (out->count == BOOT_ELF_MAX_SEGMENTS)
		return "too many PT_LOAD segments (at most "
		       STRINGIFY(BOOT_ELF_MAX_SEGMENTS) ")";

	s = &out->seg[out->count++];
	s->offset = ph->offset;
	s->filesz = ph->filesz;
	s->memsz = ph->memsz;
	s->paddr = ph->paddr;
	s->vaddr = ph->vaddr;
	s->flags = ph->flags;
	return NULL;
}

/*
 * Checks that need all segments: no two share a page (each is loaded into
 * pages of its own, allocated at its address), and the entry point lies in
 * bytes that come from the file and are executable - a jump into .bss
 * would run zeros.  Also computes the image bounds.
 */
static const char *check_image(struct boot_elf_image *out)
{
	const struct boot_elf_segment *a, *b;
	int entry_ok = 0;

	out->phys_start = UINT64_MAX;
	out->phys_end = 0;
	for (a = out->seg; a < out->seg + out->count; a++) {
		uint64_t a_end = align_up(a->paddr + a->memsz, BOOT_ELF_PAGE_SIZE);

		for (b = out->seg; b < a; b++) {
			uint64_t b_end = align_up(b->paddr + b->memsz,
						  BOOT_ELF_PAGE_SIZE);

			if (a->paddr < b_end && b->paddr < a_end)
				return "segments overlap (or share a page) in physical memory";
		}
		if (a->paddr < out->phys_start)
			out->phys_start = a->paddr;
		if (a->paddr + a->memsz > out->phys_end)
			out->phys_end = a->paddr + a->memsz;

		if (out->entry64 < a->paddr || out->entry64 - a->paddr >= a->memsz)
			continue;
		if (!(a->flags & BOOT_ELF_PF_X))
			return "the 64-bit entry point is in a segment that is not executable";
		if (out->entry64 - a->paddr >= a->filesz)
			return "the 64-bit entry point is in .bss, not in bytes from the file";
		entry_ok = 1;
	}
	if (!entry_ok)
		return "the 64-bit entry point is outside every loaded segment";
	return NULL;
}

int boot_elf_parse(const void *file, uint64_t size, struct boot_elf_image *out,
		   const char **why)
{
	const unsigned char *bytes = file;
	struct elf64_ehdr eh;
	struct elf64_phdr ph;
	const char *err;
	int found_entry = 0;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	if (!file || size < sizeof(eh)) {
		err = "file too small for an ELF header";
		goto fail;
	}
	memcpy(&eh, bytes, sizeof(eh));
	err = check_header(&eh, size);
	if (err)
		goto fail;

	for (i = 0; i < eh.phnum; i++) {
		memcpy(&ph, bytes + eh.phoff + (uint64_t)i * sizeof(ph), sizeof(ph));
		if (ph.type == ELF_PT_LOAD) {
			err = add_load(out, i, &ph, size);
		} else if (ph.type == ELF_PT_NOTE) {
			if (!in_file(ph.offset, ph.filesz, size))
				err = segment_msg(out, i,
						  "(notes) extends past the end of the file");
			else
				err = scan_notes(bytes + ph.offset, ph.filesz, ph.align,
						 &found_entry, &out->entry64);
		}
		if (err)
			goto fail;
	}
	if (out->count == 0) {
		err = "no PT_LOAD segment: nothing to load";
		goto fail;
	}
	if (!found_entry) {
		err = "no Strata entry note (type " STRINGIFY(BOOT_ELF_NOTE_ENTRY64)
		      ", the 64-bit entry point): not a Strata kernel?";
		goto fail;
	}
	err = check_image(out);
	if (err)
		goto fail;
	return 0;

fail:
	*why = err;
	return -ENOEXEC;
}
