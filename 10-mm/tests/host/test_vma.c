/*
 * test_vma.c - the VMA set: map, unmap, protect, brk and mremap bookkeeping.
 *
 * Every case checks vma_check() after every operation, and every failing
 * operation is checked to leave the set byte-for-byte as it was.  The last
 * case runs 10^5 random operations against a model that keeps the
 * attributes of each page of a 4096-page window.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include <vma.h>
#include <errno.h>
#include <stdint.h>

#define P VMA_PAGE_SIZE
#define A 0x10000000UL		/* a convenient mapped area */
#define RW (VMA_READ | VMA_WRITE)
#define ANON (VMA_ANON | VMA_PRIVATE)

static struct vma_set set, saved;
static int file_a, file_b;	/* two "files": only their addresses matter */

static void reset(void)
{
	memset(&set, 0xa5, sizeof(set));	/* stale contents must not matter */
	vma_set_init(&set);
}

static void save(void)
{
	saved = set;
}

static int unchanged(void)
{
	return set.count == saved.count &&
	       memcmp(set.vmas, saved.vmas, set.count * sizeof(set.vmas[0])) == 0;
}

#define CHECK() HT_EQ_INT(vma_check(&set), 0)

/* vmas[i] is [start, end) with prot @prot. */
#define EXPECT_VMA(i, s, e, pr)                                             \
	do {                                                                \
		HT_ASSERT((uint32_t)(i) < set.count);                       \
		HT_EQ_INT(set.vmas[i].start, (s));                          \
		HT_EQ_INT(set.vmas[i].end, (e));                            \
		HT_EQ_INT(set.vmas[i].prot, (pr));                          \
	} while (0)

static int64_t map_anon(uint64_t start, uint64_t len, uint32_t prot)
{
	return vma_map(&set, start, len, prot, ANON, NULL, 0, 1);
}

HOST_TEST(map_fixed_then_find_returns_the_containing_vma)
{
	reset();
	HT_EQ_INT(map_anon(A, 4 * P, RW), A);
	CHECK();
	HT_ASSERT(vma_find(&set, A) == &set.vmas[0]);
	HT_ASSERT(vma_find(&set, A + 4 * P - 1) == &set.vmas[0]);
	HT_ASSERT(vma_find(&set, A - 1) == NULL);
	HT_ASSERT(vma_find(&set, A + 4 * P) == NULL);
}

HOST_TEST(map_hint_overlapping_a_mapping_is_placed_elsewhere)
{
	reset();
	HT_EQ_INT(map_anon(A, 4 * P, RW), A);
	/* A free hint is used as it is. */
	HT_EQ_INT(vma_map(&set, A + 8 * P, P, VMA_READ, ANON, NULL, 0, 0),
		  A + 8 * P);
	CHECK();
	/* An overlapping hint is refused: the top-down search places it. */
	HT_EQ_INT(vma_map(&set, A + P, 2 * P, VMA_READ, ANON, NULL, 0, 0),
		  VMA_MMAP_TOP - 2 * P);
	CHECK();
	HT_EQ_INT(set.count, 3);
	EXPECT_VMA(0, A, A + 4 * P, RW);
	EXPECT_VMA(1, A + 8 * P, A + 9 * P, VMA_READ);
}

HOST_TEST(map_fixed_replaces_the_overlapped_part)
{
	reset();
	HT_EQ_INT(map_anon(A, 4 * P, RW), A);
	HT_EQ_INT(map_anon(A + P, P, VMA_READ), A + P);
	CHECK();
	HT_EQ_INT(set.count, 3);
	EXPECT_VMA(0, A, A + P, RW);
	EXPECT_VMA(1, A + P, A + 2 * P, VMA_READ);
	EXPECT_VMA(2, A + 2 * P, A + 4 * P, RW);
	/* A fixed map over two VMAs and a hole replaces all of it. */
	HT_EQ_INT(map_anon(A + 8 * P, P, RW), A + 8 * P);
	HT_EQ_INT(vma_map(&set, A + 3 * P, 7 * P, VMA_EXEC, VMA_PRIVATE,
			  &file_a, 0, 1), A + 3 * P);
	CHECK();
	HT_EQ_INT(set.count, 4);
	EXPECT_VMA(2, A + 2 * P, A + 3 * P, RW);
	EXPECT_VMA(3, A + 3 * P, A + 10 * P, VMA_EXEC);
}

