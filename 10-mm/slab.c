/*
 * slab.c - the kmalloc/kfree slab allocator (see include/slab.h).
 *
 * Pure C: no kernel headers, no printk; problems go to ops.report.  The same
 * file is linked into the host tests.
 *
 * Invariants kept by every function:
 *  - a slab page starts with a struct slab_header whose magic is SLAB_MAGIC
 *    and whose cache points into the allocator's caches[];
 *  - bit i of the header bitmap is set exactly when object i is handed out,
 *    and the free list links exactly the objects whose bit is clear;
 *  - a slab with 0 < in_use < objects_per_slab is on the partial list, one
 *    with in_use == objects_per_slab on the full list, an empty one is the
 *    cache's spare (or has gone back to page_free, magic cleared first);
 *  - cache->in_use and cache->nr_slabs are the sums over the cache's slabs.
 */
#include <slab.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A free object stores the next free object in its first bytes. */
struct slab_free_object {
	struct slab_free_object *next;
};

static void report(const struct slab_allocator *a, const char *what,
		   const void *p)
{
	if (a->ops.report)
		a->ops.report(a->ops.ctx, what, p);
}

static uintptr_t page_offset(const void *p)
{
	return (uintptr_t)p & (SLAB_PAGE_SIZE - 1);
}

static struct slab_header *slab_of(const void *p)
{
	return (struct slab_header *)((uintptr_t)p & ~(SLAB_PAGE_SIZE - 1));
}

/* Smallest class holding size (1 <= size <= SLAB_MAX_SIZE). */
static unsigned int class_index(size_t size)
{
	unsigned int i = 0;
	size_t class_size = SLAB_MIN_SIZE;

	while (class_size < size) {
		class_size <<= 1;
		i++;
	}
	return i;
}

static void *object_at(const struct slab_cache *c, struct slab_header *s,
		       unsigned int i)
{
	return (char *)s + c->first_offset + (size_t)i * c->size;
}

static int bit_is_set(const struct slab_header *s, unsigned int i)
{
	return (s->bitmap[i / 64] >> (i % 64)) & 1;
}

static void set_bit(struct slab_header *s, unsigned int i)
{
	s->bitmap[i / 64] |= 1ULL << (i % 64);
}

static void clear_bit(struct slab_header *s, unsigned int i)
{
	s->bitmap[i / 64] &= ~(1ULL << (i % 64));
}

/*
 * Counted by hand: __builtin_popcountll may become a call into libgcc when
 * the CPU baseline has no popcnt instruction, and the kernel links no libgcc.
 */
static unsigned int count_bits(uint64_t w)
{
	unsigned int n = 0;

	while (w) {
		w &= w - 1;
		n++;
	}
	return n;
}

static void list_push(struct slab_header **head, struct slab_header *s)
{
	s->prev = NULL;
	s->next = *head;
	if (*head)
		(*head)->prev = s;
	*head = s;
}

static void list_remove(struct slab_header **head, struct slab_header *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		*head = s->next;
	if (s->next)
		s->next->prev = s->prev;
	s->next = NULL;
	s->prev = NULL;
}

int slab_init(struct slab_allocator *a, const struct slab_ops *ops)
{
	unsigned int first;

	if (!a || !ops || !ops->page_alloc || !ops->page_free)
		return -EINVAL;
	memset(a, 0, sizeof(*a));
	a->ops = *ops;
	/* Round the header up so every object is SLAB_ALIGN-aligned. */
	first = (sizeof(struct slab_header) + SLAB_ALIGN - 1) & ~(SLAB_ALIGN - 1);
	for (unsigned int i = 0; i < SLAB_NR_CLASSES; i++) {
		struct slab_cache *c = &a->caches[i];

		c->size = SLAB_MIN_SIZE << i;
		c->first_offset = first;
		c->objects_per_slab = (SLAB_PAGE_SIZE - first) / c->size;
	}
	return 0;
}

/* A fresh page made into an empty slab of c, every object on the free list. */
static struct slab_header *slab_new(struct slab_allocator *a,
				    struct slab_cache *c)
{
	struct slab_header *s = a->ops.page_alloc(a->ops.ctx);
	struct slab_free_object *head = NULL;

	if (!s)
		return NULL;
	if (page_offset(s)) {
		/* Objects are found by rounding down: the page must be aligned. */
		report(a, "page_alloc returned an unaligned page", s);
		a->ops.page_free(a->ops.ctx, s);
		return NULL;
	}
	memset(s, 0, sizeof(*s));
	s->magic = SLAB_MAGIC;
	s->cache = c;
	/* Built backwards so objects are handed out in address order. */
	for (unsigned int i = c->objects_per_slab; i-- > 0;) {
		struct slab_free_object *obj = object_at(c, s, i);

		obj->next = head;
		head = obj;
	}
	s->free_list = head;
	c->nr_slabs++;
	return s;
}

