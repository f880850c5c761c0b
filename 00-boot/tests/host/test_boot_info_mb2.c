/*
 * test_boot_info_mb2.c - the Multiboot2 parser and the memory-map builder
 * that both boot paths use.  Information blocks are built by hand, byte by
 * byte, as the Multiboot2 specification (section 3.6) lays them out.
 */
#include "host_test.h"
#include <boot_info.h>
#include <errno.h>
#include <stdint.h>

static struct boot_info bi;

/* A Multiboot2 information block under construction. */
static uint8_t mbi[4096] __attribute__((aligned(8)));
static uint32_t mbi_len;

static void mbi_begin(void)
{
	memset(mbi, 0, sizeof(mbi));
	mbi_len = 8;
}

static uint8_t *tag_begin(uint32_t type)
{
	uint8_t *t = mbi + mbi_len;

	memcpy(t, &type, 4);
	return t;
}

static void tag_end(uint8_t *t, uint32_t size)
{
	memcpy(t + 4, &size, 4);
	mbi_len += (size + 7) & ~7u;
}

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

static void add_string_tag(uint32_t type, const char *s)
{
	uint8_t *t = tag_begin(type);

	strcpy((char *)t + 8, s);
	tag_end(t, 8 + strlen(s) + 1);
}

struct e820 { uint64_t base, len; uint32_t type; };

static void add_mmap(const struct e820 *e, int n)
{
	uint8_t *t = tag_begin(6);

	put32(t + 8, 24);	/* entry_size */
	put32(t + 12, 0);	/* entry_version */
	for (int i = 0; i < n; i++) {
		put64(t + 16 + 24 * i, e[i].base);
		put64(t + 24 + 24 * i, e[i].len);
		put32(t + 32 + 24 * i, e[i].type);
		put32(t + 36 + 24 * i, 0);
	}
	tag_end(t, 16 + 24 * n);
}

static void mbi_finish(void)
{
	uint8_t *t = tag_begin(0);

	tag_end(t, 8);
	put32(mbi, mbi_len);
}

static const struct e820 qemu_map[] = {
	{ 0x0, 0x9fc00, 1 },
	{ 0x9fc00, 0x400, 2 },
	{ 0xf0000, 0x10000, 2 },
	{ 0x100000, 0x7ee0000, 1 },
	{ 0x7fe0000, 0x20000, 2 },
	{ 0xfffc0000, 0x40000, 2 },
};

static const struct boot_mem_region *region_at(uint64_t addr)
{
	for (uint32_t i = 0; i < bi.mem_count; i++)
		if (bi.mem[i].base <= addr && addr - bi.mem[i].base < bi.mem[i].length)
			return &bi.mem[i];
	return NULL;
}

HOST_TEST(mb2_reads_cmdline_loader_module_framebuffer_and_rsdp)
{
	mbi_begin();
	add_string_tag(1, "ktest=all loglevel=7");
	add_string_tag(2, "GRUB 2.06");
	uint8_t *m = tag_begin(3);

	put32(m + 8, 0x800000);
	put32(m + 12, 0x812345);
	strcpy((char *)m + 16, "initramfs");
	tag_end(m, 16 + 10);
	add_mmap(qemu_map, 6);
	uint8_t *fb = tag_begin(8);

	put64(fb + 8, 0xfd000000);
	put32(fb + 16, 4096);
	put32(fb + 20, 1024);
	put32(fb + 24, 768);
	fb[28] = 32;
	tag_end(fb, 32);
	uint8_t *acpi = tag_begin(14);

	memcpy(acpi + 8, "RSD PTR ", 8);
	tag_end(acpi, 8 + 20);
	mbi_finish();

	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, sizeof(mbi)), 0);
	HT_EQ_INT(bi.magic == BOOT_INFO_MAGIC, 1);
	HT_EQ_INT(bi.boot_path, BOOT_PATH_MULTIBOOT2);
	HT_EQ_STR(bi.cmdline, "ktest=all loglevel=7");
	HT_EQ_STR(bi.loader_name, "GRUB 2.06");
	HT_EQ_INT(bi.initrd_base, 0x800000);
	HT_EQ_INT(bi.initrd_size, 0x12345);
	HT_EQ_INT(bi.fb.base, 0xfd000000);
	HT_EQ_INT(bi.fb.width, 1024);
	HT_EQ_INT(bi.fb.height, 768);
	HT_EQ_INT(bi.fb.bpp, 32);
	HT_EQ_INT(bi.fb.size, 4096 * 768);
	HT_EQ_INT(bi.acpi_rsdp, (uintptr_t)(acpi + 8));
	HT_ASSERT(memcmp((void *)(uintptr_t)bi.acpi_rsdp, "RSD PTR ", 8) == 0);
}