HOST_TEST(unmap_hole_in_the_middle_splits_one_vma_into_two)
{
	reset();
	HT_EQ_INT(vma_map(&set, A, 8 * P, VMA_READ, VMA_PRIVATE, &file_a,
			  16 * P, 1), A);
	HT_EQ_INT(vma_unmap(&set, A + 2 * P, 3 * P), 0);
	CHECK();
	HT_EQ_INT(set.count, 2);
	EXPECT_VMA(0, A, A + 2 * P, VMA_READ);
	EXPECT_VMA(1, A + 5 * P, A + 8 * P, VMA_READ);
	HT_EQ_INT(set.vmas[1].offset, 16 * P + 5 * P);
	HT_ASSERT(vma_find(&set, A + 3 * P) == NULL);
}

HOST_TEST(adjacent_compatible_maps_merge)
{
	reset();
	HT_EQ_INT(map_anon(A, P, RW), A);
	HT_EQ_INT(map_anon(A + 2 * P, P, RW), A + 2 * P);
	HT_EQ_INT(map_anon(A + P, P, RW), A + P);	/* fills the hole */
	CHECK();
	HT_EQ_INT(set.count, 1);
	EXPECT_VMA(0, A, A + 3 * P, RW);
	/* File pages merge when the offsets continue. */
	HT_EQ_INT(vma_map(&set, A + 8 * P, P, VMA_READ, VMA_SHARED, &file_a,
			  4 * P, 1), A + 8 * P);
	HT_EQ_INT(vma_map(&set, A + 9 * P, P, VMA_READ, VMA_SHARED, &file_a,
			  5 * P, 1), A + 9 * P);
	CHECK();
	HT_EQ_INT(set.count, 2);
	EXPECT_VMA(1, A + 8 * P, A + 10 * P, VMA_READ);
	HT_EQ_INT(set.vmas[1].offset, 4 * P);
}

HOST_TEST(adjacent_incompatible_maps_do_not_merge)
{
	reset();
	/* Different prot. */
	HT_EQ_INT(map_anon(A, P, RW), A);
	HT_EQ_INT(map_anon(A + P, P, VMA_READ), A + P);
	CHECK();
	HT_EQ_INT(set.count, 2);
	/* Different backing. */
	HT_EQ_INT(vma_map(&set, A + 4 * P, P, VMA_READ, VMA_PRIVATE, &file_a,
			  0, 1), A + 4 * P);
	HT_EQ_INT(vma_map(&set, A + 5 * P, P, VMA_READ, VMA_PRIVATE, &file_b,
			  P, 1), A + 5 * P);
	CHECK();
	HT_EQ_INT(set.count, 4);
	/* Same file, offsets not contiguous. */
	HT_EQ_INT(vma_map(&set, A + 6 * P, P, VMA_READ, VMA_PRIVATE, &file_b,
			  7 * P, 1), A + 6 * P);
	CHECK();
	HT_EQ_INT(set.count, 5);
	/* Different flags (a stack next to plain anonymous memory). */
	HT_EQ_INT(vma_map(&set, A + 2 * P, P, VMA_READ, ANON | VMA_STACK, NULL,
			  0, 1), A + 2 * P);
	CHECK();
	HT_EQ_INT(set.count, 6);
}

HOST_TEST(protect_splits_one_vma_into_three_and_merges_back)
{
	reset();
	HT_EQ_INT(map_anon(A, 6 * P, RW), A);
	HT_EQ_INT(vma_protect(&set, A + 2 * P, 2 * P, VMA_READ), 0);
	CHECK();
	HT_EQ_INT(set.count, 3);
	EXPECT_VMA(0, A, A + 2 * P, RW);
	EXPECT_VMA(1, A + 2 * P, A + 4 * P, VMA_READ);
	EXPECT_VMA(2, A + 4 * P, A + 6 * P, RW);
	HT_EQ_INT(vma_protect(&set, A + 2 * P, 2 * P, RW), 0);
	CHECK();
	HT_EQ_INT(set.count, 1);
	EXPECT_VMA(0, A, A + 6 * P, RW);
	/* Across two VMAs: the result merges with the neighbour too. */
	HT_EQ_INT(map_anon(A + 6 * P, 2 * P, VMA_READ), A + 6 * P);
	HT_EQ_INT(vma_protect(&set, A + 4 * P, 3 * P, VMA_READ), 0);
	CHECK();
	HT_EQ_INT(set.count, 2);
	EXPECT_VMA(1, A + 4 * P, A + 8 * P, VMA_READ);
	HT_EQ_INT(vma_protect(&set, A, 0, VMA_EXEC), 0);	/* len 0: no-op */
	HT_EQ_INT(set.count, 2);
}

