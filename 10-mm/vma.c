/*
 * vma.c - the VMAs of one user address space: a sorted array, no allocation.
 *
 * Every changing operation works in two phases.  First it describes the
 * change as a short list of edits (remove a range, replace a range by a new
 * VMA, change the protection of a range) and predicts, without touching the
 * set, how many VMAs the result will have.  Only if that fits in VMA_MAX does
 * it change the array: cut the edges, remove or insert, then merge every
 * adjacent pair that can be merged.  So an operation either happens entirely
 * or not at all, which is what the man pages promise for mmap(2), munmap(2),
 * mprotect(2), brk(2) and mremap(2).
 *
 * The prediction is exact because the merged set is canonical: it has one
 * VMA per maximal run of pages whose attributes continue each other, however
 * the array got there.
 */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <vma.h>

#define PAGE_MASK (VMA_PAGE_SIZE - 1)
#define PROT_ALL (VMA_READ | VMA_WRITE | VMA_EXEC)
#define FLAGS_ALL (VMA_ANON | VMA_PRIVATE | VMA_SHARED | VMA_STACK | VMA_HEAP)

static int aligned(uint64_t x)
{
	return (x & PAGE_MASK) == 0;
}

static uint64_t page_round_up(uint64_t x)
{
	return (x + PAGE_MASK) & ~PAGE_MASK;
}

/* [start, start + len) is a non-empty range of user addresses. */
static int user_range(uint64_t start, uint64_t len)
{
	return len != 0 && start >= VMA_USER_MIN && start < VMA_USER_MAX &&
	       len <= VMA_USER_MAX - start;
}

/*
 * Could @a and @b be one VMA?  For a file the offset must continue: page n
 * of b must be the page right after a's last page in the file.  Anonymous
 * memory has no offset that matters.
 */
static int mergeable(const struct vma *a, const struct vma *b)
{
	if (a->end != b->start || a->prot != b->prot || a->flags != b->flags ||
	    a->backing != b->backing)
		return 0;
	return !a->backing || a->offset + (a->end - a->start) == b->offset;
}

/* The part [start, end) of @v, with the file offset that goes with it. */
static struct vma slice(const struct vma *v, uint64_t start, uint64_t end)
{
	struct vma p = *v;

	p.start = start;
	p.end = end;
	p.offset = v->offset + (start - v->start);
	return p;
}

void vma_set_init(struct vma_set *s)
{
	s->count = 0;
}

int vma_check(const struct vma_set *s)
{
	if (s->count > VMA_MAX)
		return -EINVAL;
	for (uint32_t i = 0; i < s->count; i++) {
		const struct vma *v = &s->vmas[i];

		if (!aligned(v->start) || !aligned(v->end) || v->start >= v->end)
			return -EINVAL;
		if (v->start < VMA_USER_MIN || v->end > VMA_USER_MAX)
			return -EINVAL;
		if (v->prot & ~PROT_ALL)
			return -EINVAL;
		if (i > 0 && (s->vmas[i - 1].end > v->start ||
			      mergeable(&s->vmas[i - 1], v)))
			return -EINVAL;
	}
	return 0;
}

