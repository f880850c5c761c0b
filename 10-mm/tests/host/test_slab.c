/*
 * test_slab.c - the kmalloc/kfree slab allocator.
 *
 * Pages come from aligned_alloc(4096, 4096); the page callbacks count the
 * pages out so tests can see exactly what went back to page_free, and can
 * be told to run out.  Large blocks are aligned_alloc'd too and kept in a
 * table so large_free can refuse pointers it never handed out.  The report
 * callback counts reports and keeps the last pointer, so each misuse test
 * checks it was reported exactly once, about the right address.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include <slab.h>
#include <errno.h>
#include <stdint.h>

#define PAGE 4096
#define MAX_LARGE 4096
#define MAX_PAGES 8192

static struct slab_allocator sa;
static void *pages_live[MAX_PAGES]; /* pages given by page_alloc, not yet freed */
static long pages_out;		/* entries in pages_live */
static long bad_page_frees;	/* page_free of a page not in pages_live */
static long page_limit;		/* page_alloc fails once pages_out reaches it */
static long page_frees;		/* calls to page_free */
static void *large_live[MAX_LARGE];
static int large_count;
static long large_allocs, large_frees;
static int reports;
static const void *last_report;

static void *test_page_alloc(void *ctx)
{
	void *page;

	if (pages_out >= page_limit || pages_out == MAX_PAGES)
		return NULL;
	page = aligned_alloc(PAGE, PAGE);
	if (page)
		pages_live[pages_out++] = page;
	return page;
}

static void test_page_free(void *ctx, void *page)
{
	page_frees++;
	for (long i = pages_out - 1; i >= 0; i--)
		if (pages_live[i] == page) {
			pages_live[i] = pages_live[--pages_out];
			free(page);
			return;
		}
	bad_page_frees++;	/* never handed out, or freed twice */
}

static void *test_large_alloc(void *ctx, size_t size)
{
	void *p;

	if (large_count == MAX_LARGE)
		return NULL;
	p = aligned_alloc(PAGE, (size + PAGE - 1) & ~(size_t)(PAGE - 1));
	if (p) {
		large_live[large_count++] = p;
		large_allocs++;
	}
	return p;
}

static int test_large_free(void *ctx, void *p)
{
	for (int i = 0; i < large_count; i++)
		if (large_live[i] == p) {
			large_live[i] = large_live[--large_count];
			large_frees++;
			free(p);
			return 0;
		}
	return -EINVAL;
}

static void test_report(void *ctx, const char *what, const void *p)
{
	reports++;
	last_report = p;
}

static const struct slab_ops test_ops = {
	.page_alloc = test_page_alloc,
	.page_free = test_page_free,
	.large_alloc = test_large_alloc,
	.large_free = test_large_free,
	.report = test_report,
};

/*
 * A fresh allocator.  Pages and large blocks an earlier test left behind
 * (on purpose, or because it failed half-way) are released first, so a
 * clean run leaks nothing for LeakSanitizer to report.
 */
static int setup(void)
{
	while (pages_out)
		free(pages_live[--pages_out]);
	while (large_count)
		free(large_live[--large_count]);
	bad_page_frees = 0;
	page_limit = 1L << 30;
	page_frees = 0;
	large_allocs = 0;
	large_frees = 0;
	reports = 0;
	last_report = NULL;
	return slab_init(&sa, &test_ops);
}

static size_t total_in_use(void)
{
	size_t n = 0;

	for (int i = 0; i < SLAB_NR_CLASSES; i++)
		n += sa.caches[i].in_use;
	return n;
}

/* Whether the n bytes at p all equal b. */
static int all_bytes(const void *p, size_t n, unsigned char b)
{
	const unsigned char *q = p;

	for (size_t i = 0; i < n; i++)
		if (q[i] != b)
			return 0;
	return 1;
}

HOST_TEST(init_refuses_missing_page_callbacks)
{
	struct slab_ops ops = test_ops;

	ops.page_free = NULL;
	HT_EQ_INT(slab_init(&sa, &ops), -EINVAL);
	HT_EQ_INT(slab_init(&sa, NULL), -EINVAL);
	HT_EQ_INT(setup(), 0);
	HT_EQ_INT(pages_out, 0);
}

#define OBJS_PER_CLASS 600

