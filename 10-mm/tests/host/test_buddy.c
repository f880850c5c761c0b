/*
 * test_buddy.c - the buddy page allocator and its pre-zeroed page cache.
 *
 * "Physical memory" is one malloc'd buffer; pfn_to_virt() maps a pfn into it.
 * The zone's report callback counts the problems the allocator reports so
 * each misuse test can check it was reported exactly once, with its address.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include <buddy.h>
#include <errno.h>
#include <stdint.h>

#define MAX_PAGES 8192

static struct buddy_zone zone;
static struct buddy_page pages[MAX_PAGES];
static uint64_t bitmap[BUDDY_BITMAP_WORDS(MAX_PAGES)];
static uint8_t *memory;		/* MAX_PAGES pages, allocated once */
static int reports;
static uint64_t last_report_phys;

static void count_report(void *ctx, const char *what, uint64_t phys,
			 unsigned int order)
{
	reports++;
	last_report_phys = phys;
}

static void *pfn_to_virt(void *ctx, uint64_t pfn)
{
	return memory + (pfn - zone.base_pfn) * BUDDY_PAGE_SIZE;
}

/* A fresh zone over [base, base + n); no ranges added yet. */
static int setup(uint64_t base, uint64_t n)
{
	if (!memory)
		memory = malloc((size_t)MAX_PAGES * BUDDY_PAGE_SIZE);
	reports = 0;
	last_report_phys = 0;
	return buddy_zone_init(&zone, base, n, pages, bitmap, count_report,
			       NULL);
}

/* The free lists as a sorted list of (pfn, order), for before/after checks. */
struct snapshot {
	int n;
	uint64_t pfn[MAX_PAGES];
	unsigned int order[MAX_PAGES];
};

static struct snapshot snap_a, snap_b;

static void take_snapshot(struct snapshot *s)
{
	s->n = 0;
	for (unsigned int o = 0; o <= BUDDY_MAX_ORDER; o++)
		for (uint32_t i = zone.free_head[o]; i != BUDDY_NO_PAGE;
		     i = pages[i].next) {
			s->pfn[s->n] = zone.base_pfn + i;
			s->order[s->n++] = o;
		}
	/* Insertion sort by pfn: lists are short in these tests. */
	for (int i = 1; i < s->n; i++)
		for (int j = i; j > 0 && s->pfn[j - 1] > s->pfn[j]; j--) {
			uint64_t p = s->pfn[j];
			unsigned int o = s->order[j];

			s->pfn[j] = s->pfn[j - 1];
			s->order[j] = s->order[j - 1];
			s->pfn[j - 1] = p;
			s->order[j - 1] = o;
		}
}

static int snapshots_equal(const struct snapshot *a, const struct snapshot *b)
{
	if (a->n != b->n)
		return 0;
	for (int i = 0; i < a->n; i++)
		if (a->pfn[i] != b->pfn[i] || a->order[i] != b->order[i])
			return 0;
	return 1;
}

/* Allocate order-0 pages until -ENOMEM; each pfn must be new. */
static uint64_t drained[MAX_PAGES];
static int seen_page[MAX_PAGES];

static int drain_order0(int *count)
{
	uint64_t pfn;
	int ret;

	memset(seen_page, 0, sizeof(seen_page));
	*count = 0;
	while ((ret = buddy_alloc(&zone, 0, &pfn)) == 0) {
		uint64_t i = pfn - zone.base_pfn;

		if (i >= zone.nr_pages || seen_page[i])
			return -1;	/* outside the zone or handed out twice */
		seen_page[i] = 1;
		drained[(*count)++] = pfn;
	}
	return ret == -ENOMEM ? 0 : -1;
}

static void free_drained(int count)
{
	for (int i = 0; i < count; i++)
		buddy_free(&zone, drained[i], 0);
}