/* Index of the first VMA that ends above @addr (count if there is none). */
static uint32_t first_ending_above(const struct vma_set *s, uint64_t addr)
{
	uint32_t lo = 0, hi = s->count;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (s->vmas[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct vma *vma_find(struct vma_set *s, uint64_t addr)
{
	uint32_t i = first_ending_above(s, addr);

	if (i < s->count && s->vmas[i].start <= addr)
		return &s->vmas[i];
	return NULL;
}

/* No VMA at all overlaps [start, end). */
static int range_is_free(const struct vma_set *s, uint64_t start, uint64_t end)
{
	uint32_t i = first_ending_above(s, start);

	return i == s->count || s->vmas[i].start >= end;
}

/* Every page of [start, end) is in some VMA. */
static int range_is_mapped(const struct vma_set *s, uint64_t start,
			   uint64_t end)
{
	uint64_t cur = start;

	for (uint32_t i = first_ending_above(s, start); i < s->count; i++) {
		if (cur >= end)
			break;
		if (s->vmas[i].start > cur)
			return 0;
		cur = s->vmas[i].end;
	}
	return cur >= end;
}

int64_t vma_find_gap(const struct vma_set *s, uint64_t len, uint64_t hint_top)
{
	uint64_t top;

	if (len == 0 || !aligned(len))
		return -EINVAL;
	top = hint_top < VMA_USER_MAX ? hint_top & ~PAGE_MASK : VMA_USER_MAX;
	/* Walk down from the highest VMA; @top is the end of the current hole. */
	for (uint32_t i = s->count; i-- > 0;) {
		const struct vma *v = &s->vmas[i];

		if (v->start >= top)
			continue;
		if (v->end <= top && top - v->end >= len)
			return (int64_t)(top - len);
		top = v->start;
	}
	if (top >= VMA_USER_MIN && top - VMA_USER_MIN >= len)
		return (int64_t)(top - len);
	return -ENOMEM;
}

/* ---- Predicting the size of a result ---------------------------------- */

enum edit_kind { EDIT_REMOVE, EDIT_REPLACE, EDIT_PROTECT };

/* One change to the range [start, end); edits in a list are sorted, disjoint. */
struct edit {
	enum edit_kind kind;
	uint64_t start, end;
	uint32_t prot;			/* EDIT_PROTECT: the new prot */
	const struct vma *with;		/* EDIT_REPLACE: the new VMA */
};

/* Counts the VMAs of a result fed to it piece by piece, in address order. */
struct tally {
	struct vma last;
	int have_last;
	uint32_t count;
	const struct edit *edits;
	int nr_edits;
	int next_new;		/* first EDIT_REPLACE not yet fed */
};

static void tally_one(struct tally *t, const struct vma *v)
{
	if (t->have_last && mergeable(&t->last, v)) {
		t->last.end = v->end;
		return;
	}
	t->last = *v;
	t->have_last = 1;
	t->count++;
}

/* Feed the new VMAs that start below @addr (all of them for UINT64_MAX). */
static void tally_new_below(struct tally *t, uint64_t addr)
{
	for (; t->next_new < t->nr_edits; t->next_new++) {
		const struct edit *e = &t->edits[t->next_new];

		if (e->kind != EDIT_REPLACE)
			continue;
		if (e->start >= addr)
			break;
		tally_one(t, e->with);
	}
}

static void tally_piece(struct tally *t, const struct vma *v, uint64_t start,
			uint64_t end, uint32_t prot)
{
	struct vma p = slice(v, start, end);

	p.prot = prot;
	tally_new_below(t, start);
	tally_one(t, &p);
}

/*
 * How many VMAs the set would have after @edits.  Each old VMA is cut at the
 * edit boundaries; pieces outside every edit stay, pieces inside an edit are
 * dropped or get their new prot, and each replacing VMA is fed in at its
 * place.  Merging as we go gives the count of the canonical result.
 */
static uint32_t predict_count(const struct vma_set *s,
			      const struct edit *edits, int nr_edits)
{
	struct tally t = { .edits = edits, .nr_edits = nr_edits };

	for (uint32_t i = 0; i < s->count; i++) {
		const struct vma *v = &s->vmas[i];
		uint64_t cur = v->start;

		for (int k = 0; k < nr_edits; k++) {
			const struct edit *e = &edits[k];
			uint64_t hi;

			if (e->end <= cur || e->start >= v->end)
				continue;
			if (e->start > cur)
				tally_piece(&t, v, cur, e->start, v->prot);
			cur = e->start > cur ? e->start : cur;
			hi = e->end < v->end ? e->end : v->end;
			if (e->kind == EDIT_PROTECT)
				tally_piece(&t, v, cur, hi, e->prot);
			cur = hi;
		}
		if (cur < v->end)
			tally_piece(&t, v, cur, v->end, v->prot);
	}
	tally_new_below(&t, UINT64_MAX);
	return t.count;
}

/* ---- Changing the array ------------------------------------------------ */

static void insert_at(struct vma_set *s, uint32_t i, const struct vma *v)
{
	memmove(&s->vmas[i + 1], &s->vmas[i], (s->count - i) * sizeof(*v));
	s->vmas[i] = *v;
	s->count++;
}

static void remove_at(struct vma_set *s, uint32_t i)
{
	memmove(&s->vmas[i], &s->vmas[i + 1],
		(s->count - i - 1) * sizeof(s->vmas[0]));
	s->count--;
}

/* Insert @v into a free range, keeping the array sorted. */
static void insert_sorted(struct vma_set *s, const struct vma *v)
{
	insert_at(s, first_ending_above(s, v->start), v);
}

/* Make @addr a VMA boundary if it falls strictly inside a VMA. */
static void split_at(struct vma_set *s, uint64_t addr)
{
	uint32_t i = first_ending_above(s, addr);
	struct vma *v = &s->vmas[i];
	struct vma tail;

	if (i == s->count || v->start >= addr)
		return;
	tail = slice(v, addr, v->end);
	v->end = addr;
	insert_at(s, i + 1, &tail);
}

/*
 * Remove [start, end) from the set.  VMAs cut by an edge are trimmed; only a
 * hole in the middle of one VMA needs a new slot.
 */
static void punch(struct vma_set *s, uint64_t start, uint64_t end)
{
	uint32_t i = first_ending_above(s, start);

	while (i < s->count && s->vmas[i].start < end) {
		struct vma *v = &s->vmas[i];

		if (v->start < start && v->end > end) {
			struct vma tail = slice(v, end, v->end);

			v->end = start;
			insert_at(s, i + 1, &tail);
			return;
		}
		if (v->start < start) {
			v->end = start;
			i++;
		} else if (v->end > end) {
			*v = slice(v, end, v->end);
			i++;
		} else {
			remove_at(s, i);
		}
	}
}

/* Merge every adjacent pair that can be merged. */
static void merge_all(struct vma_set *s)
{
	uint32_t j = 0;

	if (s->count == 0)
		return;
	for (uint32_t i = 1; i < s->count; i++) {
		if (mergeable(&s->vmas[j], &s->vmas[i]))
			s->vmas[j].end = s->vmas[i].end;
		else
			s->vmas[++j] = s->vmas[i];
	}
	s->count = j + 1;
}

/* Put @v in place of whatever is in its range; the range is valid. */
static int replace_range(struct vma_set *s, const struct vma *v)
{
	struct edit e = { .kind = EDIT_REPLACE, .start = v->start,
			  .end = v->end, .with = v };

	if (predict_count(s, &e, 1) > VMA_MAX)
		return -ENOMEM;
	punch(s, v->start, v->end);
	insert_sorted(s, v);
	merge_all(s);
	return 0;
}

/* Unmap [start, end); the range is valid. */
static int remove_range(struct vma_set *s, uint64_t start, uint64_t end)
{
	struct edit e = { .kind = EDIT_REMOVE, .start = start, .end = end };

	if (predict_count(s, &e, 1) > VMA_MAX)
		return -ENOMEM;
	punch(s, start, end);
	return 0;
}

/* ---- The operations ------------------------------------------------------ */

int64_t vma_map(struct vma_set *s, uint64_t start, uint64_t len, uint32_t prot,
		uint32_t flags, void *backing, uint64_t offset, int fixed)
{
	struct vma v;
	int ret;

	if (len == 0 || !aligned(len) || !aligned(offset) ||
	    (prot & ~PROT_ALL) || (flags & ~FLAGS_ALL))
		return -EINVAL;
	/* mmap(2): exactly one of MAP_PRIVATE and MAP_SHARED. */
	if (!(flags & VMA_PRIVATE) == !(flags & VMA_SHARED))
		return -EINVAL;
	if (offset > UINT64_MAX - len)
		return -EINVAL;
	if (fixed) {
		if (!aligned(start) || !user_range(start, len))
			return -EINVAL;
	} else {
		/* A hint is only a hint (mmap(2)): use it if it fits there. */
		start &= ~PAGE_MASK;
		if (!user_range(start, len) ||
		    !range_is_free(s, start, start + len)) {
			int64_t gap = vma_find_gap(s, len, VMA_MMAP_TOP);

			if (gap < 0)
				return gap;
			start = (uint64_t)gap;
		}
	}
	v = (struct vma){ .start = start, .end = start + len, .prot = prot,
			  .flags = flags, .backing = backing,
			  .offset = offset };
	ret = replace_range(s, &v);
	return ret ? ret : (int64_t)start;
}

int vma_unmap(struct vma_set *s, uint64_t start, uint64_t len)
{
	/* munmap(2): EINVAL for len 0 or addresses outside the user range. */
	if (!aligned(start) || !aligned(len) || !user_range(start, len))
		return -EINVAL;
	return remove_range(s, start, start + len);
}

int vma_protect(struct vma_set *s, uint64_t start, uint64_t len, uint32_t prot)
{
	struct edit e = { .kind = EDIT_PROTECT, .prot = prot };
	uint64_t end = start + len;

	if (!aligned(start) || !aligned(len) || (prot & ~PROT_ALL))
		return -EINVAL;
	if (len == 0)
		return 0;	/* mprotect(2) with len 0 succeeds */
	/* mprotect(2): ENOMEM if any page of the range is not mapped. */
	if (!user_range(start, len) || !range_is_mapped(s, start, end))
		return -ENOMEM;
	e.start = start;
	e.end = end;
	if (predict_count(s, &e, 1) > VMA_MAX)
		return -ENOMEM;
	split_at(s, start);
	split_at(s, end);
	for (uint32_t i = first_ending_above(s, start);
	     i < s->count && s->vmas[i].start < end; i++)
		s->vmas[i].prot = prot;
	merge_all(s);
	return 0;
}

uint64_t vma_brk(struct vma_set *s, struct vma_brk *b, uint64_t new_end)
{
	uint64_t heap_start = page_round_up(b->start);
	uint64_t old_top, new_top;

	/* brk(2): a break below the start is refused; the old one is returned. */
	if (new_end < b->start || new_end > VMA_USER_MAX ||
	    heap_start < VMA_USER_MIN)
		return b->end;
	old_top = page_round_up(b->end);
	new_top = page_round_up(new_end);
	if (old_top < heap_start)
		old_top = heap_start;
	if (new_top < heap_start)
		new_top = heap_start;

	if (new_top > old_top) {
		struct vma heap = { .start = old_top, .end = new_top,
				    .prot = VMA_READ | VMA_WRITE,
				    .flags = VMA_ANON | VMA_PRIVATE | VMA_HEAP };

		/*
		 * The new pages must not overlap ANY mapping, not just the heap
		 * VMA's neighbour: the heap growing over the C library's text
		 * was a real bug (DESIGN.md, section 12).
		 */
		if (!range_is_free(s, old_top, new_top))
			return b->end;
		if (replace_range(s, &heap))
			return b->end;
	} else if (new_top < old_top) {
		/* Shrinking drops the whole pages above the new break. */
		if (remove_range(s, new_top, old_top))
			return b->end;
	}
	b->end = new_end;
	return new_end;
}

int64_t vma_mremap(struct vma_set *s, uint64_t old, uint64_t old_len,
		   uint64_t new_len, uint32_t flags, struct vma_move *move)
{
	uint64_t old_end = old + old_len;
	struct vma *v;
	struct vma moved;
	struct edit e[2];
	int64_t gap;

	if (move)
		*move = (struct vma_move){ 0, 0, 0 };
	if (flags & ~MREMAP_MAYMOVE)
		return -EINVAL;	/* unknown, FIXED or DONTUNMAP: not yet */
	if (!aligned(old) || !aligned(old_len) || !aligned(new_len) ||
	    old_len == 0 || new_len == 0)
		return -EINVAL;
	if (!user_range(old, old_len) || new_len > VMA_USER_MAX)
		return -EFAULT;
	/* mremap(2): EFAULT unless the old range lies inside one VMA. */
	v = vma_find(s, old);
	if (!v || old_end > v->end)
		return -EFAULT;

	if (new_len < old_len) {
		int ret = remove_range(s, old + new_len, old_end);

		return ret ? ret : (int64_t)old;
	}
	if (new_len == old_len)
		return (int64_t)old;

	/*
	 * Grow in place only when the old range ends where its VMA ends and
	 * the pages after it touch no VMA at all.  The VMA only gets longer,
	 * so the set cannot overflow.
	 */
	if (old_end == v->end && new_len <= VMA_USER_MAX - old &&
	    range_is_free(s, old_end, old + new_len)) {
		v->end = old + new_len;
		merge_all(s);
		return (int64_t)old;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;

	/* Move: a new VMA with the same attributes, then drop the old range. */
	gap = vma_find_gap(s, new_len, VMA_MMAP_TOP);
	if (gap < 0)
		return gap;
	moved = slice(v, old, old_end);
	moved.start = (uint64_t)gap;
	moved.end = (uint64_t)gap + new_len;
	e[0] = (struct edit){ .kind = EDIT_REMOVE, .start = old,
			      .end = old_end };
	e[1] = (struct edit){ .kind = EDIT_REPLACE, .start = moved.start,
			      .end = moved.end, .with = &moved };
	if (moved.start < old) {
		struct edit first = e[1];

		e[1] = e[0];
		e[0] = first;
	}
	if (predict_count(s, e, 2) > VMA_MAX)
		return -ENOMEM;
	insert_sorted(s, &moved);
	punch(s, old, old_end);
	merge_all(s);
	if (move)
		*move = (struct vma_move){ .from = old, .to = moved.start,
					   .len = old_len };
	return gap;
}