HOST_TEST(mb2_memory_map_is_sorted_typed_and_excludes_initramfs)
{
	mbi_begin();
	uint8_t *m = tag_begin(3);

	put32(m + 8, 0x800000);
	put32(m + 12, 0x900000);
	tag_end(m, 17);
	add_mmap(qemu_map, 6);
	mbi_finish();
	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, sizeof(mbi)), 0);

	for (uint32_t i = 1; i < bi.mem_count; i++)
		HT_ASSERT(bi.mem[i - 1].base + bi.mem[i - 1].length <= bi.mem[i].base);
	HT_EQ_INT(region_at(0x1000)->type, BOOT_MEM_USABLE);
	HT_EQ_INT(region_at(0x9fc00)->type, BOOT_MEM_RESERVED);
	HT_EQ_INT(region_at(0x850000)->type, BOOT_MEM_BOOTLOADER);	/* the initramfs */
	HT_EQ_INT(region_at(0x7fdffff)->type, BOOT_MEM_USABLE);
	HT_ASSERT(region_at(0xa0000) == NULL);	/* a hole stays a hole */
	HT_EQ_INT(region_at(0x100000)->base, 0x100000);
	/* Usable: 0x9fc00 + 0x7ee0000 minus the initramfs.  (The block itself sits
	 * at a host address outside this map, as its own loader region.) */
	HT_EQ_INT(boot_mem_usable_bytes(&bi), 0x9fc00 + 0x7ee0000 - 0x100000);
	HT_EQ_INT(region_at((uintptr_t)mbi)->type, BOOT_MEM_BOOTLOADER);
}

HOST_TEST(mb2_rejects_a_tag_running_past_the_end)
{
	mbi_begin();
	add_string_tag(1, "hello");
	put32(mbi + 8 + 4, 4000);	/* the cmdline tag claims 4000 bytes */
	mbi_finish();
	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, sizeof(mbi)), -EINVAL);
}

HOST_TEST(mb2_rejects_total_size_beyond_readable_memory)
{
	mbi_begin();
	mbi_finish();
	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, mbi_len - 1), -EINVAL);
	put32(mbi, 8);	/* smaller than the header plus an end tag */
	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, sizeof(mbi)), -EINVAL);
}

HOST_TEST(mb2_rejects_missing_end_tag_and_tiny_tags)
{
	mbi_begin();
	add_string_tag(1, "x");
	put32(mbi, mbi_len);	/* no end tag */
	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, sizeof(mbi)), -EINVAL);

	mbi_begin();
	uint8_t *t = tag_begin(1);

	tag_end(t, 8);
	put32(t + 4, 4);	/* a tag smaller than its own header */
	mbi_finish();
	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, sizeof(mbi)), -EINVAL);
}

HOST_TEST(mb2_rejects_bad_mmap_entry_size_and_inverted_module)
{
	mbi_begin();
	uint8_t *t = tag_begin(6);

	put32(t + 8, 12);	/* entry_size below 24 */
	tag_end(t, 16 + 24);
	mbi_finish();
	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, sizeof(mbi)), -EINVAL);

	mbi_begin();
	uint8_t *m = tag_begin(3);

	put32(m + 8, 0x900000);
	put32(m + 12, 0x800000);	/* ends before it starts */
	tag_end(m, 17);
	mbi_finish();
	HT_EQ_INT(boot_info_from_multiboot2(&bi, mbi, sizeof(mbi)), -EINVAL);
}