HOST_TEST(split_and_merge_restore_free_count_and_lists)
{
	uint64_t a, b, c, d;

	HT_EQ_INT(setup(0x400, 2048), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x400, 2048), 0);
	HT_EQ_INT(zone.free_blocks[BUDDY_MAX_ORDER], 2);
	HT_EQ_INT(buddy_total_pages(&zone), 2048);
	take_snapshot(&snap_a);

	HT_EQ_INT(buddy_alloc(&zone, 0, &a), 0);
	HT_EQ_INT(buddy_free_pages(&zone), 2047);
	/* One order-10 block split into one free block of each order 0..9. */
	for (unsigned int o = 0; o < BUDDY_MAX_ORDER; o++)
		HT_EQ_INT(zone.free_blocks[o], 1);
	HT_EQ_INT(zone.free_blocks[BUDDY_MAX_ORDER], 1);
	HT_EQ_INT(buddy_alloc(&zone, 3, &b), 0);
	HT_EQ_INT(buddy_alloc(&zone, 0, &c), 0);
	HT_EQ_INT(buddy_alloc(&zone, 10, &d), 0);
	HT_EQ_INT(buddy_free_pages(&zone), 2048 - 1 - 8 - 1 - 1024);
	HT_EQ_INT(buddy_check(&zone), 0);

	/* Free in a different order than allocated. */
	HT_EQ_INT(buddy_free(&zone, c, 0), 0);
	HT_EQ_INT(buddy_free(&zone, d, 10), 0);
	HT_EQ_INT(buddy_free(&zone, a, 0), 0);
	HT_EQ_INT(buddy_free(&zone, b, 3), 0);
	HT_EQ_INT(buddy_free_pages(&zone), 2048);
	HT_EQ_INT(buddy_check(&zone), 0);
	take_snapshot(&snap_b);
	HT_ASSERT(snapshots_equal(&snap_a, &snap_b));
	HT_EQ_INT(reports, 0);
}

HOST_TEST(every_block_is_aligned_to_its_order)
{
	static uint64_t got[MAX_PAGES];
	static unsigned int got_order[MAX_PAGES];
	int n = 0;

	/* An unaligned window and range: alignment is in pfn space. */
	HT_EQ_INT(setup(0x123, 4000), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x125, 3990), 0);
	for (int order = BUDDY_MAX_ORDER; order >= 0; order--) {
		uint64_t pfn;

		while (buddy_alloc(&zone, order, &pfn) == 0) {
			HT_EQ_INT(pfn & ((1ULL << order) - 1), 0);
			HT_ASSERT(pfn >= 0x125 &&
				  pfn + (1ULL << order) <= 0x125 + 3990);
			got[n] = pfn;
			got_order[n++] = order;
		}
		HT_EQ_INT(buddy_check(&zone), 0);
	}
	HT_EQ_INT(buddy_free_pages(&zone), 0);
	for (int i = 0; i < n; i++)
		HT_EQ_INT(buddy_free(&zone, got[i], got_order[i]), 0);
	HT_EQ_INT(buddy_free_pages(&zone), 3990);
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_EQ_INT(reports, 0);
}

HOST_TEST(exhaustion_returns_enomem_and_frees_bring_pages_back)
{
	uint64_t pfn;
	int count;

	HT_EQ_INT(setup(0, 1024), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0, 1024), 0);
	HT_EQ_INT(drain_order0(&count), 0);
	HT_EQ_INT(count, 1024);
	HT_EQ_INT(buddy_free_pages(&zone), 0);
	HT_EQ_INT(buddy_alloc(&zone, 0, &pfn), -ENOMEM);
	HT_EQ_INT(buddy_alloc(&zone, BUDDY_MAX_ORDER, &pfn), -ENOMEM);
	HT_EQ_INT(buddy_alloc(&zone, BUDDY_MAX_ORDER + 1, &pfn), -EINVAL);
	free_drained(count);
	HT_EQ_INT(buddy_free_pages(&zone), 1024);
	HT_EQ_INT(buddy_alloc(&zone, BUDDY_MAX_ORDER, &pfn), 0);
	HT_EQ_INT(pfn, 0);
	HT_EQ_INT(buddy_free(&zone, pfn, BUDDY_MAX_ORDER), 0);
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_EQ_INT(reports, 0);
}

HOST_TEST(double_free_is_caught_and_lists_stay_intact)
{
	uint64_t a, b;
	int count;

	HT_EQ_INT(setup(0x800, 512), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x800, 512), 0);
	HT_EQ_INT(buddy_alloc(&zone, 1, &a), 0);
	HT_EQ_INT(buddy_alloc(&zone, 0, &b), 0);
	HT_EQ_INT(buddy_free(&zone, a, 1), 0);
	take_snapshot(&snap_a);

	HT_EQ_INT(buddy_free(&zone, a, 1), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_EQ_INT(last_report_phys, a << BUDDY_PAGE_SHIFT);
	HT_EQ_INT(buddy_free(&zone, a, 0), -EINVAL);
	HT_EQ_INT(reports, 2);
	HT_EQ_INT(buddy_free_pages(&zone), 511);
	take_snapshot(&snap_b);
	HT_ASSERT(snapshots_equal(&snap_a, &snap_b));
	HT_EQ_INT(buddy_check(&zone), 0);

	/* Everything still free is handed out exactly once. */
	HT_EQ_INT(drain_order0(&count), 0);
	HT_EQ_INT(count, 511);
	HT_ASSERT(!seen_page[b - 0x800]);
	free_drained(count);
	HT_EQ_INT(buddy_free(&zone, b, 0), 0);
	HT_EQ_INT(buddy_free_pages(&zone), 512);
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_EQ_INT(reports, 2);
}

