/**
 * @file buddy.h
 * @brief The physical page allocator: a buddy allocator over 4 KiB pages.
 *
 * A zone covers a window of page frame numbers (pfns).  The caller gives it
 * the storage it needs (one struct buddy_page per page and a bitmap with one
 * bit per page), then adds the ranges that are real, usable RAM with
 * buddy_add_range().  Pages outside added ranges are never handed out.
 *
 * Free memory is kept as blocks of 2^order pages, each aligned to its own
 * size in pfn space, on one free list per order.  Freeing a block merges it
 * with its buddy (the other half of the block one order up) when, and only
 * when, the buddy is itself a whole free block of the same order.
 *
 * The allocation bitmap is the authority: a bit is set while its page is
 * allocated, held by a cache outside the free lists (such as the pre-zeroed
 * page cache below) or not usable RAM.  A merge needs every page of the buddy
 * clear; a free needs every page of the block set.
 *
 * The code is pure C (no kernel headers), so the same file runs in the
 * kernel and in the host tests.  It takes no locks: the caller serialises
 * every call on one zone.  No function sleeps.
 */
#ifndef BUDDY_H
#define BUDDY_H

#include <stddef.h>
#include <stdint.h>

/** @brief log2 of the page size: pages are 4 KiB. */
#define BUDDY_PAGE_SHIFT 12
/** @brief The page size in bytes. */
#define BUDDY_PAGE_SIZE (1UL << BUDDY_PAGE_SHIFT)
/** @brief The largest block order: 2^10 pages, 4 MiB. */
#define BUDDY_MAX_ORDER 10
/** @brief Most pages one zone may cover (page indices are 32-bit). */
#define BUDDY_ZONE_MAX_PAGES 0xfffffff0UL
/** @brief End-of-list marker in struct buddy_page links. */
#define BUDDY_NO_PAGE 0xffffffffU

/**
 * @brief Number of 64-bit words the allocation bitmap needs.
 * @param nr_pages pages covered by the zone
 * @return words to reserve for buddy_zone_init()'s @p bitmap
 */
#define BUDDY_BITMAP_WORDS(nr_pages) (((nr_pages) + 63) / 64)

/** @brief The page is real RAM added with buddy_add_range(). */
#define BUDDY_PAGE_USABLE 0x01
/** @brief The page is the first page of a block on a free list. */
#define BUDDY_PAGE_FREE_HEAD 0x02
/** @brief The page is the first page of a block handed out by buddy_alloc(). */
#define BUDDY_PAGE_ALLOC_HEAD 0x04
/** @brief Scratch mark used by buddy_check() while it walks the lists. */
#define BUDDY_PAGE_SEEN 0x08

/**
 * @brief Per-page bookkeeping; the caller provides one per page of a zone.
 *
 * Only the first page of a block carries meaningful links and order.
 */
struct buddy_page {
	uint32_t next;	/**< next free block of the same order, or BUDDY_NO_PAGE */
	uint32_t prev;	/**< previous free block, or BUDDY_NO_PAGE */
	uint8_t order;	/**< order of the block this page heads */
	uint8_t flags;	/**< BUDDY_PAGE_* bits */
};

/**
 * @brief Called on every misuse or inconsistency the allocator detects.
 * @param ctx the report_ctx given to buddy_zone_init()
 * @param what one-line description of the problem
 * @param phys physical address of the block concerned
 * @param order order of the block concerned
 *
 * In the kernel it prints a warning with a backtrace; the host tests count
 * the calls.  It must not call back into the allocator.
 */
typedef void (*buddy_report_fn)(void *ctx, const char *what, uint64_t phys,
				unsigned int order);

/** @brief A buddy allocator over one window of physical page frames. */
struct buddy_zone {
	uint64_t base_pfn;	/**< pfn of pages[0] */
	uint64_t nr_pages;	/**< pages in the window, usable or not */
	uint64_t total_pages;	/**< pages added with buddy_add_range() */
	uint64_t free_pages;	/**< pages currently on the free lists */
	struct buddy_page *pages; /**< caller storage, nr_pages entries */
	uint64_t *bitmap;	/**< caller storage, BUDDY_BITMAP_WORDS(nr_pages) */
	uint32_t free_head[BUDDY_MAX_ORDER + 1]; /**< first free block per order (page index) */
	uint64_t free_blocks[BUDDY_MAX_ORDER + 1]; /**< blocks on each free list */
	buddy_report_fn report;	/**< error report callback, may be NULL */
	void *report_ctx;	/**< passed to @ref report */
};

/**
 * @brief Set up an empty zone: no usable pages until buddy_add_range().
 * @param zone the zone to initialise
 * @param base_pfn first pfn of the window
 * @param nr_pages pages in the window (1 to BUDDY_ZONE_MAX_PAGES)
 * @param pages caller storage for @p nr_pages page records
 * @param bitmap caller storage for BUDDY_BITMAP_WORDS(@p nr_pages) words
 * @param report error callback, or NULL
 * @param report_ctx first argument of @p report
 * @return 0, or -EINVAL for a missing buffer or a bad size
 */