HOST_TEST(mem_reserved_hole_splits_a_usable_range)
{
	memset(&bi, 0, sizeof(bi));
	boot_mem_add(&bi, 0x100000, 0x1000000, BOOT_MEM_USABLE, 1);
	boot_mem_add(&bi, 0x400000, 0x2000, BOOT_MEM_RESERVED, 2);
	boot_mem_finish(&bi);
	HT_EQ_INT(bi.mem_count, 3);
	HT_EQ_INT(bi.mem[0].base, 0x100000);
	HT_EQ_INT(bi.mem[0].length, 0x300000);
	HT_EQ_INT(bi.mem[1].type, BOOT_MEM_RESERVED);
	HT_EQ_INT(bi.mem[2].base, 0x402000);
	HT_EQ_INT(bi.mem[2].length, 0x1100000 - 0x402000);
	HT_EQ_INT(boot_mem_usable_bytes(&bi), 0x1000000 - 0x2000);
}

HOST_TEST(mem_unsorted_overlapping_input_never_over_reports_usable)
{
	memset(&bi, 0, sizeof(bi));
	boot_mem_add(&bi, 0x200000, 0x100000, BOOT_MEM_USABLE, 1);
	boot_mem_add(&bi, 0x0, 0x100000, BOOT_MEM_USABLE, 1);
	boot_mem_add(&bi, 0x80000, 0x100000, BOOT_MEM_ACPI_NVS, 4);	/* overlaps both sides */
	boot_mem_add(&bi, 0x250000, 0x100000, BOOT_MEM_USABLE, 1);	/* overlaps, same type */
	boot_mem_finish(&bi);
	HT_EQ_INT(bi.mem_count, 3);
	HT_EQ_INT(bi.mem[0].base, 0);
	HT_EQ_INT(bi.mem[0].length, 0x80000);
	HT_EQ_INT(bi.mem[1].type, BOOT_MEM_ACPI_NVS);
	HT_EQ_INT(bi.mem[1].length, 0x100000);
	HT_EQ_INT(bi.mem[2].base, 0x200000);
	HT_EQ_INT(bi.mem[2].length, 0x150000);
	HT_EQ_INT(boot_mem_usable_bytes(&bi), 0x80000 + 0x150000);
}

HOST_TEST(mem_adjacent_same_type_merges_and_zero_length_is_ignored)
{
	memset(&bi, 0, sizeof(bi));
	boot_mem_add(&bi, 0x0, 0x1000, BOOT_MEM_USABLE, 1);
	boot_mem_add(&bi, 0x1000, 0x1000, BOOT_MEM_USABLE, 1);
	boot_mem_add(&bi, 0x5000, 0, BOOT_MEM_RESERVED, 2);
	HT_EQ_INT(bi.mem_count, 1);
	HT_EQ_INT(bi.mem[0].length, 0x2000);
	boot_mem_add(&bi, 0x3000, 0x1000, BOOT_MEM_USABLE, 1);
	boot_mem_add(&bi, 0x2000, 0x1000, BOOT_MEM_USABLE, 1);	/* fills the gap, out of order */
	boot_mem_finish(&bi);
	HT_EQ_INT(bi.mem_count, 1);
	HT_EQ_INT(bi.mem[0].length, 0x4000);
}

HOST_TEST(mem_full_map_counts_dropped_entries)
{
	memset(&bi, 0, sizeof(bi));
	for (int i = 0; i < BOOT_MEM_MAX + 10; i++)
		boot_mem_add(&bi, (uint64_t)i * 0x2000, 0x1000, i % 2 ? BOOT_MEM_USABLE : BOOT_MEM_RESERVED, 0);
	HT_EQ_INT(bi.mem_count, BOOT_MEM_MAX);
	HT_EQ_INT(bi.mem_dropped, 10);
}

HOST_TEST(mem_range_wrapping_past_the_top_is_clipped)
{
	memset(&bi, 0, sizeof(bi));
	boot_mem_add(&bi, 0xfffffffffffff000ULL, 0x10000, BOOT_MEM_RESERVED, 2);
	HT_EQ_INT(bi.mem[0].length, 0x1000);
}