/*
 * The bitmap is checked on free even when the head record looks allocated:
 * a block with a page already clear (freed behind the allocator's back, or
 * a corrupted record) must not be put on the lists a second time.
 */
HOST_TEST(free_refused_when_a_page_of_the_block_is_clear_in_bitmap)
{
	uint64_t x, i;

	HT_EQ_INT(setup(0x2000, 1024), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x2000, 1024), 0);
	HT_EQ_INT(buddy_alloc(&zone, 1, &x), 0);
	i = x + 1 - 0x2000;
	bitmap[i / 64] &= ~(1ULL << (i % 64));
	take_snapshot(&snap_a);

	HT_EQ_INT(buddy_free(&zone, x, 1), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_EQ_INT(last_report_phys, x << BUDDY_PAGE_SHIFT);
	HT_EQ_INT(buddy_free_pages(&zone), 1022);
	take_snapshot(&snap_b);
	HT_ASSERT(snapshots_equal(&snap_a, &snap_b));
}

HOST_TEST(free_of_never_allocated_page_is_caught)
{
	HT_EQ_INT(setup(0x1000, 1024), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x1000, 256), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x1200, 256), 0);
	take_snapshot(&snap_a);

	/* A free page in a range, a page in the gap, a page outside the zone. */
	HT_EQ_INT(buddy_free(&zone, 0x1010, 0), -EINVAL);
	HT_EQ_INT(last_report_phys, 0x1010ULL << BUDDY_PAGE_SHIFT);
	HT_EQ_INT(buddy_free(&zone, 0x1100, 0), -EINVAL);
	HT_EQ_INT(last_report_phys, 0x1100ULL << BUDDY_PAGE_SHIFT);
	HT_EQ_INT(buddy_free(&zone, 0x2000, 0), -EINVAL);
	HT_EQ_INT(reports, 3);
	HT_EQ_INT(buddy_free_pages(&zone), 512);
	take_snapshot(&snap_b);
	HT_ASSERT(snapshots_equal(&snap_a, &snap_b));
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x10f0, 32), -EBUSY);
	HT_EQ_INT(buddy_add_range(&zone, 0x13f0, 32), -EINVAL);
}

HOST_TEST(free_with_wrong_order_is_caught)
{
	uint64_t blocks[64], x = 0;
	int n = 0;

	HT_EQ_INT(setup(0, 256), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0, 256), 0);
	/* All memory as order-2 blocks, so every neighbour is allocated too. */
	while (n < 64 && buddy_alloc(&zone, 2, &blocks[n]) == 0)
		n++;
	HT_EQ_INT(n, 64);
	for (int i = 0; i < n; i++)
		if (!(blocks[i] & 7))
			x = blocks[i];
	HT_EQ_INT(x & 7, 0);

	HT_EQ_INT(buddy_free(&zone, x, 3), -EINVAL);	/* too big */
	HT_EQ_INT(buddy_free(&zone, x, 1), -EINVAL);	/* too small */
	HT_EQ_INT(buddy_free(&zone, x + 1, 0), -EINVAL); /* a tail page */
	HT_EQ_INT(buddy_free(&zone, x + 2, 1), -EINVAL); /* the upper half */
	HT_EQ_INT(reports, 4);
	HT_EQ_INT(buddy_free_pages(&zone), 0);
	HT_EQ_INT(buddy_check(&zone), 0);
	for (int i = 0; i < n; i++)
		HT_EQ_INT(buddy_free(&zone, blocks[i], 2), 0);
	HT_EQ_INT(buddy_free_pages(&zone), 256);
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_EQ_INT(reports, 4);
}

/*
 * The seed bug: a page freed while its buddy sat in the zero cache was
 * merged with it; the merged block was handed out again, so the cached page
 * had two owners and a sleeping task's kernel stack was zeroed.
 */