HOST_TEST(protect_over_an_unmapped_page_is_enomem_and_changes_nothing)
{
	reset();
	HT_EQ_INT(map_anon(A, 2 * P, RW), A);
	HT_EQ_INT(map_anon(A + 3 * P, 2 * P, RW), A + 3 * P);
	save();
	HT_EQ_INT(vma_protect(&set, A + P, 3 * P, VMA_READ), -ENOMEM);
	HT_ASSERT(unchanged());
	HT_EQ_INT(vma_protect(&set, A + 4 * P, 2 * P, VMA_READ), -ENOMEM);
	HT_ASSERT(unchanged());
	HT_EQ_INT(vma_protect(&set, A - P, 2 * P, VMA_READ), -ENOMEM);
	HT_ASSERT(unchanged());
	CHECK();
}

HOST_TEST(brk_grows_and_shrinks_the_heap)
{
	struct vma_brk b = { A, A };

	reset();
	HT_EQ_INT(vma_brk(&set, &b, 0), A);	/* query */
	HT_EQ_INT(set.count, 0);
	HT_EQ_INT(vma_brk(&set, &b, A + 100), A + 100);
	CHECK();
	HT_EQ_INT(set.count, 1);
	EXPECT_VMA(0, A, A + P, RW);
	HT_EQ_INT(set.vmas[0].flags, VMA_ANON | VMA_PRIVATE | VMA_HEAP);
	HT_EQ_INT(vma_brk(&set, &b, A + 3 * P + 1), A + 3 * P + 1);
	CHECK();
	HT_EQ_INT(set.count, 1);
	EXPECT_VMA(0, A, A + 4 * P, RW);
	HT_EQ_INT(vma_brk(&set, &b, A + P), A + P);
	CHECK();
	EXPECT_VMA(0, A, A + P, RW);
	HT_EQ_INT(b.end, A + P);
	HT_EQ_INT(vma_brk(&set, &b, A), A);
	CHECK();
	HT_EQ_INT(set.count, 0);
}

HOST_TEST(brk_refused_when_it_would_grow_over_the_mapping_above_the_heap)
{
	struct vma_brk b = { A, A };

	reset();
	HT_EQ_INT(vma_brk(&set, &b, A + P), A + P);
	/* musl's text, mapped a few pages above the heap. */
	HT_EQ_INT(vma_map(&set, A + 4 * P, 8 * P, VMA_READ | VMA_EXEC,
			  VMA_PRIVATE, &file_a, 0, 1), A + 4 * P);
	save();
	HT_EQ_INT(vma_brk(&set, &b, A + 5 * P), A + P);
	HT_ASSERT(unchanged());
	HT_EQ_INT(b.end, A + P);
	HT_EQ_INT(vma_brk(&set, &b, A + 20 * P), A + P);	/* past it too */
	HT_ASSERT(unchanged());
	CHECK();
	/* Up to the mapping is fine. */
	HT_EQ_INT(vma_brk(&set, &b, A + 4 * P), A + 4 * P);
	CHECK();
	EXPECT_VMA(0, A, A + 4 * P, RW);
	EXPECT_VMA(1, A + 4 * P, A + 12 * P, VMA_READ | VMA_EXEC);
}

HOST_TEST(brk_below_start_is_refused)
{
	struct vma_brk b = { A, A };

	reset();
	HT_EQ_INT(vma_brk(&set, &b, A + 2 * P), A + 2 * P);
	save();
	HT_EQ_INT(vma_brk(&set, &b, A - 1), A + 2 * P);
	HT_EQ_INT(vma_brk(&set, &b, A - P), A + 2 * P);
	HT_ASSERT(unchanged());
	HT_EQ_INT(b.start, A);
	HT_EQ_INT(b.end, A + 2 * P);
	CHECK();
}

HOST_TEST(map_fixed_inside_the_heap_keeps_brk_sane)
{
	struct vma_brk b = { A, A };

	reset();
	HT_EQ_INT(vma_brk(&set, &b, A + 8 * P), A + 8 * P);
	HT_EQ_INT(vma_map(&set, A + 2 * P, 2 * P, VMA_READ, VMA_PRIVATE,
			  &file_a, 0, 1), A + 2 * P);
	CHECK();
	HT_EQ_INT(set.count, 3);
	HT_EQ_INT(b.start, A);
	HT_EQ_INT(b.end, A + 8 * P);
	/* Growing extends the top heap VMA only. */
	HT_EQ_INT(vma_brk(&set, &b, A + 10 * P), A + 10 * P);
	CHECK();
	HT_EQ_INT(set.count, 3);
	EXPECT_VMA(2, A + 4 * P, A + 10 * P, RW);
	/* Shrinking below the fixed mapping unmaps it too (brk(2) munmaps). */
	HT_EQ_INT(vma_brk(&set, &b, A + P), A + P);
	CHECK();
	HT_EQ_INT(set.count, 1);
	EXPECT_VMA(0, A, A + P, RW);
	HT_EQ_INT(vma_brk(&set, &b, A + 3 * P), A + 3 * P);
	CHECK();
	HT_EQ_INT(set.count, 1);
	EXPECT_VMA(0, A, A + 3 * P, RW);
}

