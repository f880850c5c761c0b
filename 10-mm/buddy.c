/*
 * buddy.c - the physical page allocator (see include/buddy.h).
 *
 * Pure C: no kernel headers, no printk; problems go to the zone's report
 * callback.  The same file is linked into the host tests.
 *
 * Invariants kept by every function:
 *  - a page's bitmap bit is clear exactly when the page belongs to a block
 *    on a free list;
 *  - a free block of order k starts at a pfn that is a multiple of 2^k, its
 *    first page is flagged BUDDY_PAGE_FREE_HEAD with order k, and all its
 *    pages are usable;
 *  - a block handed out by buddy_alloc() has its first page flagged
 *    BUDDY_PAGE_ALLOC_HEAD with its order, until buddy_free().
 */
#include <buddy.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static uint32_t page_index(const struct buddy_zone *zone, uint64_t pfn)
{
	return (uint32_t)(pfn - zone->base_pfn);
}

static struct buddy_page *page_of(struct buddy_zone *zone, uint64_t pfn)
{
	return &zone->pages[page_index(zone, pfn)];
}

/* Whether [pfn, pfn + count) lies inside the zone's window. */
static int in_window(const struct buddy_zone *zone, uint64_t pfn,
		     uint64_t count)
{
	return pfn >= zone->base_pfn && count <= zone->nr_pages &&
	       pfn - zone->base_pfn <= zone->nr_pages - count;
}

static void report(struct buddy_zone *zone, const char *what, uint64_t pfn,
		   unsigned int order)
{
	if (zone->report)
		zone->report(zone->report_ctx, what, pfn << BUDDY_PAGE_SHIFT,
			     order);
}

static int bit_test(const struct buddy_zone *zone, uint32_t idx)
{
	return (zone->bitmap[idx / 64] >> (idx % 64)) & 1;
}

static void bits_set(struct buddy_zone *zone, uint64_t pfn, uint64_t count)
{
	for (uint32_t i = page_index(zone, pfn); count--; i++)
		zone->bitmap[i / 64] |= 1ULL << (i % 64);
}

static void bits_clear(struct buddy_zone *zone, uint64_t pfn, uint64_t count)
{
	for (uint32_t i = page_index(zone, pfn); count--; i++)
		zone->bitmap[i / 64] &= ~(1ULL << (i % 64));
}

/* 1 if every page of the block has its bit equal to @want. */
static int bits_all(const struct buddy_zone *zone, uint64_t pfn,
		    uint64_t count, int want)
{
	for (uint32_t i = page_index(zone, pfn); count--; i++)
		if (bit_test(zone, i) != want)
			return 0;
	return 1;
}

static void list_push(struct buddy_zone *zone, uint64_t pfn,
		      unsigned int order)
{
	uint32_t idx = page_index(zone, pfn);
	struct buddy_page *p = &zone->pages[idx];
	uint32_t old = zone->free_head[order];

	p->flags |= BUDDY_PAGE_FREE_HEAD;
	p->order = order;
	p->prev = BUDDY_NO_PAGE;
	p->next = old;
	if (old != BUDDY_NO_PAGE)
		zone->pages[old].prev = idx;
	zone->free_head[order] = idx;
	zone->free_blocks[order]++;
}

static void list_remove(struct buddy_zone *zone, uint64_t pfn,
			unsigned int order)
{
	struct buddy_page *p = page_of(zone, pfn);

	if (p->prev != BUDDY_NO_PAGE)
		zone->pages[p->prev].next = p->next;
	else
		zone->free_head[order] = p->next;
	if (p->next != BUDDY_NO_PAGE)
		zone->pages[p->next].prev = p->prev;
	p->next = p->prev = BUDDY_NO_PAGE;
	p->flags &= ~BUDDY_PAGE_FREE_HEAD;
	zone->free_blocks[order]--;
}

/*
 * Whether the block at @pfn is a whole free block of exactly @order, so that
 * a neighbour may merge with it.  Not being allocated (or not being found
 * allocated) is not enough: a page held by the zero cache is on no free list
 * and is not free either.  The seed bug merged a freed page with a buddy that
 * sat in the zero cache; the buddy was then handed out twice and a sleeping
 * task's kernel stack was zeroed under it.  So both the free-list record and
 * every bitmap bit must agree before we merge.
 */
static int block_is_free(struct buddy_zone *zone, uint64_t pfn,
			 unsigned int order)
{
	struct buddy_page *p;

	if (!in_window(zone, pfn, 1ULL << order))
		return 0;
	p = page_of(zone, pfn);
	/* LAB 10 BEGIN buddy_merge_check */
	/* LAB STUB: (void)p; return 0; */
	if (!(p->flags & BUDDY_PAGE_FREE_HEAD) || p->order != order)
		return 0;
	if (!bits_all(zone, pfn, 1ULL << order, 0)) {
		report(zone, "free-list block has allocated pages; not merging",
		       pfn, order);
		return 0;
	}
	return 1;
	/* LAB 10 END buddy_merge_check */
}