HOST_TEST(free_next_to_zero_cached_buddy_does_not_merge)
{
	struct buddy_zero_cache cache;
	static uint64_t got[MAX_PAGES];
	static unsigned int got_order[MAX_PAGES];
	uint64_t a, b, pfn;
	int n = 0;

	HT_EQ_INT(setup(0x2000, 1024), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x2000, 1024), 0);
	buddy_zero_cache_init(&cache, pfn_to_virt, NULL);
	HT_EQ_INT(buddy_alloc(&zone, 0, &a), 0);
	/* The next order-0 page is A's buddy B; the cache takes it. */
	HT_EQ_INT(buddy_zero_cache_refill(&cache, &zone, 1), 1);
	b = cache.pfns[0];
	HT_EQ_INT(b, a ^ 1);
	HT_ASSERT(buddy_page_is_allocated(&zone, b));

	HT_EQ_INT(buddy_free(&zone, a, 0), 0);
	/* A stays an order-0 block on the free list; B stays allocated. */
	HT_ASSERT(pages[a - 0x2000].flags & BUDDY_PAGE_FREE_HEAD);
	HT_EQ_INT(pages[a - 0x2000].order, 0);
	HT_EQ_INT(zone.free_blocks[0], 1);
	HT_EQ_INT(zone.free_head[0], a - 0x2000);
	HT_ASSERT(buddy_page_is_allocated(&zone, b));
	HT_EQ_INT(buddy_free_pages(&zone), 1023);
	HT_EQ_INT(buddy_check(&zone), 0);

	/* Drain the whole allocator, largest blocks first: B never comes back. */
	for (int order = BUDDY_MAX_ORDER; order >= 0; order--)
		while (buddy_alloc(&zone, order, &pfn) == 0) {
			HT_ASSERT(b < pfn || b >= pfn + (1ULL << order));
			got[n] = pfn;
			got_order[n++] = order;
		}
	HT_EQ_INT(buddy_free_pages(&zone), 0);
	HT_EQ_INT(cache.count, 1);
	HT_EQ_INT(buddy_check(&zone), 0);
	for (int i = 0; i < n; i++)
		HT_EQ_INT(buddy_free(&zone, got[i], got_order[i]), 0);

	/* B leaves the cache zeroed; once freed, everything merges back. */
	HT_EQ_INT(buddy_zero_cache_get(&cache, &zone, &pfn), 0);
	HT_EQ_INT(pfn, b);
	HT_EQ_INT(buddy_free(&zone, b, 0), 0);
	HT_EQ_INT(buddy_free_pages(&zone), 1024);
	HT_EQ_INT(zone.free_blocks[BUDDY_MAX_ORDER], 1);
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_EQ_INT(reports, 0);
}

/*
 * A listed block whose bitmap bits are set is held by someone (a cache that
 * took it without unlinking it, a corrupted list): merging with it would
 * hand it out twice, so the bitmap alone must be able to refuse the merge.
 */
HOST_TEST(merge_refused_when_listed_buddy_is_set_in_bitmap)
{
	uint64_t a, b;

	HT_EQ_INT(setup(0x2000, 1024), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0x2000, 1024), 0);
	HT_EQ_INT(buddy_alloc(&zone, 0, &a), 0);
	b = a ^ 1;
	HT_ASSERT(pages[b - 0x2000].flags & BUDDY_PAGE_FREE_HEAD);
	bitmap[(b - 0x2000) / 64] |= 1ULL << ((b - 0x2000) % 64);

	HT_EQ_INT(buddy_free(&zone, a, 0), 0);
	HT_EQ_INT(reports, 1);
	HT_EQ_INT(last_report_phys, b << BUDDY_PAGE_SHIFT);
	HT_ASSERT(pages[a - 0x2000].flags & BUDDY_PAGE_FREE_HEAD);
	HT_EQ_INT(pages[a - 0x2000].order, 0);
	HT_EQ_INT(zone.free_blocks[0], 2);
	HT_EQ_INT(buddy_check(&zone), -EIO);
}