HOST_TEST(mremap_shrink_unmaps_the_tail)
{
	struct vma_move m = { 1, 1, 1 };

	reset();
	HT_EQ_INT(map_anon(A, 4 * P, RW), A);
	HT_EQ_INT(vma_mremap(&set, A, 4 * P, P, 0, &m), A);
	CHECK();
	EXPECT_VMA(0, A, A + P, RW);
	HT_EQ_INT(m.len, 0);
	/* Shrinking a range in the middle of a VMA punches a hole. */
	HT_EQ_INT(map_anon(A + P, 5 * P, RW), A + P);
	HT_EQ_INT(vma_mremap(&set, A + P, 2 * P, P, 0, &m), A + P);
	CHECK();
	HT_EQ_INT(set.count, 2);
	EXPECT_VMA(0, A, A + 2 * P, RW);
	EXPECT_VMA(1, A + 3 * P, A + 6 * P, RW);
}

HOST_TEST(mremap_same_size_returns_old)
{
	struct vma_move m;

	reset();
	HT_EQ_INT(map_anon(A, 4 * P, RW), A);
	save();
	HT_EQ_INT(vma_mremap(&set, A + P, 2 * P, 2 * P, MREMAP_MAYMOVE, &m),
		  A + P);
	HT_ASSERT(unchanged());
	HT_EQ_INT(m.len, 0);
}

HOST_TEST(mremap_grow_in_place_extends_the_vma)
{
	struct vma_move m;

	reset();
	HT_EQ_INT(vma_map(&set, A, 2 * P, VMA_READ, VMA_PRIVATE, &file_a, P,
			  1), A);
	HT_EQ_INT(vma_mremap(&set, A, 2 * P, 5 * P, 0, &m), A);
	CHECK();
	HT_EQ_INT(set.count, 1);
	EXPECT_VMA(0, A, A + 5 * P, VMA_READ);
	HT_EQ_INT(set.vmas[0].offset, P);
	HT_EQ_INT(m.len, 0);
	/* Growing up to a compatible neighbour merges with it. */
	HT_EQ_INT(vma_map(&set, A + 7 * P, P, VMA_READ, VMA_PRIVATE, &file_a,
			  8 * P, 1), A + 7 * P);
	HT_EQ_INT(vma_mremap(&set, A + 3 * P, 2 * P, 4 * P, 0, &m), A + 3 * P);
	CHECK();
	HT_EQ_INT(set.count, 1);
	EXPECT_VMA(0, A, A + 8 * P, VMA_READ);
}

HOST_TEST(mremap_grow_blocked_by_a_neighbour_moves_only_with_maymove)
{
	struct vma_move m;
	uint64_t to = VMA_MMAP_TOP - 6 * P;

	reset();
	HT_EQ_INT(vma_map(&set, A, 4 * P, RW, VMA_SHARED, &file_a, 2 * P, 1),
		  A);
	HT_EQ_INT(map_anon(A + 4 * P, P, VMA_READ), A + 4 * P);
	save();
	HT_EQ_INT(vma_mremap(&set, A, 4 * P, 6 * P, 0, &m), -ENOMEM);
	HT_ASSERT(unchanged());
	HT_EQ_INT(m.len, 0);
	/* Growing from the middle of a VMA cannot be done in place either. */
	HT_EQ_INT(vma_mremap(&set, A, 2 * P, 3 * P, 0, &m), -ENOMEM);
	HT_ASSERT(unchanged());

	HT_EQ_INT(vma_mremap(&set, A + P, 2 * P, 6 * P, MREMAP_MAYMOVE, &m),
		  to);
	CHECK();
	HT_EQ_INT(m.from, A + P);
	HT_EQ_INT(m.to, to);
	HT_EQ_INT(m.len, 2 * P);
	HT_EQ_INT(set.count, 4);
	EXPECT_VMA(0, A, A + P, RW);
	EXPECT_VMA(1, A + 3 * P, A + 4 * P, RW);
	EXPECT_VMA(2, A + 4 * P, A + 5 * P, VMA_READ);
	EXPECT_VMA(3, to, to + 6 * P, RW);
	HT_ASSERT(set.vmas[3].backing == &file_a);
	HT_EQ_INT(set.vmas[3].flags, VMA_SHARED);
	HT_EQ_INT(set.vmas[3].offset, 3 * P);
	HT_EQ_INT(set.vmas[1].offset, 5 * P);
}