static unsigned char *objs[OBJS_PER_CLASS];

HOST_TEST(each_class_gives_distinct_aligned_non_overlapping_objects)
{
	HT_EQ_INT(setup(), 0);
	for (int c = 0; c < SLAB_NR_CLASSES; c++) {
		size_t size = SLAB_MIN_SIZE << c;
		/* At least three slabs' worth, so slab boundaries are crossed. */
		int n = (int)(3 * sa.caches[c].objects_per_slab + 1);

		if (n > OBJS_PER_CLASS)
			n = OBJS_PER_CLASS;
		for (int i = 0; i < n; i++) {
			objs[i] = slab_alloc(&sa, size);
			HT_ASSERT(objs[i] != NULL);
			HT_EQ_INT((uintptr_t)objs[i] % SLAB_ALIGN, 0);
			HT_ASSERT((uintptr_t)objs[i] % PAGE != 0);
			HT_ASSERT(slab_size_of(&sa, objs[i]) >= size);
			memset(objs[i], (unsigned char)(i * 7 + c + 1), size);
		}
		for (int i = 0; i < n; i++) {
			HT_ASSERT(all_bytes(objs[i], size,
					    (unsigned char)(i * 7 + c + 1)));
			/* Neighbouring objects must not touch each other. */
			for (int j = 0; j < i; j++)
				HT_ASSERT(objs[j] + size <= objs[i] ||
					  objs[i] + size <= objs[j]);
		}
		HT_EQ_INT(sa.caches[c].in_use, n);
		HT_ASSERT(sa.caches[c].nr_slabs >= 3);
		HT_EQ_INT(slab_check(&sa), 0);
		for (int i = 0; i < n; i++)
			HT_EQ_INT(slab_free(&sa, objs[i]), 0);
		HT_EQ_INT(sa.caches[c].in_use, 0);
	}
	HT_EQ_INT(slab_check(&sa), 0);
	HT_EQ_INT(reports, 0);
}

HOST_TEST(sizes_map_to_the_smallest_class_that_holds_them)
{
	static const struct {
		size_t size, class_size;
	} cases[] = {
		{ 1, 16 }, { 15, 16 }, { 16, 16 }, { 17, 32 }, { 33, 64 },
		{ 100, 128 }, { 129, 256 }, { 500, 512 }, { 1000, 1024 },
		{ 1025, 2048 }, { 2048, 2048 },
	};

	HT_EQ_INT(setup(), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int class = 0;
		void *p;

		while ((SLAB_MIN_SIZE << class) != cases[i].class_size)
			class++;
		p = slab_alloc(&sa, cases[i].size);
		HT_ASSERT(p != NULL);
		HT_EQ_INT(slab_size_of(&sa, p), cases[i].class_size);
		HT_EQ_INT(sa.caches[class].in_use, 1);
		HT_EQ_INT(total_in_use(), 1);
		HT_EQ_INT(slab_free(&sa, p), 0);
		HT_EQ_INT(slab_size_of(&sa, p), 0);	/* free now */
	}
	HT_EQ_INT(large_allocs, 0);
}

HOST_TEST(large_sizes_go_to_large_alloc_and_free_to_large_free)
{
	void *p, *q;

	HT_EQ_INT(setup(), 0);
	p = slab_alloc(&sa, 2049);
	q = slab_alloc(&sa, 3 * PAGE + 5);
	HT_ASSERT(p != NULL && q != NULL);
	HT_EQ_INT((uintptr_t)p % PAGE, 0);
	HT_EQ_INT(large_allocs, 2);
	HT_EQ_INT(sa.large_in_use, 2);
	HT_EQ_INT(pages_out, 0);
	HT_EQ_INT(total_in_use(), 0);
	memset(q, 0x5a, 3 * PAGE + 5);
	HT_EQ_INT(slab_size_of(&sa, p), 0);
	HT_EQ_INT(slab_free(&sa, p), 0);
	HT_EQ_INT(slab_free(&sa, q), 0);
	HT_EQ_INT(large_frees, 2);
	HT_EQ_INT(large_count, 0);
	HT_EQ_INT(sa.large_in_use, 0);
	HT_EQ_INT(reports, 0);
}

