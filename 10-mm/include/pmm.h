/**
 * @file
 * @brief The physical page allocator: the buddy allocator over all usable RAM, for the kernel.
 *
 * One zone covers physical memory from 0 to the end of the highest RAM
 * range; only usable ranges above 1 MiB, outside the kernel image, the
 * initramfs, the loader's data and the allocator's own records, are ever
 * handed out.  Every page carries a reference count (copy-on-write sharing).
 * All functions may be called with interrupts on or off; they disable
 * interrupts while they touch the zone (one CPU: that is the lock).
 */
#ifndef PMM_H
#define PMM_H

#include <stdint.h>

/**
 * pmm_alloc() - Allocate 2^@p order contiguous pages.
 * @param order 0 (4 KiB) .. BUDDY_MAX_ORDER (4 MiB)
 * @return the physical address of the first page, or 0 when memory is short
 *
 * The pages are not zeroed; their reference count is 1.
 */
uint64_t pmm_alloc(unsigned int order);

/**
 * pmm_alloc_zeroed() - Allocate one zeroed page, from the pre-zeroed cache when it has one.
 * @return its physical address, or 0
 */
uint64_t pmm_alloc_zeroed(void);

/**
 * pmm_free() - Free a block from pmm_alloc() regardless of its reference count.
 * @param phys  the address pmm_alloc() returned
 * @param order the order it was allocated with
 * @return 0, or -EINVAL for a double free, a wrong order or a page never
 *         allocated (reported with the address; nothing is changed)
 */
int pmm_free(uint64_t phys, unsigned int order);

/**
 * pmm_page_get() - Take one more reference to an order-0 page.
 * @param phys the page
 */
void pmm_page_get(uint64_t phys);

/**
 * pmm_page_put() - Drop a reference to an order-0 page; the last one frees it.
 * @param phys the page
 */
void pmm_page_put(uint64_t phys);

/**
 * pmm_page_refcount() - The reference count of a page.
 * @param phys the page
 * @return its count, 0 for a free or unmanaged page
 */
unsigned int pmm_page_refcount(uint64_t phys);

/** @brief Memory figures reported by pmm_stats(), in pages. */
struct pmm_stats {
	uint64_t total;		/**< pages the allocator manages */
	uint64_t free;		/**< on the free lists */
	uint64_t zero_cached;	/**< held zeroed in the cache (counted as allocated) */
	uint64_t reserved;	/**< usable RAM kept out: first MiB, allocator records, early tables */
	uint64_t errors;	/**< double frees and other misuse reported so far */
};

/**
 * pmm_stats() - Current memory figures.
 * @param st receives them
 */
void pmm_stats(struct pmm_stats *st);

/**
 * pmm_page_frames() - Number of page frames the allocator's zone spans (usable or not).
 * @return the highest managed page frame number plus one
 */
uint64_t pmm_page_frames(void);

/**
 * pmm_zero_cache_refill() - Top the pre-zeroed page cache up (the idle loop calls it).
 */
void pmm_zero_cache_refill(void);

/**
 * pmm_zero_cache_drain() - Give every cached page back to the buddy allocator.
 */
void pmm_zero_cache_drain(void);

/**
 * pmm_check() - Check the allocator's invariants (free lists against the bitmap).
 * @return 0, or -EINVAL with the problem printed
 */
int pmm_check(void);

/**
 * early_alloc() - Take memory before the page allocator exists (page tables, its records).
 * @param bytes how much; rounded up to whole pages
 * @return the physical address (page-aligned), or 0; never freed
 */
uint64_t early_alloc(uint64_t bytes);

/**
 * early_used() - The physical range the early allocator has handed out so far.
 * @param start receives its first byte
 * @param end   receives one past its last byte (== @p start if nothing was taken)
 */
void early_used(uint64_t *start, uint64_t *end);

/**
 * pmm_init() - Build the buddy zone from the boot memory map (called by the memory init call).
 * @return 0 or -ENOMEM
 */
int pmm_init(void);

#endif /* PMM_H */