HOST_TEST(mremap_fixed_and_dontunmap_are_einval)
{
	struct vma_move m;

	reset();
	HT_EQ_INT(map_anon(A, 4 * P, RW), A);
	save();
	HT_EQ_INT(vma_mremap(&set, A, P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED,
			     &m), -EINVAL);
	HT_EQ_INT(vma_mremap(&set, A, P, P,
			     MREMAP_MAYMOVE | MREMAP_DONTUNMAP, &m), -EINVAL);
	HT_EQ_INT(vma_mremap(&set, A, P, 0, MREMAP_MAYMOVE, &m), -EINVAL);
	HT_EQ_INT(vma_mremap(&set, A + 1, P, 2 * P, 0, &m), -EINVAL);
	HT_ASSERT(unchanged());
}

HOST_TEST(mremap_old_range_spanning_two_vmas_is_efault)
{
	struct vma_move m;

	reset();
	HT_EQ_INT(map_anon(A, 2 * P, RW), A);
	HT_EQ_INT(map_anon(A + 2 * P, 2 * P, VMA_READ), A + 2 * P);
	save();
	HT_EQ_INT(vma_mremap(&set, A + P, 2 * P, 4 * P, MREMAP_MAYMOVE, &m),
		  -EFAULT);
	HT_EQ_INT(vma_mremap(&set, A + 8 * P, P, 2 * P, MREMAP_MAYMOVE, &m),
		  -EFAULT);	/* nothing mapped there */
	HT_ASSERT(unchanged());
	CHECK();
}

/* Fill the set with VMA_MAX three-page VMAs of alternating prot. */
static void fill(void)
{
	reset();
	for (int i = 0; i < VMA_MAX; i++)
		map_anon(A + 3 * i * P, 3 * P, i % 2 ? VMA_READ : RW);
}

HOST_TEST(full_set_refuses_with_enomem_and_stays_unchanged)
{
	struct vma_brk b = { 0x80000000UL, 0x80000000UL };
	struct vma_move m;

	fill();
	CHECK();
	HT_EQ_INT(set.count, VMA_MAX);
	save();
	HT_EQ_INT(map_anon(0x90000000UL, P, VMA_EXEC), -ENOMEM);
	HT_EQ_INT(vma_map(&set, 0, P, VMA_EXEC, ANON, NULL, 0, 0), -ENOMEM);
	HT_EQ_INT(map_anon(A + P, P, VMA_EXEC), -ENOMEM);	/* needs 2 */
	HT_EQ_INT(vma_unmap(&set, A + 4 * P, P), -ENOMEM);	/* a hole */
	HT_EQ_INT(vma_protect(&set, A + 4 * P, P, VMA_EXEC), -ENOMEM);
	HT_EQ_INT(vma_mremap(&set, A, P, 2 * P, MREMAP_MAYMOVE, &m), -ENOMEM);
	HT_EQ_INT(vma_mremap(&set, A + 3 * P, 2 * P, P, 0, &m), -ENOMEM);
	HT_EQ_INT(vma_brk(&set, &b, b.start + P), b.start);
	HT_ASSERT(unchanged());
	CHECK();
	/* What does not need more VMAs still works: exact capacity check. */
	HT_EQ_INT(map_anon(A + 3 * P, 3 * P, RW), A + 3 * P);	/* merges */
	CHECK();
	HT_EQ_INT(set.count, VMA_MAX - 2);
	EXPECT_VMA(0, A, A + 9 * P, RW);
	HT_EQ_INT(vma_unmap(&set, A, 9 * P), 0);
	CHECK();
	HT_EQ_INT(set.count, VMA_MAX - 3);
}

HOST_TEST(unmap_of_nothing_succeeds)
{
	reset();
	HT_EQ_INT(vma_unmap(&set, A, 16 * P), 0);
	HT_EQ_INT(set.count, 0);
	HT_EQ_INT(map_anon(A, P, RW), A);
	save();
	HT_EQ_INT(vma_unmap(&set, A + P, 16 * P), 0);
	HT_ASSERT(unchanged());
	CHECK();
}

