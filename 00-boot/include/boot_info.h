/**
 * @file boot_info.h
 * @brief The hand-off from a boot path (UEFI loader or Multiboot2 entry) to kmain().
 *
 * Both boot paths fill exactly this structure, so nothing after kmain() needs
 * to know how the machine was booted.  It is self-contained (fixed-size
 * arrays, no pointers) so the UEFI loader can build it in memory it allocated
 * and the kernel can copy it whole before touching any other memory.
 * All addresses in it are physical.
 */
#ifndef BOOT_INFO_H
#define BOOT_INFO_H

#include <stdint.h>

/** @brief Value of boot_info::magic ("STRATA" boot info, version in boot_info::version). */
#define BOOT_INFO_MAGIC 0x4f464e4941525453ULL
/** @brief Layout version of struct boot_info; bump on any change. */
#define BOOT_INFO_VERSION 1

/** @brief Longest kernel command line kept, including the terminating NUL. */
#define BOOT_CMDLINE_MAX 512
/** @brief Most memory-map entries kept; extra entries are dropped and counted. */
#define BOOT_MEM_MAX 256
/** @brief Longest boot loader name kept, including the terminating NUL. */
#define BOOT_LOADER_NAME_MAX 64

/** @brief Which entry path booted the kernel (boot_info::boot_path). */
enum boot_path {
	BOOT_PATH_UNKNOWN = 0,	/**< never valid in a filled boot_info */
	BOOT_PATH_UEFI = 1,	/**< the project's gnu-efi loader, BOOTX64.EFI */
	BOOT_PATH_MULTIBOOT2 = 2, /**< GRUB (or another Multiboot2 loader) */
};

/**
 * @brief What a physical memory range may be used for.
 *
 * Both firmware vocabularies (UEFI memory types, Multiboot2/E820 types) are
 * folded into these few kinds; the original type is kept in
 * boot_mem_region::firmware_type for diagnostics.
 */
enum boot_mem_type {
	BOOT_MEM_USABLE = 1,	   /**< free RAM the kernel may allocate */
	BOOT_MEM_RESERVED = 2,	   /**< firmware, MMIO or otherwise not RAM for us */
	BOOT_MEM_ACPI_RECLAIM = 3, /**< ACPI tables; usable once they are parsed */
	BOOT_MEM_ACPI_NVS = 4,	   /**< ACPI non-volatile storage; never usable */
	BOOT_MEM_BAD = 5,	   /**< defective RAM */
	BOOT_MEM_BOOTLOADER = 6,   /**< loader data (this boot_info, initramfs, kernel image); usable after it is consumed */
};

/** @brief One contiguous physical range of one type, page-aligned on UEFI. */
struct boot_mem_region {
	uint64_t base;		/**< first byte */
	uint64_t length;	/**< size in bytes, never 0 */
	uint32_t type;		/**< an enum boot_mem_type */
	uint32_t firmware_type; /**< the type as the firmware reported it */
};

/** @brief A linear framebuffer, if the firmware set one up (boot_info::fb). */
struct boot_framebuffer {
	uint64_t base;	 /**< physical address of pixel (0,0); 0 if there is none */
	uint64_t size;	 /**< bytes */
	uint32_t width;	 /**< pixels per line that are visible */
	uint32_t height; /**< lines */
	uint32_t pitch;	 /**< bytes from one line to the next */
	uint32_t bpp;	 /**< bits per pixel */
};

/** @brief Everything a boot path tells the kernel. */
struct boot_info {
	uint64_t magic;	  /**< BOOT_INFO_MAGIC */
	uint32_t version; /**< BOOT_INFO_VERSION */
	uint32_t boot_path; /**< an enum boot_path */

	char cmdline[BOOT_CMDLINE_MAX];		/**< NUL-terminated, may be empty */
	char loader_name[BOOT_LOADER_NAME_MAX];	/**< e.g. "GRUB 2.06" */