int buddy_zone_init(struct buddy_zone *zone, uint64_t base_pfn,
		    uint64_t nr_pages, struct buddy_page *pages,
		    uint64_t *bitmap, buddy_report_fn report, void *report_ctx);

/**
 * @brief Give a range of usable RAM to the allocator.
 * @param zone an initialised zone
 * @param first_pfn first page of the range
 * @param count pages in the range
 * @return 0; -EINVAL if the range leaves the window or is empty; -EBUSY if
 *         part of it was already added
 */
int buddy_add_range(struct buddy_zone *zone, uint64_t first_pfn,
		    uint64_t count);

/**
 * @brief Allocate a block of 2^order contiguous pages aligned to its size.
 * @param zone the zone
 * @param order 0 to BUDDY_MAX_ORDER
 * @param[out] pfn first page of the block
 * @return 0; -EINVAL for a bad order; -ENOMEM if no block is free
 */
int buddy_alloc(struct buddy_zone *zone, unsigned int order, uint64_t *pfn);

/**
 * @brief Return a block obtained from buddy_alloc().
 * @param zone the zone
 * @param pfn first page of the block
 * @param order the order it was allocated with
 * @return 0; -EINVAL (reported, lists untouched) for a double free, a page
 *         never allocated, a page outside the added ranges, a misaligned
 *         pfn or a wrong order
 */
int buddy_free(struct buddy_zone *zone, uint64_t pfn, unsigned int order);

/**
 * @brief Pages currently free on the lists.
 * @param zone the zone
 * @return the count
 */
uint64_t buddy_free_pages(const struct buddy_zone *zone);

/**
 * @brief Pages ever added with buddy_add_range().
 * @param zone the zone
 * @return the count
 */
uint64_t buddy_total_pages(const struct buddy_zone *zone);

/**
 * @brief Whether a page's bit is set in the allocation bitmap.
 * @param zone the zone
 * @param pfn any pfn
 * @return 1 if allocated, cached or unusable (including outside the window),
 *         0 if free on a list
 */
int buddy_page_is_allocated(const struct buddy_zone *zone, uint64_t pfn);

/**
 * @brief Check the free lists against the bitmap; O(pages), for tests and
 *        debug builds.
 * @param zone the zone
 * @return 0 if consistent, -EIO (first problem reported) otherwise
 *
 * Every free-list block must be aligned, headed by a page flagged as a free
 * head of that order, and made of usable pages whose bits are clear; no page
 * may be on two blocks; every clear bit must belong to a listed block; the
 * pages on the lists must add up to buddy_free_pages().
 */
int buddy_check(struct buddy_zone *zone);

/** @brief Most pages a struct buddy_zero_cache holds. */
#define BUDDY_ZERO_CACHE_SIZE 32

/**
 * @brief Maps a pfn to a pointer the allocator can write through.
 * @param ctx the ctx given to buddy_zero_cache_init()
 * @param pfn the page
 * @return the page's address (the direct map in the kernel, a buffer on the host)
 */
typedef void *(*buddy_pfn_to_virt_fn)(void *ctx, uint64_t pfn);

/**
 * @brief A small stack of pre-zeroed order-0 pages.
 *
 * Cached pages were taken with buddy_alloc(), so they stay set in the
 * bitmap: the buddy can never merge a neighbour with them or hand them out
 * while they sit here.  A page taken from the cache is freed with
 * buddy_free(zone, pfn, 0) like any other.
 */
struct buddy_zero_cache {
	uint64_t pfns[BUDDY_ZERO_CACHE_SIZE]; /**< cached pages, zeroed */
	unsigned int count;		      /**< valid entries in @ref pfns */
	buddy_pfn_to_virt_fn to_virt;	      /**< how to reach a page */
	void *to_virt_ctx;		      /**< passed to @ref to_virt */
};

/**
 * @brief Set up an empty cache.
 * @param cache the cache
 * @param to_virt how to write to a page
 * @param ctx first argument of @p to_virt
 */
void buddy_zero_cache_init(struct buddy_zero_cache *cache,
			   buddy_pfn_to_virt_fn to_virt, void *ctx);

/**
 * @brief Take up to @p n pages from the buddy, zero them and cache them.
 * @param cache the cache
 * @param zone the zone to take pages from
 * @param n pages wanted (stops early when the cache is full or memory runs out)
 * @return the number of pages added, 0 or more
 */
int buddy_zero_cache_refill(struct buddy_zero_cache *cache,
			    struct buddy_zone *zone, unsigned int n);

/**
 * @brief Get one zeroed page: from the cache, or from the buddy then zeroed.
 * @param cache the cache
 * @param zone the zone to fall back on
 * @param[out] pfn the page
 * @return 0, or -ENOMEM
 */
int buddy_zero_cache_get(struct buddy_zero_cache *cache,
			 struct buddy_zone *zone, uint64_t *pfn);

/**
 * @brief Give every cached page back to the buddy.
 * @param cache the cache
 * @param zone the zone the pages came from
 */
void buddy_zero_cache_drain(struct buddy_zero_cache *cache,
			    struct buddy_zone *zone);

#endif /* BUDDY_H */