static void *large_alloc(struct slab_allocator *a, size_t size)
{
	void *p;

	if (!a->ops.large_alloc)
		return NULL;
	p = a->ops.large_alloc(a->ops.ctx, size);
	if (p)
		a->large_in_use++;
	return p;
}

void *slab_alloc(struct slab_allocator *a, size_t size)
{
	struct slab_cache *c;
	struct slab_header *s;
	struct slab_free_object *obj;
	unsigned int i;

	if (size == 0)
		return SLAB_ZERO_SIZE_PTR;
	if (size > SLAB_MAX_SIZE)
		return large_alloc(a, size);

	c = &a->caches[class_index(size)];
	s = c->partial;
	if (!s) {
		s = c->spare;
		if (s)
			c->spare = NULL;
		else
			s = slab_new(a, c);
		if (!s)
			return NULL;
		list_push(&c->partial, s);
	}

	obj = s->free_list;
	s->free_list = obj->next;
	i = (unsigned int)(((uintptr_t)obj - (uintptr_t)s - c->first_offset) /
			   c->size);
	set_bit(s, i);
	s->in_use++;
	c->in_use++;
	if (s->in_use == c->objects_per_slab) {
		list_remove(&c->partial, s);
		list_push(&c->full, s);
	}
	return obj;
}

/*
 * Find the slab and object index of p without changing anything.  Returns
 * NULL on success, else why p is not a live object.  p must not be
 * page-aligned (those are large blocks) nor in the null page, so the page
 * header it is rounded down to is ordinary, mapped kernel memory.
 */
static const char *slab_locate(const struct slab_allocator *a, const void *p,
			       struct slab_header **slab, unsigned int *index)
{
	struct slab_header *s = slab_of(p);
	const struct slab_cache *c;
	uintptr_t off = page_offset(p);

	if (s->magic != SLAB_MAGIC)
		return "free of a pointer outside any slab";
	/* A stray magic is not enough: the cache must be one of ours. */
	c = s->cache;
	if (c < &a->caches[0] || c >= &a->caches[SLAB_NR_CLASSES] ||
	    ((uintptr_t)c - (uintptr_t)a->caches) % sizeof(*c) != 0)
		return "free of a pointer into a slab of another allocator";
	if (off < c->first_offset || (off - c->first_offset) % c->size != 0 ||
	    (off - c->first_offset) / c->size >= c->objects_per_slab)
		return "free of a pointer not at an object boundary";
	*index = (unsigned int)((off - c->first_offset) / c->size);
	if (!bit_is_set(s, *index))
		return "double free (object already free)";
	*slab = s;
	return NULL;
}

/* s has just become empty: keep it as the spare or give the page back. */
static void slab_release_empty(struct slab_allocator *a, struct slab_cache *c,
			       struct slab_header *s)
{
	if (!c->spare) {
		c->spare = s;
		return;
	}
	/* A stale pointer into a recycled page must not look like a slab. */
	s->magic = 0;
	c->nr_slabs--;
	a->ops.page_free(a->ops.ctx, s);
}

int slab_free(struct slab_allocator *a, const void *p)
{
	struct slab_header *s;
	struct slab_cache *c;
	struct slab_free_object *obj = (struct slab_free_object *)(uintptr_t)p;
	const char *why;
	unsigned int i;
	int was_full;

	if (!p || p == SLAB_ZERO_SIZE_PTR)
		return 0;
	if ((uintptr_t)p < SLAB_PAGE_SIZE) {
		/* Its "header" would be at address 0: do not touch it. */
		report(a, "free of a pointer in the null page", p);
		return -EINVAL;
	}
	if (page_offset(p) == 0) {
		/* No object is page-aligned, so this can only be large. */
		if (!a->ops.large_free ||
		    a->ops.large_free(a->ops.ctx, obj) != 0) {
			report(a, "free of an unknown page-aligned pointer", p);
			return -EINVAL;
		}
		a->large_in_use--;
		return 0;
	}

	why = slab_locate(a, p, &s, &i);
	if (why) {
		report(a, why, p);
		return -EINVAL;
	}
	c = s->cache;
	was_full = s->in_use == c->objects_per_slab;
	clear_bit(s, i);
	obj->next = s->free_list;
	s->free_list = obj;
	s->in_use--;
	c->in_use--;

	if (was_full) {
		list_remove(&c->full, s);
		if (s->in_use)
			list_push(&c->partial, s);
	} else if (!s->in_use) {
		list_remove(&c->partial, s);
	}
	if (!s->in_use)
		slab_release_empty(a, c, s);
	return 0;
}