/* Put a block whose bits are already clear on the lists, merging upwards. */
static void free_and_merge(struct buddy_zone *zone, uint64_t pfn,
			   unsigned int order)
{
	while (order < BUDDY_MAX_ORDER) {
		uint64_t buddy = pfn ^ (1ULL << order);

		if (!block_is_free(zone, buddy, order))
			break;
		list_remove(zone, buddy, order);
		pfn &= ~(1ULL << order);
		order++;
	}
	list_push(zone, pfn, order);
}

int buddy_zone_init(struct buddy_zone *zone, uint64_t base_pfn,
		    uint64_t nr_pages, struct buddy_page *pages,
		    uint64_t *bitmap, buddy_report_fn report_fn,
		    void *report_ctx)
{
	if (!zone || !pages || !bitmap || nr_pages == 0 ||
	    nr_pages > BUDDY_ZONE_MAX_PAGES || base_pfn + nr_pages < base_pfn)
		return -EINVAL;
	memset(zone, 0, sizeof(*zone));
	zone->base_pfn = base_pfn;
	zone->nr_pages = nr_pages;
	zone->pages = pages;
	zone->bitmap = bitmap;
	zone->report = report_fn;
	zone->report_ctx = report_ctx;
	for (unsigned int o = 0; o <= BUDDY_MAX_ORDER; o++)
		zone->free_head[o] = BUDDY_NO_PAGE;
	for (uint64_t i = 0; i < nr_pages; i++)
		pages[i] = (struct buddy_page){ BUDDY_NO_PAGE, BUDDY_NO_PAGE,
						0, 0 };
	/* Every page starts "not free": only added ranges ever clear a bit. */
	memset(bitmap, 0xff, BUDDY_BITMAP_WORDS(nr_pages) * sizeof(*bitmap));
	return 0;
}

int buddy_add_range(struct buddy_zone *zone, uint64_t first_pfn,
		    uint64_t count)
{
	uint64_t pfn = first_pfn, end = first_pfn + count;

	if (count == 0 || !in_window(zone, first_pfn, count))
		return -EINVAL;
	for (uint64_t p = first_pfn; p < end; p++)
		if (page_of(zone, p)->flags & BUDDY_PAGE_USABLE)
			return -EBUSY;
	for (uint64_t p = first_pfn; p < end; p++)
		page_of(zone, p)->flags |= BUDDY_PAGE_USABLE;
	/* Cut the range into the largest blocks aligned to their size. */
	while (pfn < end) {
		unsigned int order = 0;

		while (order < BUDDY_MAX_ORDER &&
		       !(pfn & ((2ULL << order) - 1)) &&
		       pfn + (2ULL << order) <= end)
			order++;
		bits_clear(zone, pfn, 1ULL << order);
		zone->free_pages += 1ULL << order;
		free_and_merge(zone, pfn, order);
		pfn += 1ULL << order;
	}
	zone->total_pages += count;
	return 0;
}

int buddy_alloc(struct buddy_zone *zone, unsigned int order, uint64_t *pfn)
{
	unsigned int o = order;
	uint64_t block;
	struct buddy_page *p;

	if (order > BUDDY_MAX_ORDER)
		return -EINVAL;
	while (o <= BUDDY_MAX_ORDER && zone->free_head[o] == BUDDY_NO_PAGE)
		o++;
	if (o > BUDDY_MAX_ORDER)
		return -ENOMEM;
	block = zone->base_pfn + zone->free_head[o];
	list_remove(zone, block, o);
	/* Split: keep the lower half, give the upper half back at each step. */
	/* LAB 10 BEGIN buddy_split */
	while (o > order) {
		o--;
		list_push(zone, block + (1ULL << o), o);
	}
	/* LAB 10 END buddy_split */
	bits_set(zone, block, 1ULL << order);
	zone->free_pages -= 1ULL << order;
	p = page_of(zone, block);
	p->flags |= BUDDY_PAGE_ALLOC_HEAD;
	p->order = order;
	*pfn = block;
	return 0;
}

int buddy_free(struct buddy_zone *zone, uint64_t pfn, unsigned int order)
{
	uint64_t count;
	struct buddy_page *p;

	if (order > BUDDY_MAX_ORDER || (pfn & ((1ULL << order) - 1))) {
		report(zone, "free of a misaligned block or bad order", pfn,
		       order);
		return -EINVAL;
	}
	count = 1ULL << order;
	if (!in_window(zone, pfn, count)) {
		report(zone, "free of a block outside the zone", pfn, order);
		return -EINVAL;
	}
	/* Every page must be allocated now, or this is a double free. */
	if (!bits_all(zone, pfn, count, 1)) {
		report(zone, "double free or free of a page never allocated",
		       pfn, order);
		return -EINVAL;
	}
	p = page_of(zone, pfn);
	if (!(p->flags & BUDDY_PAGE_ALLOC_HEAD) || p->order != order) {
		report(zone, "free with the wrong order or of a block's tail",
		       pfn, order);
		return -EINVAL;
	}
	p->flags &= ~BUDDY_PAGE_ALLOC_HEAD;
	bits_clear(zone, pfn, count);
	zone->free_pages += count;
	free_and_merge(zone, pfn, order);
	return 0;
}