HOST_TEST(pages_across_range_gaps_never_merge)
{
	uint64_t pfn;
	int count;

	HT_EQ_INT(setup(0, 2048), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0, 512), 0);
	HT_EQ_INT(buddy_add_range(&zone, 513, 511), 0);
	HT_EQ_INT(buddy_add_range(&zone, 1024, 1024), 0);
	HT_EQ_INT(buddy_total_pages(&zone), 2047);
	/* Only [1024, 2048) can form an order-10 block. */
	HT_EQ_INT(buddy_alloc(&zone, 10, &pfn), 0);
	HT_EQ_INT(pfn, 1024);
	HT_EQ_INT(buddy_alloc(&zone, 10, &pfn), -ENOMEM);
	HT_EQ_INT(buddy_free(&zone, 1024, 10), 0);

	/* Churn the pages around the hole, then check nothing spans it. */
	HT_EQ_INT(drain_order0(&count), 0);
	HT_EQ_INT(count, 2047);
	HT_ASSERT(!seen_page[512]);
	free_drained(count);
	HT_EQ_INT(buddy_free_pages(&zone), 2047);
	HT_EQ_INT(zone.free_blocks[10], 1);
	HT_EQ_INT(zone.free_blocks[9], 1);
	HT_ASSERT(buddy_page_is_allocated(&zone, 512));
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_EQ_INT(reports, 0);
}

HOST_TEST(zero_cache_hands_out_zeroed_pages_and_falls_back_to_buddy)
{
	struct buddy_zero_cache cache;
	uint64_t got[5];
	static const uint8_t zero[BUDDY_PAGE_SIZE];

	HT_EQ_INT(setup(0, 64), 0);
	HT_EQ_INT(buddy_add_range(&zone, 0, 64), 0);
	memset(memory, 0xaa, 64 * BUDDY_PAGE_SIZE);
	buddy_zero_cache_init(&cache, pfn_to_virt, NULL);
	HT_EQ_INT(buddy_zero_cache_refill(&cache, &zone, 4), 4);
	HT_EQ_INT(buddy_free_pages(&zone), 60);
	for (int i = 0; i < 5; i++) {
		HT_EQ_INT(buddy_zero_cache_get(&cache, &zone, &got[i]), 0);
		HT_ASSERT(memcmp(pfn_to_virt(NULL, got[i]), zero,
				 BUDDY_PAGE_SIZE) == 0);
	}
	HT_EQ_INT(cache.count, 0);
	HT_EQ_INT(buddy_free_pages(&zone), 59);
	for (int i = 0; i < 5; i++)
		HT_EQ_INT(buddy_free(&zone, got[i], 0), 0);
	HT_EQ_INT(buddy_zero_cache_refill(&cache, &zone, 100),
		  BUDDY_ZERO_CACHE_SIZE);
	buddy_zero_cache_drain(&cache, &zone);
	HT_EQ_INT(buddy_free_pages(&zone), 64);
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_EQ_INT(reports, 0);
}

/* ---- randomised stress ---- */

#define STRESS_OPS 1000000
#define STRESS_CHECK_EVERY 10000
#define STRESS_SLOTS MAX_PAGES
#define OWNER_CACHE 0xffffffffU

static uint64_t rng_state = 0x5eed5eed12345678ULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

struct live_block {
	uint64_t pfn;
	unsigned int order;
	uint32_t owner;
};

static struct live_block live[STRESS_SLOTS];
static int nlive;
static uint32_t owner_of[MAX_PAGES];
static uint64_t ref_page[BUDDY_PAGE_SIZE / 8];

static void fill_ref(uint32_t owner)
{
	for (size_t i = 0; i < BUDDY_PAGE_SIZE / 8; i++)
		ref_page[i] = ((uint64_t)owner << 32) | (owner ^ 0xa5a5a5a5U);
}

/* Bitmap bit == "owned by a live block, the cache, or not usable RAM". */
static int bitmap_matches_owners(void)
{
	for (uint64_t i = 0; i < zone.nr_pages; i++) {
		int want = owner_of[i] != 0 ||
			   !(pages[i].flags & BUDDY_PAGE_USABLE);

		if (buddy_page_is_allocated(&zone, zone.base_pfn + i) != want)
			return 0;
	}
	return 1;
}