size_t slab_size_of(const struct slab_allocator *a, const void *p)
{
	struct slab_header *s;
	unsigned int i;

	if ((uintptr_t)p < SLAB_PAGE_SIZE || page_offset(p) == 0)
		return 0;
	if (slab_locate(a, p, &s, &i))
		return 0;
	return s->cache->size;
}

unsigned int slab_shrink(struct slab_allocator *a)
{
	unsigned int freed = 0;

	for (unsigned int i = 0; i < SLAB_NR_CLASSES; i++) {
		struct slab_cache *c = &a->caches[i];
		struct slab_header *s = c->spare;

		if (!s)
			continue;
		c->spare = NULL;
		s->magic = 0;
		c->nr_slabs--;
		a->ops.page_free(a->ops.ctx, s);
		freed++;
	}
	return freed;
}

/* The free list of s against its bitmap: each clear bit once, nothing else. */
static const char *check_free_list(const struct slab_cache *c,
				   const struct slab_header *s)
{
	uint64_t seen[SLAB_BITMAP_WORDS] = { 0 };
	unsigned int expect = c->objects_per_slab - s->in_use, n = 0;
	const struct slab_free_object *obj;

	for (obj = s->free_list; obj; obj = obj->next) {
		uintptr_t off = (uintptr_t)obj - (uintptr_t)s;
		unsigned int i;

		if (n++ == expect)
			return "free list longer than the free objects";
		if (off < c->first_offset || off >= SLAB_PAGE_SIZE ||
		    (off - c->first_offset) % c->size != 0)
			return "free list entry not at an object boundary";
		i = (unsigned int)((off - c->first_offset) / c->size);
		if (i >= c->objects_per_slab)
			return "free list entry past the last object";
		if (bit_is_set(s, i))
			return "free list entry marked in use in the bitmap";
		if ((seen[i / 64] >> (i % 64)) & 1)
			return "free list visits an object twice";
		seen[i / 64] |= 1ULL << (i % 64);
	}
	if (n != expect)
		return "free list shorter than the free objects";
	return NULL;
}

/* One slab of cache c found on a list that wants min..max objects in use. */
static const char *check_slab(const struct slab_cache *c,
			      const struct slab_header *s,
			      const struct slab_header *prev,
			      unsigned int min, unsigned int max)
{
	unsigned int bits = 0;

	if (page_offset(s))
		return "slab header not page-aligned";
	if (s->magic != SLAB_MAGIC)
		return "slab header magic is wrong";
	if (s->cache != c)
		return "slab on the list of another cache";
	if (s->prev != prev)
		return "slab list back link is wrong";
	if (s->in_use < min || s->in_use > max)
		return "slab on the wrong list for its in-use count";
	for (unsigned int w = 0; w < SLAB_BITMAP_WORDS; w++)
		bits += count_bits(s->bitmap[w]);
	if (bits != s->in_use)
		return "bitmap disagrees with the in-use count";
	for (unsigned int i = c->objects_per_slab; i < SLAB_MAX_OBJECTS; i++)
		if (bit_is_set(s, i))
			return "bitmap bit set past the last object";
	return check_free_list(c, s);
}

/* Walk one list, adding its slabs and objects to the totals. */
static int check_list(const struct slab_allocator *a,
		      const struct slab_cache *c,
		      const struct slab_header *head, unsigned int min,
		      unsigned int max, size_t *slabs, size_t *objects)
{
	const struct slab_header *prev = NULL;
	const char *why;

	for (const struct slab_header *s = head; s; prev = s, s = s->next) {
		if (*slabs == c->nr_slabs) {
			/* More slabs than counted: a cycle or a lost count. */
			report(a, "cache list longer than its slab count", s);
			return -EINVAL;
		}
		why = check_slab(c, s, prev, min, max);
		if (why) {
			report(a, why, s);
			return -EINVAL;
		}
		(*slabs)++;
		*objects += s->in_use;
	}
	return 0;
}

int slab_check(const struct slab_allocator *a)
{
	for (unsigned int i = 0; i < SLAB_NR_CLASSES; i++) {
		const struct slab_cache *c = &a->caches[i];
		unsigned int n = c->objects_per_slab;
		size_t slabs = 0, objects = 0;

		if (check_list(a, c, c->partial, 1, n - 1, &slabs, &objects) ||
		    check_list(a, c, c->full, n, n, &slabs, &objects) ||
		    check_list(a, c, c->spare, 0, 0, &slabs, &objects))
			return -EINVAL;
		if (c->spare && c->spare->next) {
			report(a, "spare slab linked to another slab", c->spare);
			return -EINVAL;
		}
		if (slabs != c->nr_slabs || objects != c->in_use) {
			report(a, "cache counters disagree with its slabs", c);
			return -EINVAL;
		}
	}
	return 0;
}