	uint32_t mem_count;	/**< valid entries in mem[] */
	uint32_t mem_dropped;	/**< entries that did not fit in mem[] */
	struct boot_mem_region mem[BOOT_MEM_MAX]; /**< sorted by base, non-overlapping */

	uint64_t initrd_base;	/**< physical address of the initramfs, 0 if none */
	uint64_t initrd_size;	/**< its size in bytes */

	uint64_t kernel_phys_start; /**< first byte of the loaded kernel image */
	uint64_t kernel_phys_end;   /**< one past its last byte (including .bss) */

	uint64_t acpi_rsdp;	/**< physical address of the ACPI RSDP, 0 if not found */
	struct boot_framebuffer fb; /**< framebuffer, fb.base == 0 if none */
};

/**
 * boot_mem_add() - Append a region to a boot_info's memory map.
 * @param bi     the boot_info being built
 * @param base   first byte of the range
 * @param length size in bytes; a zero-length range is ignored
 * @param type   an enum boot_mem_type
 * @param firmware_type the firmware's own type number
 *
 * Merges with the previous entry when it is adjacent and of the same type.
 * Counts the region in boot_info::mem_dropped when the array is full.
 * Pure C, used by both boot paths and the host tests; may be called anywhere.
 */
void boot_mem_add(struct boot_info *bi, uint64_t base, uint64_t length,
		  uint32_t type, uint32_t firmware_type);

/**
 * boot_mem_finish() - Sort the memory map, resolve overlaps and merge neighbours.
 * @param bi the boot_info whose map was filled with boot_mem_add()
 *
 * Where entries overlap, the overlapping bytes take the less usable type
 * (a reserved range inside a usable one splits it), so usable RAM is never
 * over-reported.  Adjacent entries of one type become one.  Not reentrant:
 * it uses static scratch space, and is meant to run once at boot.
 */
void boot_mem_finish(struct boot_info *bi);

/**
 * boot_mem_usable_bytes() - Sum of the lengths of all BOOT_MEM_USABLE regions.
 * @param bi a finished boot_info
 * @return bytes of usable RAM
 */
uint64_t boot_mem_usable_bytes(const struct boot_info *bi);

/**
 * boot_mem_type_name() - Short printable name of an enum boot_mem_type.
 * @param type the type
 * @return a static string such as "usable"; "unknown" for anything else
 */
const char *boot_mem_type_name(uint32_t type);

/**
 * boot_info_from_multiboot2() - Fill a boot_info from a Multiboot2 information block.
 * @param bi   the boot_info to fill (it is cleared first)
 * @param mbi  the information block GRUB passed in EBX (identity-mapped)
 * @param size bytes readable at @p mbi (the block's own total_size is checked against it)
 * @return 0 on success, a negative errno if the block is malformed
 *         (-EINVAL for a bad size or a tag running past the end)
 *
 * Reads the command line, loader name, memory map, first module (the
 * initramfs), framebuffer and ACPI RSDP tags; ignores the others.
 */
int boot_info_from_multiboot2(struct boot_info *bi, const void *mbi, uint64_t size);

/**
 * boot_mem_add_efi_map() - Convert a UEFI memory map into boot_info regions.
 * @param bi        the boot_info being built
 * @param map       the descriptors from GetMemoryMap()
 * @param map_size  bytes of @p map that are valid
 * @param desc_size the stride between descriptors (may exceed the struct size)
 * @return 0 on success, -EINVAL if @p desc_size is too small for a descriptor
 *
 * Boot-services code and data count as usable (they are free once boot
 * services have exited); loader code and data are BOOT_MEM_BOOTLOADER.
 * Call boot_mem_finish() afterwards.
 */
int boot_mem_add_efi_map(struct boot_info *bi, const void *map, uint64_t map_size,
			 uint64_t desc_size);

#endif /* BOOT_INFO_H */