HOST_TEST(invalid_arguments_are_einval_and_change_nothing)
{
	reset();
	HT_EQ_INT(map_anon(A, P, RW), A);
	save();
	HT_EQ_INT(map_anon(A + P, 0, RW), -EINVAL);
	HT_EQ_INT(map_anon(A + 1, P, RW), -EINVAL);
	HT_EQ_INT(map_anon(A + P, P + 1, RW), -EINVAL);
	HT_EQ_INT(map_anon(VMA_USER_MIN - P, P, RW), -EINVAL);
	HT_EQ_INT(map_anon(VMA_USER_MAX - P, 2 * P, RW), -EINVAL);
	HT_EQ_INT(map_anon(A + P, UINT64_MAX & ~(P - 1), RW), -EINVAL);
	HT_EQ_INT(map_anon(A + P, P, 8), -EINVAL);
	HT_EQ_INT(vma_map(&set, A + P, P, RW, VMA_ANON, NULL, 0, 1), -EINVAL);
	HT_EQ_INT(vma_map(&set, A + P, P, RW, VMA_PRIVATE | VMA_SHARED, NULL,
			  0, 1), -EINVAL);
	HT_EQ_INT(vma_map(&set, A + P, P, RW, VMA_PRIVATE, &file_a, 1, 1),
		  -EINVAL);
	HT_EQ_INT(vma_find_gap(&set, 0, VMA_MMAP_TOP), -EINVAL);
	HT_EQ_INT(vma_unmap(&set, A, 0), -EINVAL);
	HT_EQ_INT(vma_unmap(&set, A + 1, P), -EINVAL);
	HT_EQ_INT(vma_unmap(&set, 0, P), -EINVAL);
	HT_EQ_INT(vma_protect(&set, A + 1, P, VMA_READ), -EINVAL);
	HT_EQ_INT(vma_protect(&set, A, P, 0x10), -EINVAL);
	HT_EQ_INT(vma_mremap(&set, A, 0, P, 0, NULL), -EINVAL);
	HT_EQ_INT(vma_mremap(&set, A, P, P + 1, 0, NULL), -EINVAL);
	HT_ASSERT(unchanged());
	CHECK();
}

HOST_TEST(find_gap_returns_the_highest_fitting_range)
{
	reset();
	HT_EQ_INT(vma_find_gap(&set, P, VMA_MMAP_TOP), VMA_MMAP_TOP - P);
	HT_EQ_INT(map_anon(A + 8 * P, 8 * P, RW), A + 8 * P);
	HT_EQ_INT(map_anon(A + 2 * P, 4 * P, RW), A + 2 * P);
	HT_EQ_INT(vma_find_gap(&set, 2 * P, A + 12 * P), A + 6 * P);
	HT_EQ_INT(vma_find_gap(&set, 3 * P, A + 12 * P), A - P);
	HT_EQ_INT(vma_find_gap(&set, P, A + 17 * P), A + 16 * P);
	HT_EQ_INT(vma_find_gap(&set, A, A + 2 * P), -ENOMEM);
}

/* ---- Random operations against a page model ------------------------------ */

#define WIN_PAGES 4096
#define WIN_TOP VMA_MMAP_TOP
#define WIN_BASE (WIN_TOP - WIN_PAGES * P)
#define FENCE_TOP_PAGES 16
#define RANDOM_OPS 100000

/* What the set should say about one page of the window. */
struct mpage {
	uint8_t used;
	uint8_t prot;
	uint8_t obj;		/* 0 anonymous, 1 file_a, 2 file_b */
	uint8_t flags;
	uint64_t off;		/* file offset of the page; 0 for anonymous */
};

static struct mpage model[WIN_PAGES], next_model[WIN_PAGES];
static int fence_low, fence_high;
static void *const objs[3] = { NULL, &file_a, &file_b };
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(uint64_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng % n;
}

static int page_mergeable(const struct mpage *a, const struct mpage *b)
{
	return a->used && b->used && a->prot == b->prot && a->obj == b->obj &&
	       a->flags == b->flags && (a->obj == 0 || a->off + P == b->off);
}

/* VMAs a canonical set holding @m (and the two fences) has. */
static uint32_t model_count(const struct mpage *m)
{
	uint32_t n = 2;

	for (int i = 0; i < WIN_PAGES; i++)
		if (m[i].used && (i == 0 || !page_mergeable(&m[i - 1], &m[i])))
			n++;
	return n;
}

static int model_free(const struct mpage *m, int64_t first, int64_t n)
{
	if (first < 0 || first + n > WIN_PAGES)
		return 0;
	for (int64_t i = first; i < first + n; i++)
		if (m[i].used)
			return 0;
	return 1;
}

/* The highest free run of @n pages, or -1. */
static int64_t model_gap(const struct mpage *m, int64_t n)
{
	int64_t run = 0;

	for (int64_t i = WIN_PAGES - 1; i >= 0; i--) {
		run = m[i].used ? 0 : run + 1;
		if (run == n)
			return i;
	}
	return -1;
}

static uint64_t page_addr(int64_t i)
{
	return WIN_BASE + (uint64_t)i * P;
}