uint64_t buddy_free_pages(const struct buddy_zone *zone)
{
	return zone->free_pages;
}

uint64_t buddy_total_pages(const struct buddy_zone *zone)
{
	return zone->total_pages;
}

int buddy_page_is_allocated(const struct buddy_zone *zone, uint64_t pfn)
{
	if (!in_window(zone, pfn, 1))
		return 1;
	return bit_test(zone, page_index(zone, pfn));
}

/* Walk one free list, marking its pages SEEN; returns pages or -EIO. */
static int64_t check_list(struct buddy_zone *zone, unsigned int order)
{
	uint32_t idx = zone->free_head[order], prev = BUDDY_NO_PAGE;
	uint64_t blocks = 0, size = 1ULL << order;

	while (idx != BUDDY_NO_PAGE) {
		uint64_t pfn = zone->base_pfn + idx;
		struct buddy_page *p;

		if (blocks++ >= zone->nr_pages ||
		    !in_window(zone, pfn, size) || (pfn & (size - 1))) {
			report(zone, "free list broken or block misplaced",
			       pfn, order);
			return -EIO;
		}
		p = &zone->pages[idx];
		if (!(p->flags & BUDDY_PAGE_FREE_HEAD) || p->order != order ||
		    p->prev != prev) {
			report(zone, "free-list entry with bad head record",
			       pfn, order);
			return -EIO;
		}
		for (uint64_t i = 0; i < size; i++) {
			struct buddy_page *q = &zone->pages[idx + i];

			if (!(q->flags & BUDDY_PAGE_USABLE) ||
			    (q->flags & BUDDY_PAGE_SEEN) ||
			    bit_test(zone, idx + i)) {
				report(zone,
				       "free block page unusable, listed twice or allocated",
				       pfn + i, order);
				return -EIO;
			}
			q->flags |= BUDDY_PAGE_SEEN;
		}
		prev = idx;
		idx = p->next;
	}
	if (blocks != zone->free_blocks[order]) {
		report(zone, "free-list length differs from its counter", 0,
		       order);
		return -EIO;
	}
	return (int64_t)(blocks * size);
}

int buddy_check(struct buddy_zone *zone)
{
	uint64_t listed = 0;
	int ret = 0;

	for (unsigned int o = 0; o <= BUDDY_MAX_ORDER && !ret; o++) {
		int64_t n = check_list(zone, o);

		if (n < 0)
			ret = -EIO;
		else
			listed += (uint64_t)n;
	}
	for (uint64_t i = 0; i < zone->nr_pages; i++) {
		struct buddy_page *p = &zone->pages[i];
		int seen = p->flags & BUDDY_PAGE_SEEN;

		p->flags &= ~BUDDY_PAGE_SEEN;
		if (ret)
			continue;
		if (!seen && !bit_test(zone, (uint32_t)i)) {
			report(zone, "page clear in bitmap but on no free list",
			       zone->base_pfn + i, 0);
			ret = -EIO;
		} else if (!seen && (p->flags & BUDDY_PAGE_FREE_HEAD)) {
			report(zone, "free-head record on no free list",
			       zone->base_pfn + i, p->order);
			ret = -EIO;
		}
	}
	if (!ret && listed != zone->free_pages) {
		report(zone, "free-page counter differs from the lists", 0, 0);
		ret = -EIO;
	}
	return ret;
}

void buddy_zero_cache_init(struct buddy_zero_cache *cache,
			   buddy_pfn_to_virt_fn to_virt, void *ctx)
{
	memset(cache, 0, sizeof(*cache));
	cache->to_virt = to_virt;
	cache->to_virt_ctx = ctx;
}

static void zero_page(struct buddy_zero_cache *cache, uint64_t pfn)
{
	memset(cache->to_virt(cache->to_virt_ctx, pfn), 0, BUDDY_PAGE_SIZE);
}

int buddy_zero_cache_refill(struct buddy_zero_cache *cache,
			    struct buddy_zone *zone, unsigned int n)
{
	int added = 0;
	uint64_t pfn;

	/* The pages stay allocated in the bitmap for as long as they are here. */
	while (n-- && cache->count < BUDDY_ZERO_CACHE_SIZE &&
	       buddy_alloc(zone, 0, &pfn) == 0) {
		zero_page(cache, pfn);
		cache->pfns[cache->count++] = pfn;
		added++;
	}
	return added;
}

int buddy_zero_cache_get(struct buddy_zero_cache *cache,
			 struct buddy_zone *zone, uint64_t *pfn)
{
	int ret;

	if (cache->count) {
		*pfn = cache->pfns[--cache->count];
		return 0;
	}
	ret = buddy_alloc(zone, 0, pfn);
	if (ret)
		return ret;
	zero_page(cache, *pfn);
	return 0;
}

void buddy_zero_cache_drain(struct buddy_zero_cache *cache,
			    struct buddy_zone *zone)
{
	while (cache->count)
		buddy_free(zone, cache->pfns[--cache->count], 0);
}
