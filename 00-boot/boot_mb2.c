/*
 * boot_mb2.c - fill a struct boot_info from GRUB's Multiboot2 information.
 *
 * Pure C (host-tested with hand-built information blocks).  The block is a
 * u32 total_size, a u32 reserved, then tags, each 8-byte aligned, each
 * starting with u32 type and u32 size, ending with a tag of type 0
 * (Multiboot2 specification, section 3.6).  Nothing in it is trusted: every
 * tag must lie inside total_size, and total_size inside what we were told
 * is readable.
 */
#include <boot_info.h>
#include <errno.h>
#include <string.h>

#define MB2_TAG_END 0
#define MB2_TAG_CMDLINE 1
#define MB2_TAG_LOADER_NAME 2
#define MB2_TAG_MODULE 3
#define MB2_TAG_MMAP 6
#define MB2_TAG_FRAMEBUFFER 8
#define MB2_TAG_ACPI_OLD 14
#define MB2_TAG_ACPI_NEW 15

/* Multiboot2 memory types (the BIOS E820 types). */
#define MB2_MEM_AVAILABLE 1
#define MB2_MEM_ACPI_RECLAIMABLE 3
#define MB2_MEM_NVS 4
#define MB2_MEM_BADRAM 5

static uint32_t get_u32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t get_u64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint32_t mem_type_from_mb2(uint32_t t)
{
	switch (t) {
	case MB2_MEM_AVAILABLE:
		return BOOT_MEM_USABLE;
	case MB2_MEM_ACPI_RECLAIMABLE:
		return BOOT_MEM_ACPI_RECLAIM;
	case MB2_MEM_NVS:
		return BOOT_MEM_ACPI_NVS;
	case MB2_MEM_BADRAM:
		return BOOT_MEM_BAD;
	default:
		return BOOT_MEM_RESERVED;
	}
}

/* Copy a string field of @len bytes at @src, stopping at its NUL. */
static void copy_string(char *dst, size_t dst_size, const uint8_t *src, size_t len)
{
	size_t n = strnlen((const char *)src, len);

	if (n >= dst_size)
		n = dst_size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int parse_mmap(struct boot_info *bi, const uint8_t *tag, uint32_t size)
{
	if (size < 16)
		return -EINVAL;
	uint32_t entry_size = get_u32(tag + 8);

	if (entry_size < 24 || entry_size % 8)
		return -EINVAL;
	for (uint32_t off = 16; off + entry_size <= size; off += entry_size) {
		const uint8_t *e = tag + off;
		uint32_t t = get_u32(e + 16);

		boot_mem_add(bi, get_u64(e), get_u64(e + 8), mem_type_from_mb2(t), t);
	}
	return 0;
}

int boot_info_from_multiboot2(struct boot_info *bi, const void *mbi, uint64_t size)
{
	const uint8_t *base = mbi;

	memset(bi, 0, sizeof(*bi));
	bi->magic = BOOT_INFO_MAGIC;
	bi->version = BOOT_INFO_VERSION;
	bi->boot_path = BOOT_PATH_MULTIBOOT2;

	if (size < 16)
		return -EINVAL;
	uint32_t total = get_u32(base);

	if (total < 16 || total > size)
		return -EINVAL;

	int saw_end = 0, saw_module = 0;

	for (uint32_t off = 8; off + 8 <= total;) {
		const uint8_t *tag = base + off;
		uint32_t type = get_u32(tag), tsize = get_u32(tag + 4);

		if (tsize < 8 || tsize > total - off)
			return -EINVAL;
		switch (type) {
		case MB2_TAG_END:
			saw_end = 1;
			break;
		case MB2_TAG_CMDLINE:
			copy_string(bi->cmdline, sizeof(bi->cmdline), tag + 8, tsize - 8);
			break;
		case MB2_TAG_LOADER_NAME:
			copy_string(bi->loader_name, sizeof(bi->loader_name), tag + 8, tsize - 8);
			break;
		case MB2_TAG_MODULE:
			/* The first module is the initramfs; later ones are ignored. */
			if (tsize >= 16 && !saw_module) {
				uint32_t start = get_u32(tag + 8), end = get_u32(tag + 12);

				if (end < start)
					return -EINVAL;
				bi->initrd_base = start;
				bi->initrd_size = end - start;
				saw_module = 1;
			}
			break;
		case MB2_TAG_MMAP:
			if (parse_mmap(bi, tag, tsize))
				return -EINVAL;
			break;
		case MB2_TAG_FRAMEBUFFER:
			if (tsize >= 30) {
				bi->fb.base = get_u64(tag + 8);
				bi->fb.pitch = get_u32(tag + 16);
				bi->fb.width = get_u32(tag + 20);
				bi->fb.height = get_u32(tag + 24);
				bi->fb.bpp = tag[28];
				bi->fb.size = (uint64_t)bi->fb.pitch * bi->fb.height;
			}
			break;
		case MB2_TAG_ACPI_NEW:
			/* GRUB copies the RSDP into the tag; point at that copy. */
			bi->acpi_rsdp = (uint64_t)(uintptr_t)(tag + 8);
			break;
		case MB2_TAG_ACPI_OLD:
			if (!bi->acpi_rsdp)
				bi->acpi_rsdp = (uint64_t)(uintptr_t)(tag + 8);
			break;
		default:
			break;
		}
		if (saw_end)
			break;
		off += (tsize + 7) & ~7u;
	}
	if (!saw_end)
		return -EINVAL;

	/*
	 * GRUB reports the memory it loaded things into as available.  Mark the
	 * block itself (the RSDP copy lives in it) and the initramfs as loader
	 * memory, as the UEFI path does, so nobody allocates them before use.
	 */
	boot_mem_add(bi, (uint64_t)(uintptr_t)mbi, total, BOOT_MEM_BOOTLOADER, 0);
	if (bi->initrd_size)
		boot_mem_add(bi, bi->initrd_base, bi->initrd_size, BOOT_MEM_BOOTLOADER, 0);
	boot_mem_finish(bi);
	return 0;
}
