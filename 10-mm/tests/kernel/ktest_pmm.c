/*
 * ktest_pmm.c - the page allocator on the real memory map.
 */
#include <ktest.h>
#include <buddy.h>
#include <pmm.h>
#include <string.h>
#include <arch/layout.h>
#include <arch/mmu.h>

KTEST(pmm_alloc_free_restores_free_count_for_every_order)
{
	struct pmm_stats before, after;

	pmm_zero_cache_drain();
	pmm_stats(&before);
	for (unsigned int order = 0; order <= BUDDY_MAX_ORDER; order++) {
		uint64_t p = pmm_alloc(order);

		KT_ASSERT(p != 0);
		KT_EQ(p & ((PAGE_SIZE << order) - 1), 0);	/* aligned to its size */
		memset(phys_to_virt(p), 0xa5, PAGE_SIZE << order);	/* really ours, really RAM */
		KT_EQ(pmm_free(p, order), 0);
	}
	pmm_stats(&after);
	KT_EQ(after.free, before.free);
	KT_EQ(pmm_check(), 0);
}

KTEST(pmm_never_hands_out_kernel_image_first_mib_or_its_own_records)
{
	static uint64_t got[2048];
	uint64_t early_base, early_next;
	int n = 0;

	early_used(&early_base, &early_next);
	KT_ASSERT(early_next > early_base);
	/* Take a good number of pages; none may be somewhere it must not be. */
	for (; n < 2048; n++) {
		got[n] = pmm_alloc(0);
		KT_ASSERT(got[n] != 0);
		KT_ASSERT(got[n] >= 0x100000);
		KT_ASSERT(got[n] >= (uint64_t)__kernel_phys_end || got[n] + PAGE_SIZE <= (uint64_t)__kernel_phys_start);
		KT_ASSERT(got[n] >= early_next || got[n] + PAGE_SIZE <= early_base);
	}
	while (n--)
		KT_EQ(pmm_free(got[n], 0), 0);
}

KTEST(pmm_double_free_is_caught_and_changes_nothing)
{
	struct pmm_stats before, after;
	uint64_t p = pmm_alloc(2);

	KT_ASSERT(p);
	KT_EQ(pmm_free(p, 2), 0);
	pmm_stats(&before);
	KT_EQ(pmm_free(p, 2), -22);		/* double free */
	KT_EQ(pmm_free(p + PAGE_SIZE, 0), -22);	/* never allocated as such */
	pmm_stats(&after);
	KT_EQ(after.free, before.free);
	KT_EQ(after.errors, before.errors + 2);
	KT_EQ(pmm_check(), 0);
}

/*
 * The seed bug, on the real allocator: a page sitting in the pre-zeroed cache
 * is not free, so freeing its buddy must not merge with it, and it must never
 * be handed out while cached.
 */
KTEST(pmm_buddy_in_zero_cache_is_never_merged_or_handed_out)
{
	pmm_zero_cache_refill();
	uint64_t a = pmm_alloc_zeroed();	/* comes from the cache */

	KT_ASSERT(a);
	struct pmm_stats st;

	pmm_stats(&st);
	KT_ASSERT(st.zero_cached > 0);
	/*
	 * Allocate everything the buddy has, writing each page's index into it:
	 * a page handed out twice, or a cached page handed out, shows up as a
	 * page whose word was overwritten, or a cached page that is not zero.
	 */
	static uint64_t taken[70000];
	uint64_t n = 0, p;

	while (n < 70000 && (p = pmm_alloc(0)) != 0) {
		KT_ASSERT(pmm_page_refcount(p) == 1);
		*(uint64_t *)phys_to_virt(p) = n;
		taken[n++] = p;
	}
	for (uint64_t i = 0; i < n; i++)
		KT_EQ(*(uint64_t *)phys_to_virt(taken[i]), i);
	uint64_t z = pmm_alloc_zeroed();	/* still served, from the cache */

	KT_ASSERT(z);
	KT_ASSERT(z != a);
	for (uint64_t i = 0; i < PAGE_SIZE / 8; i++)
		KT_EQ(((uint64_t *)phys_to_virt(z))[i], 0);
	while (n)
		pmm_free(taken[--n], 0);
	pmm_free(z, 0);
	pmm_free(a, 0);
	KT_EQ(pmm_check(), 0);
}

/* A shorter in-kernel version of the host stress: mixed orders, owner patterns. */
KTEST(pmm_stress_mixed_orders_with_owner_patterns)
{
	static struct { uint64_t phys; unsigned int order; } live[256];
	uint64_t seed = 12345;

	memset(live, 0, sizeof(live));
	for (int op = 0; op < 20000; op++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		unsigned int slot = (seed >> 33) % 256, order = (seed >> 20) % 5;

		if (live[slot].phys) {
			uint64_t *w = phys_to_virt(live[slot].phys);
			uint64_t words = (PAGE_SIZE << live[slot].order) / 8;

			for (uint64_t i = 0; i < words; i += 61)
				KT_EQ(w[i], live[slot].phys ^ i);
			KT_EQ(pmm_free(live[slot].phys, live[slot].order), 0);
			live[slot].phys = 0;
		} else {
			uint64_t p = pmm_alloc(order);

			if (!p)
				continue;
			uint64_t *w = phys_to_virt(p);

			for (uint64_t i = 0; i < (PAGE_SIZE << order) / 8; i += 61)
				w[i] = p ^ i;
			live[slot].phys = p;
			live[slot].order = order;
		}
		if (op % 5000 == 0)
			KT_EQ(pmm_check(), 0);
	}
	for (int i = 0; i < 256; i++)
		if (live[i].phys)
			KT_EQ(pmm_free(live[i].phys, live[i].order), 0);
	KT_EQ(pmm_check(), 0);
}
