/*
 * kmalloc.c - kmalloc/kfree: slab.c (pure, host-tested) on top of the page
 * allocator.  Small objects live in one-page slabs; anything over 2048 bytes
 * is a block of whole pages, whose order is remembered per page frame so
 * kfree can give it back and refuse a pointer that never was one.
 */
#include <kmalloc.h>
#include <errno.h>
#include <pmm.h>
#include <printk.h>
#include <slab.h>
#include <string.h>
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <arch/trap.h>

#define NOT_LARGE 0xff

static struct slab_allocator slabs;
static uint8_t *large_order;	/* per page frame: order of a large kmalloc block starting there */
static uint64_t frames;
static unsigned long errors;

static void *page_alloc(void *ctx)
{
	uint64_t p = pmm_alloc(0);

	return p ? phys_to_virt(p) : NULL;
}

static void page_free(void *ctx, void *page)
{
	pmm_free(virt_to_phys(page), 0);
}

/* The smallest buddy order whose block holds @bytes. */
static unsigned int order_for(uint64_t bytes)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	return order;
}

static void *large_alloc(void *ctx, size_t size)
{
	unsigned int order = order_for(size);
	uint64_t p = pmm_alloc(order);

	if (!p)
		return NULL;
	large_order[p >> PAGE_SHIFT] = order;
	return phys_to_virt(p);
}

static int large_free(void *ctx, void *ptr)
{
	uint64_t p = virt_to_phys(ptr), pfn = p >> PAGE_SHIFT;

	if ((uint64_t)ptr < DIRECT_MAP_BASE || pfn >= frames || large_order[pfn] == NOT_LARGE)
		return -EINVAL;
	unsigned int order = large_order[pfn];

	large_order[pfn] = NOT_LARGE;
	return pmm_free(p, order);
}

static void report(void *ctx, const char *what, const void *p)
{
	errors++;
	pr_err("kfree: %s: %p\n", what, p);
	backtrace_print((uint64_t)__builtin_return_address(0), (uint64_t)__builtin_frame_address(0));
}

static const struct slab_ops ops = {
	.page_alloc = page_alloc,
	.page_free = page_free,
	.large_alloc = large_alloc,
	.large_free = large_free,
	.report = report,
};

void *kmalloc(size_t size)
{
	uint64_t flags = irq_save();
	void *p = slab_alloc(&slabs, size);

	irq_restore(flags);
	return p;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p && p != SLAB_ZERO_SIZE_PTR)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	uint64_t flags = irq_save();

	/*
	 * A pointer outside the direct map cannot be ours, and looking at its
	 * page for a slab header could itself fault: refuse it here.
	 */
	if (p && p != SLAB_ZERO_SIZE_PTR && (uint64_t)p < DIRECT_MAP_BASE)
		report(NULL, "not a kmalloc pointer (outside the direct map)", p);
	else
		slab_free(&slabs, p);
	irq_restore(flags);
}

unsigned long kmalloc_errors(void)
{
	return errors;
}

int kmalloc_init(void)
{
	frames = pmm_page_frames();
	uint64_t p = pmm_alloc(order_for(frames));	/* one byte per frame */

	if (!p)
		return -ENOMEM;
	large_order = phys_to_virt(p);
	memset(large_order, NOT_LARGE, frames);
	return slab_init(&slabs, &ops);
}
