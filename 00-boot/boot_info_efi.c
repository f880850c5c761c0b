/*
 * boot_info_efi.c - fold a UEFI memory map into boot_info regions.
 *
 * Runs in the loader after ExitBootServices(), so it must not allocate and
 * must not call the firmware: it only reads the map buffer and appends to
 * the boot_info with boot_mem_add(), which also drops the empty descriptors
 * some firmware reports.  Pure C, also built into a host test.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "boot_info.h"

/*
 * EFI_MEMORY_DESCRIPTOR (UEFI spec, EFI_BOOT_SERVICES.GetMemoryMap()),
 * spelled out so this file needs no gnu-efi header.  The firmware may use
 * a larger stride (DescriptorSize) to append fields of later versions,
 * which is why callers pass desc_size and we never index an array of these.
 */
struct efi_memory_descriptor {
	uint32_t type;
	uint32_t pad;
	uint64_t physical_start;
	uint64_t virtual_start;
	uint64_t number_of_pages;
	uint64_t attribute;
};

/* EFI_MEMORY_TYPE values (UEFI spec, "Memory Type Usage before/after
 * ExitBootServices()" tables). */
enum {
	EFI_RESERVED_MEMORY = 0,
	EFI_LOADER_CODE = 1,
	EFI_LOADER_DATA = 2,
	EFI_BOOT_SERVICES_CODE = 3,
	EFI_BOOT_SERVICES_DATA = 4,
	EFI_RUNTIME_SERVICES_CODE = 5,
	EFI_RUNTIME_SERVICES_DATA = 6,
	EFI_CONVENTIONAL_MEMORY = 7,
	EFI_UNUSABLE_MEMORY = 8,
	EFI_ACPI_RECLAIM_MEMORY = 9,
	EFI_ACPI_MEMORY_NVS = 10,
};

/* UEFI pages are always 4 KiB, whatever the CPU's page size. */
#define EFI_PAGE_SHIFT 12

static uint32_t efi_type_to_boot(uint32_t efi_type)
{
	switch (efi_type) {
	case EFI_CONVENTIONAL_MEMORY:
	/* Free once boot services are gone: the kernel runs after that. */
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
		return BOOT_MEM_USABLE;
	/* This loader's allocations: the kernel, boot_info, the initramfs. */
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA:
		return BOOT_MEM_BOOTLOADER;
	case EFI_ACPI_RECLAIM_MEMORY:
		return BOOT_MEM_ACPI_RECLAIM;
	case EFI_ACPI_MEMORY_NVS:
		return BOOT_MEM_ACPI_NVS;
	case EFI_UNUSABLE_MEMORY:
		return BOOT_MEM_BAD;
	default:
		/*
		 * Reserved, runtime services (still used by the firmware if
		 * the kernel ever calls it), MMIO, PAL code, persistent
		 * memory and any type newer than this code: hands off.
		 */
		return BOOT_MEM_RESERVED;
	}
}

int boot_mem_add_efi_map(struct boot_info *bi, const void *map, uint64_t map_size,
			 uint64_t desc_size)
{
	const unsigned char *p = map;
	struct efi_memory_descriptor d;
	uint64_t off, length;
	uint32_t type;

	if (desc_size < sizeof(d))
		return -EINVAL;

	/* off + desc_size <= map_size, written so it cannot wrap. */
	for (off = 0; off <= map_size && desc_size <= map_size - off; off += desc_size) {
		memcpy(&d, p + off, sizeof(d));
		type = efi_type_to_boot(d.type);
		if (d.number_of_pages > (UINT64_MAX - d.physical_start) >> EFI_PAGE_SHIFT) {
			/*
			 * A range running past the top of the address space is
			 * firmware garbage: keep what fits, and trust none of it
			 * as RAM, so usable memory is never over-reported.
			 */
			length = (UINT64_MAX - d.physical_start) &
				 ~(((uint64_t)1 << EFI_PAGE_SHIFT) - 1);
			type = BOOT_MEM_RESERVED;
		} else {
			length = d.number_of_pages << EFI_PAGE_SHIFT;
		}
		boot_mem_add(bi, d.physical_start, length, type, d.type);
	}
	return 0;
}
