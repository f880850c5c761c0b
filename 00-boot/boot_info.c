/*
 * boot_info.c - building the memory map of a struct boot_info.
 *
 * Pure C, shared by the kernel (Multiboot2 path), the UEFI loader and the
 * host tests.  Firmware maps arrive unsorted, sometimes with adjacent
 * entries of one type and, on some BIOSes, with overlaps; boot_mem_finish()
 * turns them into a sorted, non-overlapping list that layer 10 can trust.
 */
#include <boot_info.h>
#include <string.h>

void boot_mem_add(struct boot_info *bi, uint64_t base, uint64_t length, uint32_t type,
		  uint32_t firmware_type)
{
	if (length == 0)
		return;
	if (base + length < base)	/* wraps past 2^64: keep what is addressable */
		length = -base;
	if (bi->mem_count > 0) {
		struct boot_mem_region *last = &bi->mem[bi->mem_count - 1];

		if (last->type == type && last->base + last->length == base) {
			last->length += length;
			return;
		}
	}
	if (bi->mem_count == BOOT_MEM_MAX) {
		bi->mem_dropped++;
		return;
	}
	bi->mem[bi->mem_count++] = (struct boot_mem_region){
		.base = base, .length = length, .type = type, .firmware_type = firmware_type
	};
}

/* How much we may rely on a type: the larger wins an overlap. */
static int restrictiveness(uint32_t type)
{
	switch (type) {
	case BOOT_MEM_USABLE:
		return 0;
	case BOOT_MEM_BOOTLOADER:
		return 1;
	case BOOT_MEM_ACPI_RECLAIM:
		return 2;
	case BOOT_MEM_ACPI_NVS:
		return 3;
	case BOOT_MEM_BAD:
		return 5;
	default:
		return 4;
	}
}

/* Sort an array of addresses ascending (insertion sort: a few hundred at most). */
static void sort_u64(uint64_t *a, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		uint64_t v = a[i];
		uint32_t j = i;

		while (j > 0 && a[j - 1] > v) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = v;
	}
}

/*
 * Cut the address space at every region boundary; each piece between two
 * neighbouring cuts gets the most restrictive type of the regions that
 * cover it (so a reserved hole inside a usable range splits that range),
 * and neighbouring pieces of one type are merged again.  Static scratch
 * space: this runs once, at boot, on one CPU, before anything else.
 */
void boot_mem_finish(struct boot_info *bi)
{
	static uint64_t cuts[2 * BOOT_MEM_MAX];
	static struct boot_mem_region out[BOOT_MEM_MAX];
	uint32_t ncuts = 0, nout = 0;

	for (uint32_t i = 0; i < bi->mem_count; i++) {
		cuts[ncuts++] = bi->mem[i].base;
		cuts[ncuts++] = bi->mem[i].base + bi->mem[i].length;
	}
	sort_u64(cuts, ncuts);

	for (uint32_t k = 0; k + 1 < ncuts; k++) {
		uint64_t lo = cuts[k], hi = cuts[k + 1];
		const struct boot_mem_region *best = NULL;

		if (lo == hi)
			continue;
		for (uint32_t i = 0; i < bi->mem_count; i++) {
			const struct boot_mem_region *r = &bi->mem[i];

			if (r->base <= lo && r->base + r->length >= hi &&
			    (!best || restrictiveness(r->type) > restrictiveness(best->type)))
				best = r;
		}
		if (!best)
			continue;	/* a hole in the firmware's map */
		if (nout > 0 && out[nout - 1].type == best->type &&
		    out[nout - 1].base + out[nout - 1].length == lo) {
			out[nout - 1].length += hi - lo;
			continue;
		}
		if (nout == BOOT_MEM_MAX) {
			bi->mem_dropped++;
			continue;
		}
		out[nout++] = (struct boot_mem_region){
			.base = lo, .length = hi - lo, .type = best->type,
			.firmware_type = best->firmware_type
		};
	}
	memcpy(bi->mem, out, nout * sizeof(out[0]));
	bi->mem_count = nout;
}

uint64_t boot_mem_usable_bytes(const struct boot_info *bi)
{
	uint64_t sum = 0;

	for (uint32_t i = 0; i < bi->mem_count; i++)
		if (bi->mem[i].type == BOOT_MEM_USABLE)
			sum += bi->mem[i].length;
	return sum;
}

const char *boot_mem_type_name(uint32_t type)
{
	switch (type) {
	case BOOT_MEM_USABLE:
		return "usable";
	case BOOT_MEM_RESERVED:
		return "reserved";
	case BOOT_MEM_ACPI_RECLAIM:
		return "ACPI data";
	case BOOT_MEM_ACPI_NVS:
		return "ACPI NVS";
	case BOOT_MEM_BAD:
		return "bad RAM";
	case BOOT_MEM_BOOTLOADER:
		return "loader";
	default:
		return "unknown";
	}
}
