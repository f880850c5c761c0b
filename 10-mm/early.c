/*
 * early.c - memory before the page allocator: a bump pointer in one RAM range.
 *
 * The kernel's first page tables and the buddy allocator's own records
 * must come from somewhere before the buddy allocator exists.  We take the
 * largest usable range between 1 MiB and 4 GiB (the boot identity map covers
 * it) and hand it out front to back.  Nothing is ever freed; pmm_init() keeps
 * the used part out of the buddy allocator.
 */
#include <pmm.h>
#include <kmain.h>
#include <printk.h>
#include <arch/layout.h>
#include <arch/mmu.h>

static uint64_t early_base, early_next, early_end;

static void early_pick_range(void)
{
	const struct boot_info *bi = boot_info_get();

	for (uint32_t i = 0; i < bi->mem_count; i++) {
		const struct boot_mem_region *r = &bi->mem[i];
		uint64_t start = r->base < 0x100000 ? 0x100000 : r->base;
		uint64_t end = r->base + r->length;

		if (r->type != BOOT_MEM_USABLE)
			continue;
		if (end > BOOT_IDENTITY_MAP_SIZE)
			end = BOOT_IDENTITY_MAP_SIZE;
		start = (start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
		end &= ~(PAGE_SIZE - 1);
		if (end > start && end - start > early_end - early_base) {
			early_base = early_next = start;
			early_end = end;
		}
	}
}

uint64_t early_alloc(uint64_t bytes)
{
	if (!early_end)
		early_pick_range();
	bytes = (bytes + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (bytes > early_end - early_next) {
		pr_emerg("mm: early allocator out of memory (%llu bytes wanted)\n",
			 (unsigned long long)bytes);
		return 0;
	}
	uint64_t p = early_next;

	early_next += bytes;
	return p;
}

void early_used(uint64_t *start, uint64_t *end)
{
	*start = early_base;
	*end = early_next;
}
