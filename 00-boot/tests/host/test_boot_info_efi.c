/*
 * test_boot_info_efi.c - boot_mem_add_efi_map() turns a UEFI memory map into
 * the right boot_info regions, whatever stride the firmware uses, and
 * refuses a stride too small to hold a descriptor.
 */
#include <errno.h>
#include <stdint.h>

#include "boot_info.h"
#include "host_test.h"

/* EFI_MEMORY_DESCRIPTOR as the UEFI spec lays it out (40 bytes). */
struct efi_desc {
	uint32_t type;
	uint32_t pad;
	uint64_t physical_start;
	uint64_t virtual_start;
	uint64_t number_of_pages;
	uint64_t attribute;
};

static unsigned char map[64 * 64];
static uint64_t map_size;
static struct boot_info bi;

static void map_reset(void)
{
	memset(map, 0xa5, sizeof(map));	/* stride padding holds junk */
	map_size = 0;
	memset(&bi, 0, sizeof(bi));
}

/* Append one descriptor at a stride of @stride bytes. */
static void map_add(uint64_t stride, uint32_t type, uint64_t start, uint64_t pages)
{
	struct efi_desc d = { .type = type, .physical_start = start,
			      .virtual_start = 0x1234, .number_of_pages = pages,
			      .attribute = 0xf };

	memcpy(map + map_size, &d, sizeof(d));
	map_size += stride;
}

HOST_TEST(efi_map_folds_each_type_into_its_kind)
{
	static const uint32_t want[] = {
		[0] = BOOT_MEM_RESERVED,	/* EfiReservedMemoryType */
		[1] = BOOT_MEM_BOOTLOADER,	/* EfiLoaderCode */
		[2] = BOOT_MEM_BOOTLOADER,	/* EfiLoaderData */
		[3] = BOOT_MEM_USABLE,		/* EfiBootServicesCode */
		[4] = BOOT_MEM_USABLE,		/* EfiBootServicesData */
		[5] = BOOT_MEM_RESERVED,	/* EfiRuntimeServicesCode */
		[6] = BOOT_MEM_RESERVED,	/* EfiRuntimeServicesData */
		[7] = BOOT_MEM_USABLE,		/* EfiConventionalMemory */
		[8] = BOOT_MEM_BAD,		/* EfiUnusableMemory */
		[9] = BOOT_MEM_ACPI_RECLAIM,	/* EfiACPIReclaimMemory */
		[10] = BOOT_MEM_ACPI_NVS,	/* EfiACPIMemoryNVS */
		[11] = BOOT_MEM_RESERVED,	/* EfiMemoryMappedIO */
		[12] = BOOT_MEM_RESERVED,	/* EfiMemoryMappedIOPortSpace */
		[13] = BOOT_MEM_RESERVED,	/* EfiPalCode */
		[14] = BOOT_MEM_RESERVED,	/* EfiPersistentMemory */
		[15] = BOOT_MEM_RESERVED,	/* EfiUnacceptedMemoryType */
		[16] = BOOT_MEM_RESERVED,	/* not a type yet */
	};
	uint32_t t;

	map_reset();
	/* A gap after each range keeps boot_mem_add() from merging them. */
	for (t = 0; t < 17; t++)
		map_add(sizeof(struct efi_desc), t, 0x100000ULL * (t + 1), 2);
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, map_size, sizeof(struct efi_desc)), 0);
	HT_EQ_INT(bi.mem_count, 17);
	for (t = 0; t < 17; t++) {
		HT_EQ_INT(bi.mem[t].base, 0x100000ULL * (t + 1));
		HT_EQ_INT(bi.mem[t].length, 2 * 4096);
		HT_EQ_INT(bi.mem[t].type, want[t]);
		HT_EQ_INT(bi.mem[t].firmware_type, t);
	}
}

HOST_TEST(efi_map_honours_stride_larger_than_descriptor)
{
	map_reset();
	map_add(48, 7, 0x0, 0x9f);		/* OVMF uses a 48-byte stride */
	map_add(48, 0, 0x9f000, 1);
	map_add(48, 4, 0x100000, 0x700);
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, map_size, 48), 0);
	HT_EQ_INT(bi.mem_count, 3);
	HT_EQ_INT(bi.mem[0].length, 0x9f000);
	HT_EQ_INT(bi.mem[1].type, BOOT_MEM_RESERVED);
	HT_EQ_INT(bi.mem[2].base, 0x100000);
	HT_EQ_INT(bi.mem[2].length, 0x700000);
	HT_EQ_INT(bi.mem[2].type, BOOT_MEM_USABLE);
}

HOST_TEST(efi_map_merges_adjacent_ranges_of_one_kind)
{
	map_reset();
	map_add(40, 7, 0x100000, 0x100);	/* conventional */
	map_add(40, 4, 0x200000, 0x100);	/* boot services data: usable too */
	map_add(40, 2, 0x300000, 0x10);		/* loader data: not merged */
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, map_size, 40), 0);
	HT_EQ_INT(bi.mem_count, 2);
	HT_EQ_INT(bi.mem[0].base, 0x100000);
	HT_EQ_INT(bi.mem[0].length, 0x200000);
	HT_EQ_INT(bi.mem[1].type, BOOT_MEM_BOOTLOADER);
}

HOST_TEST(efi_map_ignores_descriptors_of_zero_pages)
{
	map_reset();
	map_add(40, 7, 0x100000, 0);
	map_add(40, 9, 0x200000, 1);
	map_add(40, 7, 0x300000, 0);
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, map_size, 40), 0);
	HT_EQ_INT(bi.mem_count, 1);
	HT_EQ_INT(bi.mem[0].type, BOOT_MEM_ACPI_RECLAIM);
}

HOST_TEST(efi_map_rejects_stride_smaller_than_descriptor)
{
	map_reset();
	map_add(40, 7, 0x100000, 1);
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, map_size, 39), -EINVAL);
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, map_size, 0), -EINVAL);
	HT_EQ_INT(bi.mem_count, 0);
}

HOST_TEST(efi_map_ignores_trailing_partial_descriptor)
{
	map_reset();
	map_add(40, 7, 0x100000, 1);
	map_add(40, 7, 0x300000, 1);
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, 40 + 39, 40), 0);
	HT_EQ_INT(bi.mem_count, 1);
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, 0, 40), 0);
	HT_EQ_INT(bi.mem_count, 1);
}

HOST_TEST(efi_map_clamps_range_past_top_of_address_space)
{
	const uint64_t start = 0xfffffffffff00000ULL;

	map_reset();
	map_add(40, 7, start, 0x1000);		/* 16 MiB from 1 MiB below 2^64 */
	map_add(40, 7, 0x1000, UINT64_MAX);	/* NumberOfPages * 4096 overflows */
	HT_EQ_INT(boot_mem_add_efi_map(&bi, map, map_size, 40), 0);
	HT_EQ_INT(bi.mem_count, 2);
	HT_ASSERT(bi.mem[0].base == start);
	HT_ASSERT(bi.mem[0].length == 0xff000);
	HT_EQ_INT(bi.mem[0].type, BOOT_MEM_RESERVED);
	HT_ASSERT(bi.mem[1].length <= UINT64_MAX - 0x1000);
	HT_EQ_INT(bi.mem[1].type, BOOT_MEM_RESERVED);
	HT_EQ_INT(boot_mem_usable_bytes(&bi), 0);
}
