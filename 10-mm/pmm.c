/*
 * pmm.c - the physical page allocator: one buddy zone over all RAM.
 *
 * buddy.c is the algorithm (pure C, host-tested); this file feeds it the
 * boot memory map, gives it storage, a lock (interrupts off: one CPU) and a
 * voice (printk with a backtrace), and adds per-page reference counts for
 * copy-on-write.
 */
#include <pmm.h>
#include <buddy.h>
#include <cmdline.h>
#include <errno.h>
#include <kmain.h>
#include <printk.h>
#include <string.h>
#include <arch/cpu.h>
#include <arch/layout.h>
#include <arch/mmu.h>
#include <arch/trap.h>

static struct buddy_zone zone;
static struct buddy_zero_cache zero_cache;
static uint16_t *refcounts;	/* one per page of the zone */
static uint64_t reserved_pages, error_count;
static int debug_buddy;

static void report(void *ctx, const char *what, uint64_t phys, unsigned int order)
{
	error_count++;
	pr_err("pmm: %s: page %#llx, order %u\n", what, (unsigned long long)phys, order);
	backtrace_print((uint64_t)__builtin_return_address(0),
			(uint64_t)__builtin_frame_address(0));
}

static void *pfn_virt(void *ctx, uint64_t pfn)
{
	return phys_to_virt(pfn << PAGE_SHIFT);
}

static int in_zone(uint64_t phys)
{
	return zone.pages && (phys >> PAGE_SHIFT) < zone.nr_pages;
}

uint64_t pmm_alloc(unsigned int order)
{
	uint64_t pfn, flags = irq_save();
	int r = buddy_alloc(&zone, order, &pfn);

	if (r == 0)
		refcounts[pfn] = 1;
	irq_restore(flags);
	return r == 0 ? pfn << PAGE_SHIFT : 0;
}

uint64_t pmm_alloc_zeroed(void)
{
	uint64_t pfn, flags = irq_save();
	int r = buddy_zero_cache_get(&zero_cache, &zone, &pfn);

	if (r == 0)
		refcounts[pfn] = 1;
	irq_restore(flags);
	return r == 0 ? pfn << PAGE_SHIFT : 0;
}

int pmm_free(uint64_t phys, unsigned int order)
{
	uint64_t flags = irq_save();
	int r = buddy_free(&zone, phys >> PAGE_SHIFT, order);

	if (r == 0)
		refcounts[phys >> PAGE_SHIFT] = 0;
	irq_restore(flags);
	return r;
}

void pmm_page_get(uint64_t phys)
{
	uint64_t flags = irq_save();

	if (in_zone(phys) && buddy_page_is_allocated(&zone, phys >> PAGE_SHIFT))
		refcounts[phys >> PAGE_SHIFT]++;
	else
		report(NULL, "reference to a page that is not allocated", phys, 0);
	irq_restore(flags);
}

void pmm_page_put(uint64_t phys)
{
	uint64_t pfn = phys >> PAGE_SHIFT, flags = irq_save();

	if (!in_zone(phys) || refcounts[pfn] == 0)
		report(NULL, "reference dropped on a page without one", phys, 0);
	else if (--refcounts[pfn] == 0)
		buddy_free(&zone, pfn, 0);
	irq_restore(flags);
}

unsigned int pmm_page_refcount(uint64_t phys)
{
	return in_zone(phys) ? refcounts[phys >> PAGE_SHIFT] : 0;
}

/* Page tables of user space are order-0 pages with one reference. */
void pmm_free_table_page(uint64_t phys);
void pmm_free_table_page(uint64_t phys)
{
	pmm_page_put(phys);
}

void pmm_stats(struct pmm_stats *st)
{
	uint64_t flags = irq_save();

	st->total = buddy_total_pages(&zone);
	st->free = buddy_free_pages(&zone);
	st->zero_cached = zero_cache.count;
	st->reserved = reserved_pages;
	st->errors = error_count;
	irq_restore(flags);
}