HOST_TEST(stress_random_mixed_orders_keeps_bitmap_and_lists_consistent)
{
	static const uint8_t zero[BUDDY_PAGE_SIZE];
	struct buddy_zero_cache cache;
	const uint64_t base = 0x1003, n = MAX_PAGES;
	uint64_t total, live_pages = 0, max_live_pages = 0, enomem = 0;

	HT_EQ_INT(setup(base, n), 0);
	HT_EQ_INT(buddy_add_range(&zone, base, 3000), 0);
	HT_EQ_INT(buddy_add_range(&zone, base + 3010, 4990), 0);
	HT_EQ_INT(buddy_add_range(&zone, base + 8100, 92), 0);
	total = buddy_total_pages(&zone);
	HT_EQ_INT(total, 8082);
	buddy_zero_cache_init(&cache, pfn_to_virt, NULL);
	memset(owner_of, 0, sizeof(owner_of));
	nlive = 0;

	for (uint32_t op = 1; op <= STRESS_OPS; op++) {
		uint64_t r = rng() % 100, pfn;
		/* Alternate filling and emptying phases to reach both extremes. */
		uint64_t alloc_below = (op / 50000) & 1 ? 62 : 42;
		unsigned int order = 0;
		int ret;

		if (r < 2) {
			int added = buddy_zero_cache_refill(&cache, &zone, 8);

			for (int i = 0; i < added; i++) {
				uint64_t c = cache.pfns[cache.count - 1 - i];

				HT_EQ_INT(owner_of[c - base], 0);
				owner_of[c - base] = OWNER_CACHE;
			}
		} else if (nlive < STRESS_SLOTS && (nlive == 0 || r < alloc_below)) {
			if (r < 8) {
				ret = buddy_zero_cache_get(&cache, &zone, &pfn);
			} else {
				while (order < BUDDY_MAX_ORDER && !(rng() & 3))
					order++;
				ret = buddy_alloc(&zone, order, &pfn);
			}
			if (ret == -ENOMEM) {
				enomem++;
				continue;
			}
			HT_EQ_INT(ret, 0);
			HT_EQ_INT(pfn & ((1ULL << order) - 1), 0);
			HT_ASSERT(pfn >= base && pfn + (1ULL << order) <= base + n);
			for (uint64_t i = 0; i < (1ULL << order); i++) {
				uint32_t o = owner_of[pfn - base + i];

				/* Never handed out twice; cached pages only via get. */
				HT_ASSERT(o == 0 || (r < 8 && o == OWNER_CACHE));
				HT_ASSERT(pages[pfn - base + i].flags &
					  BUDDY_PAGE_USABLE);
				owner_of[pfn - base + i] = op;
			}
			if (r < 8)
				HT_ASSERT(memcmp(pfn_to_virt(NULL, pfn), zero,
						 BUDDY_PAGE_SIZE) == 0);
			fill_ref(op);
			for (uint64_t i = 0; i < (1ULL << order); i++)
				memcpy(pfn_to_virt(NULL, pfn + i), ref_page,
				       BUDDY_PAGE_SIZE);
			live[nlive++] = (struct live_block){ pfn, order, op };
			live_pages += 1ULL << order;
			if (live_pages > max_live_pages)
				max_live_pages = live_pages;
		} else {
			int j = (int)(rng() % (uint64_t)nlive);
			struct live_block blk = live[j];

			fill_ref(blk.owner);
			for (uint64_t i = 0; i < (1ULL << blk.order); i++) {
				HT_EQ_INT(owner_of[blk.pfn - base + i], blk.owner);
				HT_ASSERT(memcmp(pfn_to_virt(NULL, blk.pfn + i),
						 ref_page, BUDDY_PAGE_SIZE) == 0);
				owner_of[blk.pfn - base + i] = 0;
			}
			HT_EQ_INT(buddy_free(&zone, blk.pfn, blk.order), 0);
			live[j] = live[--nlive];
			live_pages -= 1ULL << blk.order;
		}
		if (op % STRESS_CHECK_EVERY == 0) {
			HT_EQ_INT(buddy_check(&zone), 0);
			HT_ASSERT(bitmap_matches_owners());
			HT_EQ_INT(buddy_free_pages(&zone),
				  total - live_pages - cache.count);
		}
	}
	HT_ASSERT(enomem > 1000);	/* the run did reach exhaustion */
	HT_ASSERT(max_live_pages > total - 64);

	while (nlive) {
		struct live_block blk = live[--nlive];

		HT_EQ_INT(buddy_free(&zone, blk.pfn, blk.order), 0);
		for (uint64_t i = 0; i < (1ULL << blk.order); i++)
			owner_of[blk.pfn - base + i] = 0;
	}
	for (unsigned int i = 0; i < cache.count; i++)
		owner_of[cache.pfns[i] - base] = 0;
	buddy_zero_cache_drain(&cache, &zone);
	HT_EQ_INT(buddy_check(&zone), 0);
	HT_ASSERT(bitmap_matches_owners());
	HT_EQ_INT(buddy_free_pages(&zone), total);
	HT_EQ_INT(reports, 0);
}
