/**
 * @file boot_elf.h
 * @brief Checking a kernel ELF file before a boot loader trusts it.
 *
 * The UEFI loader reads kernel.elf from a FAT partition that anybody could
 * have written, so it must not believe a single field of it: every offset,
 * size and address is checked here, with overflow in mind, before one byte
 * is copied.  The result is a short list of what to load where, and the
 * physical address of the kernel's 64-bit entry point.
 *
 * Why a note and not e_entry: e_entry of the Strata kernel is the physical
 * address of its 32-bit Multiboot2 entry, because GRUB jumps there in
 * protected mode.  A UEFI loader runs in long mode, so the kernel names its
 * 64-bit entry in an ELF note (the same idea as Xen's PVH entry note):
 * name "Strata", type BOOT_ELF_NOTE_ENTRY64, 8 bytes of description holding
 * the physical address.
 *
 * Pure C: built into the loader and into the host unit tests.  The macros
 * may also be included from assembly (with __ASSEMBLY__ defined) to emit
 * the note.
 */
#ifndef BOOT_ELF_H
#define BOOT_ELF_H

/** @brief Name of the Strata ELF notes, without its NUL (namesz is 7). */
#define BOOT_ELF_NOTE_NAME "Strata"
/**
 * @brief Note type whose 8-byte description is the physical address of the
 * 64-bit entry point (long mode, firmware identity map, rdi = boot_info).
 */
#define BOOT_ELF_NOTE_ENTRY64 1
/** @brief Most PT_LOAD segments a kernel image may have. */
#define BOOT_ELF_MAX_SEGMENTS 16
/** @brief boot_elf_segment::flags bit of an executable segment (ELF PF_X). */
#define BOOT_ELF_PF_X 1
/** @brief Size of a page; every segment's physical address is a multiple. */
#define BOOT_ELF_PAGE_SIZE 4096

#ifndef __ASSEMBLY__

#include <stdint.h>

/** @brief One PT_LOAD segment, already checked against the file. */
struct boot_elf_segment {
	uint64_t offset; /**< where its bytes start in the file */
	uint64_t filesz; /**< bytes to copy from the file */
	uint64_t memsz;	 /**< bytes it occupies in memory (>= filesz; the rest is zeroed) */
	uint64_t paddr;	 /**< physical load address, page aligned */
	uint64_t vaddr;	 /**< virtual address the kernel was linked for */
	uint32_t flags;	 /**< p_flags: BOOT_ELF_PF_X 1, PF_W 2, PF_R 4 */
};

/** @brief What a boot loader must do to load a checked kernel image. */
struct boot_elf_image {
	uint32_t count;	/**< valid entries in seg[], at least 1 */
	struct boot_elf_segment seg[BOOT_ELF_MAX_SEGMENTS]; /**< in program-header order */
	uint64_t phys_start; /**< lowest physical address of any segment */
	uint64_t phys_end;   /**< one past the highest byte of any segment (incl. .bss) */
	uint64_t entry64;    /**< physical 64-bit entry, in an executable segment's file bytes */
	char message[96];    /**< room for a rejection message that names a segment */
};

/**
 * boot_elf_parse() - Check a kernel ELF image and describe how to load it.
 * @param file the whole file, as read into memory (any alignment)
 * @param size bytes readable at @p file
 * @param out  filled on success; on failure only out->message is meaningful
 * @param why  on failure, set to a one-line human-readable reason (a static
 *             string or out->message); untouched on success
 * @return 0 if the image is a loadable Strata kernel, -ENOEXEC if not
 *
 * Accepts only a little-endian ELF64 x86_64 ET_EXEC file whose PT_LOAD
 * segments lie inside the file, start on page-aligned physical addresses,
 * do not share a page and do not wrap around the address space, and that
 * carries exactly one Strata entry note pointing into the file-backed part
 * of an executable segment.  Never reads outside [file, file + size).
 * Pure function; may be called anywhere.
 */
int boot_elf_parse(const void *file, uint64_t size, struct boot_elf_image *out,
		   const char **why);

#endif /* __ASSEMBLY__ */
#endif /* BOOT_ELF_H */