uint64_t pmm_page_frames(void)
{
	return zone.nr_pages;
}

void pmm_zero_cache_refill(void)
{
	uint64_t flags = irq_save();

	buddy_zero_cache_refill(&zero_cache, &zone, BUDDY_ZERO_CACHE_SIZE);
	irq_restore(flags);
}

void pmm_zero_cache_drain(void)
{
	uint64_t flags = irq_save();

	buddy_zero_cache_drain(&zero_cache, &zone);
	irq_restore(flags);
}

int pmm_check(void)
{
	uint64_t flags = irq_save();
	int r = buddy_check(&zone);

	irq_restore(flags);
	return r;
}

/* Add [start, end) to the zone, minus the part the early allocator used. */
static void add_usable(uint64_t start, uint64_t end)
{
	uint64_t early_base, early_next;

	early_used(&early_base, &early_next);
	start = (start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	end &= ~(PAGE_SIZE - 1);
	if (start >= end)
		return;
	if (start < early_next && end > early_base) {
		add_usable(start, early_base);
		add_usable(early_next, end);
		return;
	}
	buddy_add_range(&zone, start >> PAGE_SHIFT, (end - start) >> PAGE_SHIFT);
}

static void print_free_lists(void)
{
	for (unsigned int o = 0; o <= BUDDY_MAX_ORDER; o++)
		pr_info("pmm:   order %2u (%5lu KiB): %llu free blocks\n", o, (4UL << o),
			(unsigned long long)zone.free_blocks[o]);
}

int pmm_init(void)
{
	const struct boot_info *bi = boot_info_get();
	uint64_t top = 0, usable = 0;

	for (uint32_t i = 0; i < bi->mem_count; i++) {
		const struct boot_mem_region *r = &bi->mem[i];

		if (r->type == BOOT_MEM_USABLE) {
			usable += r->length;
			if (r->base + r->length > top)
				top = r->base + r->length;
		}
	}
	uint64_t nr = top >> PAGE_SHIFT;
	uint64_t pages = early_alloc(nr * sizeof(struct buddy_page));
	uint64_t bitmap = early_alloc(BUDDY_BITMAP_WORDS(nr) * 8);
	uint64_t counts = early_alloc(nr * sizeof(uint16_t));

	if (!pages || !bitmap || !counts)
		return -ENOMEM;
	refcounts = phys_to_virt(counts);
	memset(refcounts, 0, nr * sizeof(uint16_t));
	if (buddy_zone_init(&zone, 0, nr, phys_to_virt(pages), phys_to_virt(bitmap), report,
			    NULL) < 0)
		return -ENOMEM;

	/* Usable RAM above the first MiB (real-mode leftovers, BIOS data). */
	for (uint32_t i = 0; i < bi->mem_count; i++) {
		const struct boot_mem_region *r = &bi->mem[i];
		uint64_t start = r->base < 0x100000 ? 0x100000 : r->base;

		if (r->type == BOOT_MEM_USABLE && r->base + r->length > start)
			add_usable(start, r->base + r->length);
	}
	buddy_zero_cache_init(&zero_cache, pfn_virt, NULL);
	reserved_pages = usable / PAGE_SIZE - buddy_total_pages(&zone);
	pmm_zero_cache_refill();

	struct pmm_stats st;

	pmm_stats(&st);
	pr_info("mm: memory: %llu MiB total, %llu MiB free, %llu MiB reserved "
		"(first MiB, allocator records, early page tables)\n",
		(unsigned long long)(st.total >> 8), (unsigned long long)((st.free + st.zero_cached) >> 8),
		(unsigned long long)(st.reserved >> 8));
	if (debug_buddy)
		print_free_lists();
	return 0;
}

static int set_mm_debug(const char *value)
{
	if (!value || strcmp(value, "buddy") != 0)
		return -EINVAL;
	debug_buddy = 1;
	return 0;
}
CMDLINE_PARAM(mm_debug, "mm_debug", set_mm_debug, "mm_debug=buddy prints the buddy free lists at boot");