HOST_TEST(zero_size_gives_zero_size_ptr_which_free_accepts)
{
	void *p;

	HT_EQ_INT(setup(), 0);
	p = slab_alloc(&sa, 0);
	HT_ASSERT(p == SLAB_ZERO_SIZE_PTR);
	HT_ASSERT(p != NULL);
	HT_EQ_INT(slab_size_of(&sa, p), 0);
	HT_EQ_INT(slab_free(&sa, p), 0);
	HT_EQ_INT(slab_free(&sa, NULL), 0);
	HT_EQ_INT(pages_out, 0);
	HT_EQ_INT(large_allocs, 0);
	HT_EQ_INT(reports, 0);
}

/*
 * Two live objects in one 64-byte slab, each filled, plus the state a
 * refused free must leave untouched.
 */
struct misuse_state {
	unsigned char *a, *b;
	size_t in_use, slabs;
	long pages;
};

static int misuse_setup(struct misuse_state *m)
{
	if (setup())
		return -1;
	m->a = slab_alloc(&sa, 64);
	m->b = slab_alloc(&sa, 64);
	if (!m->a || !m->b)
		return -1;
	memset(m->a, 0xaa, 64);
	memset(m->b, 0xbb, 64);
	m->in_use = sa.caches[2].in_use;
	m->slabs = sa.caches[2].nr_slabs;
	m->pages = pages_out;
	return 0;
}

static int misuse_unchanged(const struct misuse_state *m)
{
	return sa.caches[2].in_use == m->in_use &&
	       sa.caches[2].nr_slabs == m->slabs && pages_out == m->pages &&
	       all_bytes(m->a, 64, 0xaa) && all_bytes(m->b, 64, 0xbb) &&
	       slab_size_of(&sa, m->a) == 64 && slab_size_of(&sa, m->b) == 64 &&
	       slab_check(&sa) == 0;
}

/*
 * Page-aligned and two pages long so that the page holding the pointer
 * lies wholly inside the array: rounding down to it reads our own bytes,
 * not another global's AddressSanitizer redzone.
 */
static unsigned char foreign[2 * PAGE] __attribute__((aligned(PAGE)));

