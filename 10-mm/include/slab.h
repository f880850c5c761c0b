/**
 * @file slab.h
 * @brief The slab allocator behind kmalloc()/kfree(): small objects in 4 KiB pages.
 *
 * Requests of 1 to 2048 bytes are rounded up to one of eight size classes
 * (16, 32, 64, ..., 2048 bytes), each served by a struct slab_cache.  A
 * slab is one 4 KiB page taken from the page allocator through
 * slab_ops.page_alloc.  The page starts with a struct slab_header (magic,
 * owning cache, free list, in-use count, list links and an allocation
 * bitmap); the objects follow it, every one 16-byte aligned.  Because the
 * header sits at offset 0, no object is ever page-aligned: a page-aligned
 * pointer given to slab_free() can only be a large allocation.
 *
 * Larger requests go straight to slab_ops.large_alloc (whole pages).
 *
 * A size of 0 returns SLAB_ZERO_SIZE_PTR, as Linux kmalloc(0) returns
 * ZERO_SIZE_PTR: a non-NULL pointer that must not be dereferenced and that
 * slab_free() accepts.
 *
 * slab_free() refuses, reports and leaves untouched: pointers into a page
 * without a valid slab header, pointers that are not the start of an object,
 * objects that are already free (double free) and page-aligned pointers the
 * large allocator does not know.  A double free is only detectable while the
 * page is still a slab of this allocator; once an empty slab has gone back
 * to the page allocator, a stale pointer into it is a use after free.
 *
 * The code is pure C (no kernel headers), so the same file runs in the
 * kernel and in the host tests.  There is no global state: everything lives
 * in the caller's struct slab_allocator.  It takes no locks: the caller
 * serialises every call on one allocator.  No function sleeps unless the
 * callbacks do.
 */
#ifndef SLAB_H
#define SLAB_H

#include <stddef.h>
#include <stdint.h>

/** @brief Size of one slab: one 4 KiB page. */
#define SLAB_PAGE_SIZE 4096UL
/** @brief Number of size classes (16 to 2048 bytes, powers of two). */
#define SLAB_NR_CLASSES 8
/** @brief Smallest size class in bytes. */
#define SLAB_MIN_SIZE 16UL
/** @brief Largest size class; bigger requests go to slab_ops.large_alloc. */
#define SLAB_MAX_SIZE 2048UL
/** @brief Alignment of every object (the smallest class, as Linux kmalloc). */
#define SLAB_ALIGN 16UL
/** @brief Value of slab_header.magic in every live slab ("SLAB"). */
#define SLAB_MAGIC 0x534c4142U
/** @brief Most objects a slab can hold (16-byte class), rounded up to 64s. */
#define SLAB_MAX_OBJECTS 256
/** @brief 64-bit words in a slab's allocation bitmap. */
#define SLAB_BITMAP_WORDS (SLAB_MAX_OBJECTS / 64)

/**
 * @brief What slab_alloc() returns for a size of 0 (Linux ZERO_SIZE_PTR).
 *
 * Non-NULL so callers do not take it for an allocation failure, inside the
 * unmapped null page so any access faults; slab_free() and slab_size_of()
 * accept it (a no-op and 0).
 */
#define SLAB_ZERO_SIZE_PTR ((void *)16)

/**
 * @brief Where the allocator gets its memory and where it reports misuse.
 *
 * page_alloc and page_free are required; the others may be NULL (then large
 * requests fail and page-aligned frees are reported).  No callback may call
 * back into the allocator.
 */
struct slab_ops {
	/** One 4 KiB page, page-aligned, contents undefined; NULL when out of memory. */
	void *(*page_alloc)(void *ctx);
	/** Give back a page obtained from @ref page_alloc. */
	void (*page_free)(void *ctx, void *page);
	/** A page-aligned block of at least size bytes (size > SLAB_MAX_SIZE), or NULL. */
	void *(*large_alloc)(void *ctx, size_t size);
	/** Free a large block: 0, or -EINVAL if p is not the start of a live one. */
	int (*large_free)(void *ctx, void *p);
	/** Called once per refused free or check failure: a message and the pointer. */
	void (*report)(void *ctx, const char *what, const void *p);
	/** First argument of every callback. */
	void *ctx;
};

/**
 * @brief The first bytes of every slab page.
 *
 * Bit i of @ref bitmap is set while object i is handed out; a clear bit
 * means the object is on @ref free_list.  A free object holds the address
 * of the next free object in its first 8 bytes.
 */