/* Compare the set with the model; returns a description of the mismatch. */
static const char *compare(void)
{
	const struct vma *lo = &set.vmas[0], *hi = &set.vmas[set.count - 1];

	if (vma_check(&set))
		return "vma_check";
	if (set.count != model_count(model))
		return "count";
	if (set.count < 2 || lo->start != VMA_USER_MIN || lo->end != WIN_BASE ||
	    lo->backing != &fence_low || hi->start != WIN_TOP ||
	    hi->end != WIN_TOP + FENCE_TOP_PAGES * P ||
	    hi->backing != &fence_high)
		return "fences";
	/* Walk the pages and the VMAs of the window side by side. */
	for (uint32_t i = 0, k = 1; i < WIN_PAGES; i++) {
		uint64_t a = page_addr(i);
		const struct vma *v;
		struct mpage got = { 0 };

		while (k + 1 < set.count && set.vmas[k].end <= a)
			k++;
		v = &set.vmas[k];
		if (k + 1 < set.count && v->start <= a) {
			int obj = v->backing == &file_a ? 1 :
				  v->backing == &file_b ? 2 : 0;

			if (obj == 0 && v->backing)
				return "backing";
			got.used = 1;
			got.prot = (uint8_t)v->prot;
			got.obj = (uint8_t)obj;
			got.flags = (uint8_t)v->flags;
			got.off = obj ? v->offset + (a - v->start) : 0;
		}
		if (got.used != model[i].used || got.prot != model[i].prot ||
		    got.obj != model[i].obj || got.flags != model[i].flags ||
		    got.off != model[i].off)
			return "page";
	}
	return NULL;
}

static void model_set(struct mpage *m, int64_t first, int64_t n,
		      const struct mpage *like, int64_t like_first)
{
	for (int64_t i = 0; i < n; i++) {
		m[first + i] = like[like_first];
		if (like[like_first].obj)
			m[first + i].off = like[like_first].off + i * P;
	}
}

static void model_clear(struct mpage *m, int64_t first, int64_t n)
{
	memset(&m[first], 0, n * sizeof(m[0]));
}

/* Outcome counters: the random test must reach every interesting path. */
static int n_full, n_moved, n_grown, n_brk_refused, n_merged_map;