HOST_TEST(free_of_foreign_pointer_is_reported_and_refused)
{
	struct misuse_state m;
	unsigned char *p = foreign + PAGE + 48;

	HT_EQ_INT(misuse_setup(&m), 0);
	HT_EQ_INT(slab_free(&sa, p), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_ASSERT(last_report == p);
	HT_EQ_INT(slab_size_of(&sa, p), 0);
	HT_ASSERT(misuse_unchanged(&m));
	HT_EQ_INT(slab_free(&sa, m.a), 0);
	HT_EQ_INT(slab_free(&sa, m.b), 0);
	HT_EQ_INT(reports, 1);
}

HOST_TEST(free_of_foreign_page_with_copied_magic_is_refused)
{
	struct misuse_state m;
	struct slab_header *h = (struct slab_header *)(foreign + PAGE);
	unsigned char *p = foreign + PAGE + 80;

	HT_EQ_INT(misuse_setup(&m), 0);
	/* Magic right but the cache is not one of this allocator's. */
	memset(h, 0, sizeof(*h));
	h->magic = SLAB_MAGIC;
	h->cache = (struct slab_cache *)(foreign + 16);
	HT_EQ_INT(slab_free(&sa, p), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_ASSERT(last_report == p);
	HT_ASSERT(misuse_unchanged(&m));
	memset(h, 0, sizeof(*h));
}

HOST_TEST(free_into_page_that_stopped_being_a_slab_is_refused)
{
	struct misuse_state m;
	struct slab_header *h = (struct slab_header *)(foreign + PAGE);
	const struct slab_header *real;
	unsigned char *p;

	HT_EQ_INT(misuse_setup(&m), 0);
	/*
	 * What a stale pointer meets after its empty slab went back to
	 * page_free: the old header, cache pointer and bitmap still there,
	 * only the magic cleared.
	 */
	real = (const struct slab_header *)((uintptr_t)m.a & ~(uintptr_t)(PAGE - 1));
	memcpy(h, real, sizeof(*h));
	h->magic = 0;
	p = foreign + PAGE + (m.a - (const unsigned char *)real);
	HT_EQ_INT(slab_free(&sa, p), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_ASSERT(last_report == p);
	HT_EQ_INT(slab_size_of(&sa, p), 0);
	HT_ASSERT(misuse_unchanged(&m));
	memset(h, 0, sizeof(*h));
}

HOST_TEST(free_of_misaligned_interior_pointer_is_reported_and_refused)
{
	struct misuse_state m;
	unsigned char *header_ptr;

	HT_EQ_INT(misuse_setup(&m), 0);
	HT_EQ_INT(slab_free(&sa, m.a + 8), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_ASSERT(last_report == m.a + 8);
	HT_ASSERT(misuse_unchanged(&m));
	HT_EQ_INT(slab_free(&sa, m.b + 63), -EINVAL);
	HT_EQ_INT(reports, 2);
	/* Inside the slab header, before the first object. */
	header_ptr = (unsigned char *)((uintptr_t)m.a & ~(uintptr_t)(PAGE - 1)) + 16;
	HT_EQ_INT(slab_free(&sa, header_ptr), -EINVAL);
	HT_EQ_INT(reports, 3);
	HT_ASSERT(misuse_unchanged(&m));
	HT_EQ_INT(slab_free(&sa, m.a), 0);
	HT_EQ_INT(slab_free(&sa, m.b), 0);
}

HOST_TEST(double_free_is_reported_and_refused)
{
	struct misuse_state m;
	unsigned char *c;

	HT_EQ_INT(misuse_setup(&m), 0);
	HT_EQ_INT(slab_free(&sa, m.a), 0);	/* b keeps the slab alive */
	HT_EQ_INT(slab_check(&sa), 0);
	HT_EQ_INT(slab_free(&sa, m.a), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_ASSERT(last_report == m.a);
	HT_EQ_INT(sa.caches[2].in_use, 1);
	HT_EQ_INT(slab_check(&sa), 0);
	HT_ASSERT(all_bytes(m.b, 64, 0xbb));
	/* The object is handed out once more, not twice. */
	c = slab_alloc(&sa, 64);
	HT_ASSERT(c == m.a);
	HT_ASSERT(slab_alloc(&sa, 64) != m.a);
	HT_EQ_INT(slab_check(&sa), 0);
}

HOST_TEST(double_free_of_last_object_in_spare_slab_is_refused)
{
	void *p;

	HT_EQ_INT(setup(), 0);
	p = slab_alloc(&sa, 300);
	HT_EQ_INT(slab_free(&sa, p), 0);	/* its slab is now the spare */
	HT_ASSERT(sa.caches[5].spare != NULL);
	HT_EQ_INT(slab_free(&sa, p), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_EQ_INT(sa.caches[5].in_use, 0);
	HT_EQ_INT(slab_check(&sa), 0);
}

HOST_TEST(free_of_unknown_page_aligned_pointer_is_reported_and_refused)
{
	struct misuse_state m;
	void *stranger = aligned_alloc(PAGE, PAGE);
	void *slab_page, *big;

	HT_EQ_INT(misuse_setup(&m), 0);
	big = slab_alloc(&sa, 5000);
	HT_ASSERT(big != NULL);
	HT_EQ_INT(slab_free(&sa, stranger), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_ASSERT(last_report == stranger);
	/* The slab page itself is page-aligned but no large block. */
	slab_page = (void *)((uintptr_t)m.a & ~(uintptr_t)(PAGE - 1));
	HT_EQ_INT(slab_free(&sa, slab_page), -EINVAL);
	HT_EQ_INT(reports, 2);
	HT_ASSERT(misuse_unchanged(&m));
	HT_EQ_INT(large_count, 1);
	HT_EQ_INT(sa.large_in_use, 1);
	HT_EQ_INT(slab_free(&sa, big), 0);
	HT_EQ_INT(slab_free(&sa, big), -EINVAL);	/* large double free */
	HT_EQ_INT(reports, 3);
	HT_EQ_INT(sa.large_in_use, 0);
	free(stranger);
}

HOST_TEST(free_of_null_page_pointer_is_refused_without_touching_it)
{
	HT_EQ_INT(setup(), 0);
	HT_EQ_INT(slab_free(&sa, (void *)40), -EINVAL);
	HT_EQ_INT(reports, 1);
	HT_EQ_INT(slab_size_of(&sa, (void *)40), 0);
}

HOST_TEST(out_of_pages_returns_null_and_corrupts_nothing)
{
	void *p[300];
	int n = 0;

	HT_EQ_INT(setup(), 0);
	page_limit = 2;
	/* 128-byte objects: 31 per slab, so two pages hold 62. */
	while (n < 300 && (p[n] = slab_alloc(&sa, 128)) != NULL) {
		memset(p[n], n + 1, 128);
		n++;
	}
	HT_EQ_INT(n, 2 * sa.caches[3].objects_per_slab);
	HT_EQ_INT(pages_out, 2);
	HT_ASSERT(slab_alloc(&sa, 128) == NULL);
	HT_ASSERT(slab_alloc(&sa, 16) == NULL);	/* other classes too */
	HT_EQ_INT(sa.caches[3].in_use, n);
	HT_EQ_INT(sa.caches[0].nr_slabs, 0);
	HT_EQ_INT(slab_check(&sa), 0);
	for (int i = 0; i < n; i++)
		HT_ASSERT(all_bytes(p[i], 128, (unsigned char)(i + 1)));
	/* Freeing one makes room again without a new page. */
	HT_EQ_INT(slab_free(&sa, p[5]), 0);
	HT_ASSERT(slab_alloc(&sa, 128) == p[5]);
	for (int i = 0; i < n; i++)
		HT_EQ_INT(slab_free(&sa, p[i]), 0);
	HT_EQ_INT(reports, 0);
	HT_EQ_INT(slab_check(&sa), 0);
}

HOST_TEST(freeing_everything_keeps_one_spare_page_per_cache)
{
	static void *p[SLAB_NR_CLASSES][1024];
	int n[SLAB_NR_CLASSES];
	long peak;

	HT_EQ_INT(setup(), 0);
	for (int c = 0; c < SLAB_NR_CLASSES; c++) {
		n[c] = (int)(4 * sa.caches[c].objects_per_slab);
		for (int i = 0; i < n[c]; i++) {
			p[c][i] = slab_alloc(&sa, SLAB_MIN_SIZE << c);
			HT_ASSERT(p[c][i] != NULL);
		}
		HT_EQ_INT(sa.caches[c].nr_slabs, 4);
	}
	peak = pages_out;
	HT_EQ_INT(peak, 4 * SLAB_NR_CLASSES);
	/* Every other object first, so slabs go full -> partial -> empty. */
	for (int c = 0; c < SLAB_NR_CLASSES; c++) {
		for (int i = 0; i < n[c]; i += 2)
			HT_EQ_INT(slab_free(&sa, p[c][i]), 0);
		for (int i = 1; i < n[c]; i += 2)
			HT_EQ_INT(slab_free(&sa, p[c][i]), 0);
	}
	HT_EQ_INT(slab_check(&sa), 0);
	HT_EQ_INT(pages_out, SLAB_NR_CLASSES);
	HT_EQ_INT(page_frees, peak - SLAB_NR_CLASSES);
	for (int c = 0; c < SLAB_NR_CLASSES; c++) {
		HT_EQ_INT(sa.caches[c].nr_slabs, 1);
		HT_ASSERT(sa.caches[c].spare != NULL);
		HT_EQ_INT(sa.caches[c].in_use, 0);
	}
	/* The spare is reused before a new page is asked for. */
	p[0][0] = slab_alloc(&sa, 16);
	HT_EQ_INT(pages_out, SLAB_NR_CLASSES);
	HT_EQ_INT(slab_free(&sa, p[0][0]), 0);
	HT_EQ_INT(slab_shrink(&sa), SLAB_NR_CLASSES);
	HT_EQ_INT(pages_out, 0);
	HT_EQ_INT(bad_page_frees, 0);
	HT_EQ_INT(slab_check(&sa), 0);
	HT_EQ_INT(reports, 0);
}

HOST_TEST(check_catches_corrupted_free_list_and_bitmap)
{
	unsigned char *a, *b;
	struct slab_header *h;
	uint64_t saved;

	HT_EQ_INT(setup(), 0);
	a = slab_alloc(&sa, 32);
	b = slab_alloc(&sa, 32);
	HT_EQ_INT(slab_free(&sa, a), 0);
	h = (struct slab_header *)((uintptr_t)b & ~(uintptr_t)(PAGE - 1));
	/* A write after free clobbers the free list link in a. */
	memcpy(&saved, a, sizeof(saved));
	memset(a, 0x41, 8);
	HT_EQ_INT(slab_check(&sa), -EINVAL);
	HT_EQ_INT(reports, 1);
	memcpy(a, &saved, sizeof(saved));
	HT_EQ_INT(slab_check(&sa), 0);
	/* Bitmap bits flipped behind the allocator's back: a free object
	 * marked in use (object 0, a) and a live one marked free (object 1, b). */
	h->bitmap[0] ^= 1;
	HT_EQ_INT(slab_check(&sa), -EINVAL);
	h->bitmap[0] ^= 1;
	h->bitmap[0] ^= 2;
	HT_EQ_INT(slab_check(&sa), -EINVAL);
	h->bitmap[0] ^= 2;
	/* Both at once: the count still matches, the free list does not. */
	h->bitmap[0] ^= 3;
	HT_EQ_INT(slab_check(&sa), -EINVAL);
	h->bitmap[0] ^= 3;
	h->magic ^= 1;
	HT_EQ_INT(slab_check(&sa), -EINVAL);
	h->magic ^= 1;
	HT_EQ_INT(slab_check(&sa), 0);
	HT_EQ_INT(slab_free(&sa, b), 0);
}

/* xorshift64: fixed seed, so a failure replays identically. */
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

#define STRESS_SLOTS 2000
#define STRESS_OPS 1000000

static struct {
	unsigned char *p;
	size_t size;
	unsigned char fill;
} slot[STRESS_SLOTS];

static unsigned char patterns[256][PAGE];

HOST_TEST(random_alloc_free_stress_keeps_contents_and_leaks_nothing)
{
	long allocs = 0;

	HT_EQ_INT(setup(), 0);
	memset(slot, 0, sizeof(slot));
	for (int b = 0; b < 256; b++)
		memset(patterns[b], b, PAGE);
	for (long op = 1; op <= STRESS_OPS; op++) {
		uint64_t r = next_random();
		int i = (int)(r % STRESS_SLOTS);

		if (slot[i].p) {
			/* The owner's pattern must be intact before free. */
			HT_ASSERT(memcmp(slot[i].p, patterns[slot[i].fill],
					 slot[i].size) == 0);
			HT_EQ_INT(slab_free(&sa, slot[i].p), 0);
			slot[i].p = NULL;
		} else {
			size_t size = (size_t)((r >> 32) % PAGE) + 1;

			slot[i].p = slab_alloc(&sa, size);
			HT_ASSERT(slot[i].p != NULL);
			HT_ASSERT(slot[i].p != SLAB_ZERO_SIZE_PTR);
			if (size <= SLAB_MAX_SIZE)
				HT_ASSERT(slab_size_of(&sa, slot[i].p) >= size);
			slot[i].size = size;
			slot[i].fill = (unsigned char)(r >> 24);
			memset(slot[i].p, slot[i].fill, size);
			allocs++;
		}
		if (op % 10000 == 0)
			HT_EQ_INT(slab_check(&sa), 0);
	}
	HT_ASSERT(allocs > STRESS_OPS / 3);
	for (int i = 0; i < STRESS_SLOTS; i++)
		if (slot[i].p) {
			HT_ASSERT(memcmp(slot[i].p, patterns[slot[i].fill],
					 slot[i].size) == 0);
			HT_EQ_INT(slab_free(&sa, slot[i].p), 0);
		}
	HT_EQ_INT(slab_check(&sa), 0);
	HT_EQ_INT(total_in_use(), 0);
	HT_EQ_INT(sa.large_in_use, 0);
	HT_EQ_INT(large_count, 0);
	HT_ASSERT(pages_out <= SLAB_NR_CLASSES);
	slab_shrink(&sa);
	HT_EQ_INT(pages_out, 0);
	HT_EQ_INT(bad_page_frees, 0);
	HT_EQ_INT(reports, 0);
}

/* Last: releases what the misuse tests deliberately left allocated. */
HOST_TEST(teardown_releases_leftover_test_memory)
{
	HT_EQ_INT(setup(), 0);
}