struct slab_header {
	uint32_t magic;			/**< SLAB_MAGIC while the page is a slab */
	uint32_t in_use;		/**< objects handed out from this slab */
	struct slab_cache *cache;	/**< the cache that owns the slab */
	void *free_list;		/**< first free object, or NULL when full */
	struct slab_header *next;	/**< next slab on the cache list */
	struct slab_header *prev;	/**< previous slab on the cache list */
	uint64_t bitmap[SLAB_BITMAP_WORDS]; /**< one bit per object, set = in use */
};

/**
 * @brief All slabs of one size class.
 *
 * A slab is on exactly one of: @ref partial (some objects free, some in
 * use), @ref full (no object free) or @ref spare (no object in use).  At
 * most one empty slab is kept; further empty slabs go back to page_free.
 */
struct slab_cache {
	size_t size;			/**< object size in bytes (the class) */
	unsigned int first_offset;	/**< offset of object 0 from the page start */
	unsigned int objects_per_slab;	/**< objects that fit in one page */
	struct slab_header *partial;	/**< slabs with free and used objects */
	struct slab_header *full;	/**< slabs with no free object */
	struct slab_header *spare;	/**< one empty slab kept for reuse, or NULL */
	size_t in_use;			/**< objects handed out, all slabs */
	size_t nr_slabs;		/**< pages held, the spare included */
};

/** @brief One kmalloc allocator: the size classes and the callbacks. */
struct slab_allocator {
	struct slab_cache caches[SLAB_NR_CLASSES]; /**< 16, 32, ..., 2048 bytes */
	struct slab_ops ops;		/**< copied from slab_init() */
	size_t large_in_use;		/**< live blocks from ops.large_alloc */
};

/**
 * @brief Set up an allocator with empty caches; no page is taken yet.
 * @param a the allocator to initialise
 * @param ops callbacks, copied; page_alloc and page_free are required
 * @return 0, or -EINVAL if @p a, @p ops or a required callback is missing
 */
int slab_init(struct slab_allocator *a, const struct slab_ops *ops);

/**
 * @brief Allocate @p size bytes (kmalloc); the memory is not zeroed.
 * @param a the allocator
 * @param size bytes wanted
 * @return an object of the smallest class holding @p size, 16-byte aligned
 *         and never page-aligned; for @p size > SLAB_MAX_SIZE a page-aligned
 *         block from ops.large_alloc; SLAB_ZERO_SIZE_PTR for 0; NULL when
 *         out of memory (nothing changed)
 */
void *slab_alloc(struct slab_allocator *a, size_t size);

/**
 * @brief Free what slab_alloc() returned (kfree).
 * @param a the allocator
 * @param p the pointer; NULL and SLAB_ZERO_SIZE_PTR are accepted and ignored
 * @return 0; -EINVAL (reported through ops.report with @p p, nothing
 *         changed) for a pointer outside any slab, not at an object start,
 *         to an object already free, or page-aligned and refused by
 *         ops.large_free
 */
int slab_free(struct slab_allocator *a, const void *p);

/**
 * @brief Usable size of a live small object (ksize).
 * @param a the allocator
 * @param p a pointer from slab_alloc()
 * @return the size class of @p p; 0 for NULL, SLAB_ZERO_SIZE_PTR, large
 *         (page-aligned) blocks, free objects and anything not an object.
 *         Never reports.
 */
size_t slab_size_of(const struct slab_allocator *a, const void *p);

/**
 * @brief Give every cache's spare empty slab back to ops.page_free.
 * @param a the allocator
 * @return the number of pages freed
 */
unsigned int slab_shrink(struct slab_allocator *a);

/**
 * @brief Check every slab of every cache; O(slabs x objects), for tests and
 *        debug builds.
 * @param a the allocator
 * @return 0 if consistent, -EINVAL (first problem reported) otherwise
 *
 * Each slab must carry SLAB_MAGIC and point back to its cache, sit on the
 * list matching its in-use count with correct back links, have as many
 * bitmap bits set as its in-use count (none past the last object), and a
 * free list that visits each clear-bit object exactly once and nothing
 * else.  The per-cache counters must equal the sums over the slabs.
 */
int slab_check(const struct slab_allocator *a);

#endif /* SLAB_H */