HOST_TEST(random_ops_match_a_page_model)
{
	struct vma_brk b = { page_addr(3000), page_addr(3000) };
	struct vma_brk mb = b;

	reset();
	memset(model, 0, sizeof(model));
	HT_EQ_INT(vma_map(&set, VMA_USER_MIN, WIN_BASE - VMA_USER_MIN, 0,
			  VMA_PRIVATE, &fence_low, 0, 1), VMA_USER_MIN);
	HT_EQ_INT(vma_map(&set, WIN_TOP, FENCE_TOP_PAGES * P, 0, VMA_PRIVATE,
			  &fence_high, 0, 1), WIN_TOP);

	for (int op = 0; op < RANDOM_OPS; op++) {
		int kind = (int)rnd(100);
		int64_t want, got;
		int refused = 0;	/* brk() fails without a negative errno */
		const char *bad;

		save();
		memcpy(next_model, model, sizeof(model));
		if (kind < 35) {
			/* map, fixed (25) or with a hint (10) */
			int fixed = kind < 25;
			int64_t n = 1 + (int64_t)rnd(24);
			int64_t first = (int64_t)rnd(WIN_PAGES - n + 1);
			struct mpage pg = { 1, (uint8_t)rnd(8), (uint8_t)rnd(3),
					    0, 0 };
			uint64_t hint = rnd(4) ? page_addr(first) : 0;

			pg.flags = pg.obj ? (rnd(2) ? VMA_PRIVATE : VMA_SHARED)
					  : ANON;
			if (pg.obj == 1)
				pg.off = (uint64_t)first * P;	/* merges often */
			else if (pg.obj == 2)
				pg.off = rnd(4) * P;
			if (!fixed && (!hint || !model_free(model, first, n)))
				first = model_gap(model, n);
			if (first < 0) {
				want = -ENOMEM;
			} else {
				model_set(next_model, first, n, &pg, 0);
				want = model_count(next_model) > VMA_MAX ?
					       -ENOMEM : (int64_t)page_addr(first);
			}
			got = vma_map(&set, fixed ? page_addr(first) : hint,
				      n * P, pg.prot, pg.flags, objs[pg.obj],
				      pg.off, fixed);
			if (want >= 0 && set.count < saved.count + 1)
				n_merged_map++;
		} else if (kind < 55) {
			/* unmap, sometimes past the window into the fence */
			int64_t n = 1 + (int64_t)rnd(40);
			int64_t first = (int64_t)rnd(WIN_PAGES - n + 1);

			model_clear(next_model, first, n);
			want = model_count(next_model) > VMA_MAX ? -ENOMEM : 0;
			got = vma_unmap(&set, page_addr(first), n * P);
		} else if (kind < 75) {
			/* protect */
			int64_t n = 1 + (int64_t)rnd(40);
			int64_t first = (int64_t)rnd(WIN_PAGES - n + 1);
			uint8_t prot = (uint8_t)rnd(8);

			want = 0;
			for (int64_t i = first; i < first + n; i++) {
				if (!next_model[i].used)
					want = -ENOMEM;
				next_model[i].prot = prot;
			}
			if (want == 0 && model_count(next_model) > VMA_MAX)
				want = -ENOMEM;
			got = vma_protect(&set, page_addr(first), n * P, prot);
		} else if (kind < 90) {
			/* mremap */
			int64_t old_n = 1 + (int64_t)rnd(8);
			int64_t new_n = 1 + (int64_t)rnd(16);
			int64_t first = (int64_t)rnd(WIN_PAGES - old_n + 1);
			uint32_t flags = rnd(2) ? MREMAP_MAYMOVE : 0;
			struct vma_move m;
			int64_t end = first;

			/* The end of the run of mergeable pages at first. */
			while (end < WIN_PAGES && next_model[first].used &&
			       (end == first ||
				page_mergeable(&next_model[end - 1],
					       &next_model[end])))
				end++;
			if (!model[first].used || first + old_n > end) {
				want = -EFAULT;
			} else if (new_n <= old_n) {
				model_clear(next_model, first + old_n - (old_n - new_n),
					    old_n - new_n);
				want = model_count(next_model) > VMA_MAX ?
					       -ENOMEM : (int64_t)page_addr(first);
			} else if (first + old_n == end &&
				   model_free(model, end, new_n - old_n)) {
				model_set(next_model, end, new_n - old_n,
					  model, end - 1);
				for (int64_t i = end; i < first + new_n; i++)
					if (next_model[i].obj)
						next_model[i].off =
							model[end - 1].off +
							(uint64_t)(i - end + 1) * P;
				want = (int64_t)page_addr(first);
				n_grown++;
			} else if (!flags) {
				want = -ENOMEM;
			} else {
				int64_t to = model_gap(model, new_n);

				if (to < 0) {
					want = -ENOMEM;
				} else {
					model_set(next_model, to, new_n, model,
						  first);
					model_clear(next_model, first, old_n);
					want = model_count(next_model) > VMA_MAX ?
						       -ENOMEM :
						       (int64_t)page_addr(to);
				}
			}
			got = vma_mremap(&set, page_addr(first), old_n * P,
					 new_n * P, flags, &m);
			if (got >= 0 && got != (int64_t)page_addr(first)) {
				n_moved++;
				HT_EQ_INT(m.from, page_addr(first));
				HT_EQ_INT(m.to, got);
				HT_EQ_INT(m.len, old_n * P);
			} else {
				HT_EQ_INT(m.len, 0);
			}
		} else {
			/* brk: sometimes below the start */
			uint64_t new_end = rnd(10) == 0 ? mb.start - 1 - rnd(P) :
					   mb.start + rnd(200 * P);
			int64_t old_top = (int64_t)((mb.end + P - 1 - WIN_BASE) / P);
			int64_t new_top = (int64_t)((new_end + P - 1 - WIN_BASE) / P);
			struct mpage heap = { 1, RW, 0,
					      VMA_ANON | VMA_PRIVATE | VMA_HEAP,
					      0 };
			int ok = new_end >= mb.start;

			if (ok && new_top > old_top) {
				ok = model_free(model, old_top, new_top - old_top);
				if (ok)
					model_set(next_model, old_top,
						  new_top - old_top, &heap, 0);
			} else if (ok && new_top < old_top) {
				model_clear(next_model, new_top,
					    old_top - new_top);
			}
			if (ok && model_count(next_model) > VMA_MAX)
				ok = 0;
			if (ok)
				mb.end = new_end;
			else
				n_brk_refused++;
			refused = !ok;
			want = (int64_t)mb.end;
			got = (int64_t)vma_brk(&set, &b, new_end);
			HT_EQ_INT(b.end, mb.end);
			HT_EQ_INT(b.start, mb.start);
		}
		if (got != want)
			HT_FAIL("op %d (kind %d): got %lld, want %lld", op, kind,
				(long long)got, (long long)want);
		if (want == -ENOMEM && model_count(next_model) > VMA_MAX)
			n_full++;
		if (want < 0 || refused) {
			if (!unchanged())
				HT_FAIL("op %d (kind %d): failed but changed the set",
					op, kind);
		} else {
			memcpy(model, next_model, sizeof(model));
		}
		bad = compare();
		if (bad)
			HT_FAIL("op %d (kind %d): set differs from model: %s", op,
				kind, bad);
	}
	/* Every interesting path was taken at least once. */
	HT_ASSERT(n_full > 0);
	HT_ASSERT(n_moved > 0);
	HT_ASSERT(n_grown > 0);
	HT_ASSERT(n_brk_refused > 0);
	HT_ASSERT(n_merged_map > 0);
}
