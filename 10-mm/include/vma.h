/**
 * @file vma.h
 * @brief The virtual memory areas (VMAs) of one user address space.
 *
 * A VMA is a page-aligned range [start, end) of user addresses with one
 * protection, one set of flags and, for a file mapping, one backing object
 * and the file offset of its first byte.  A struct vma_set keeps up to
 * VMA_MAX of them in an array sorted by start address, inside the struct:
 * nothing is allocated.
 *
 * Between calls the set always keeps these invariants (vma_check()):
 * sorted, non-overlapping, page-aligned, non-empty, inside
 * [VMA_USER_MIN, VMA_USER_MAX), and no two adjacent VMAs that could be one
 * (same prot, flags and backing, contiguous file offset) are left apart.
 * Because of the last rule the set is a canonical description of the
 * address space: the same pages with the same attributes always give the
 * same array.
 *
 * Every operation that changes the set first checks everything that could
 * make it fail (arguments, overlaps, the final number of VMAs), and only
 * then changes the set: on any error the set is exactly as before.
 *
 * This layer only does the bookkeeping.  It never touches page tables or
 * pages: the caller drops the page-table entries of a range that was
 * unmapped or replaced, changes the entries of a range whose protection
 * changed, and moves the entries that vma_mremap() reports in its struct
 * vma_move.
 *
 * The code is pure C (only stdint.h, stddef.h, string.h and errno.h), so the
 * same file runs in the kernel and in the host tests.  It takes no locks: the
 * caller serialises every call on one set (the address-space lock).  No
 * function sleeps.
 */
#ifndef VMA_H
#define VMA_H

#include <stddef.h>
#include <stdint.h>

/** @brief Page size in bytes; every VMA boundary is a multiple of it. */
#define VMA_PAGE_SIZE 4096UL

/** @brief Most VMAs one set holds (Linux's vm.max_map_count, much smaller). */
#define VMA_MAX 256

/** @brief Lowest user address a VMA may cover (Linux's mmap_min_addr). */
#define VMA_USER_MIN 0x10000UL
/** @brief End of the user half of the address space (exclusive). */
#define VMA_USER_MAX 0x0000800000000000UL
/** @brief vma_map() and vma_mremap() search for free ranges below this. */
#define VMA_MMAP_TOP 0x00007f0000000000UL

/** @brief Pages may be read (same value as PROT_READ). */
#define VMA_READ 1U
/** @brief Pages may be written (same value as PROT_WRITE). */
#define VMA_WRITE 2U
/** @brief Pages may be executed (same value as PROT_EXEC). */
#define VMA_EXEC 4U

/** @brief Anonymous memory: zero-filled, no backing object. */
#define VMA_ANON 0x01U
/** @brief Writes are private to this address space (copy on write). */
#define VMA_PRIVATE 0x02U
/** @brief Writes go to the backing object and are seen by others. */
#define VMA_SHARED 0x04U
/** @brief The VMA is a stack. */
#define VMA_STACK 0x08U
/** @brief The VMA is the brk heap (see vma_brk()). */
#define VMA_HEAP 0x10U

/** @brief vma_mremap() may move the mapping (Linux's MREMAP_MAYMOVE). */
#define MREMAP_MAYMOVE 1U
/** @brief Move to a given address (Linux's MREMAP_FIXED): not supported yet. */
#define MREMAP_FIXED 2U
/** @brief Keep the old range mapped (Linux's MREMAP_DONTUNMAP): not supported yet. */
#define MREMAP_DONTUNMAP 4U

/**
 * @brief One virtual memory area: a range of pages with the same attributes.
 */
struct vma {
	uint64_t start;		/**< first byte, page-aligned */
	uint64_t end;		/**< one past the last byte, page-aligned, > start */
	uint32_t prot;		/**< VMA_READ | VMA_WRITE | VMA_EXEC bits */
	uint32_t flags;		/**< VMA_ANON, VMA_PRIVATE, VMA_SHARED, ... bits */
	void *backing;		/**< opaque file object, NULL for anonymous memory */
	uint64_t offset;	/**< byte offset in @c backing of @c start */
};

/**
 * @brief The VMAs of one address space, sorted by start address.
 *
 * Zero it (or call vma_set_init()) before use.  The array has two slots
 * more than VMA_MAX: an operation may split both edges of its range before
 * it merges what it can.  Every operation checks beforehand that its final
 * result fits in VMA_MAX, so between calls @c count never exceeds VMA_MAX.
 */
struct vma_set {
	uint32_t count;			/**< VMAs in use, vmas[0 .. count) */
	struct vma vmas[VMA_MAX + 2];	/**< sorted by start; see above for the +2 */
};

/**
 * @brief The program break, kept outside the VMA list (DESIGN.md, section 12).
 *
 * The heap VMA covers [start, end rounded up to a page).  Keeping the bounds
 * here means that a MAP_FIXED mapping or munmap() inside the heap cannot lose
 * them.  The ELF loader sets both fields to the page-aligned end of the data
 * segment.
 */
struct vma_brk {
	uint64_t start;		/**< initial break: brk() never goes below it */
	uint64_t end;		/**< current break, as brk() returns it */
};

/**
 * @brief Page-table work that vma_mremap() leaves to the caller.
 *
 * When the mapping moved, the entries of the @c len bytes at @c from must be
 * moved to @c to (the old contents keep their pages).  @c len is 0 when
 * nothing moved.
 */
struct vma_move {
	uint64_t from;	/**< old start address */
	uint64_t to;	/**< new start address */
	uint64_t len;	/**< bytes to move: the OLD length; 0 if nothing moved */
};

/**
 * @brief Make @p s an empty set.
 * @param s the set
 */
void vma_set_init(struct vma_set *s);

/**
 * @brief Check every invariant of the set.
 * @param s the set
 * @return 0 if the set is sorted, non-overlapping, page-aligned, non-empty,
 *         inside the user range and fully merged; -EINVAL otherwise
 */
int vma_check(const struct vma_set *s);

/**
 * @brief Find the VMA that contains an address.
 * @param s the set
 * @param addr any user address
 * @return the VMA with start <= @p addr < end, or NULL
 */
struct vma *vma_find(struct vma_set *s, uint64_t addr);

/**
 * @brief Find the highest free range of @p len bytes below @p hint_top.
 * @param s the set
 * @param len bytes wanted, page-aligned, non-zero
 * @param hint_top the range ends at or below this (rounded down to a page)
 * @return the start of the range (searching top-down, as Linux's mmap does),
 *         -EINVAL for a bad @p len, or -ENOMEM if no range fits above
 *         VMA_USER_MIN
 */
int64_t vma_find_gap(const struct vma_set *s, uint64_t len, uint64_t hint_top);

/**
 * @brief Map a range (the bookkeeping half of mmap(2)).
 * @param s the set
 * @param start with @p fixed, the exact start; otherwise a hint (0 for none)
 * @param len bytes, page-aligned, non-zero
 * @param prot VMA_READ | VMA_WRITE | VMA_EXEC bits
 * @param flags exactly one of VMA_PRIVATE and VMA_SHARED, plus any of
 *        VMA_ANON, VMA_STACK, VMA_HEAP
 * @param backing file object, or NULL for anonymous memory
 * @param offset page-aligned offset in @p backing of the first byte
 * @param fixed 1 for MAP_FIXED: whatever overlaps the range is unmapped
 *        first (the caller drops its page-table entries); 0: use the hint if
 *        the range there is free, else the highest free range below
 *        VMA_MMAP_TOP
 * @return the start of the new mapping; -EINVAL for a bad argument or a
 *         fixed range outside [VMA_USER_MIN, VMA_USER_MAX); -ENOMEM if no
 *         free range fits or the set would need more than VMA_MAX VMAs
 */
int64_t vma_map(struct vma_set *s, uint64_t start, uint64_t len, uint32_t prot,
		uint32_t flags, void *backing, uint64_t offset, int fixed);

/**
 * @brief Unmap a range (the bookkeeping half of munmap(2)).
 * @param s the set
 * @param start page-aligned start
 * @param len bytes, page-aligned, non-zero
 * @return 0, also when nothing in the range was mapped; -EINVAL for a bad
 *         argument; -ENOMEM if a hole in the middle of a VMA would need a
 *         slot and the set is full
 */
int vma_unmap(struct vma_set *s, uint64_t start, uint64_t len);

/**
 * @brief Change the protection of a range (the bookkeeping half of mprotect(2)).
 * @param s the set
 * @param start page-aligned start
 * @param len bytes, page-aligned; 0 succeeds and changes nothing
 * @param prot new VMA_READ | VMA_WRITE | VMA_EXEC bits
 * @return 0; -EINVAL for a bad argument; -ENOMEM if any page of the range is
 *         not mapped or the set would need more than VMA_MAX VMAs
 */
int vma_protect(struct vma_set *s, uint64_t start, uint64_t len, uint32_t prot);

/**
 * @brief Move the program break (the bookkeeping half of brk(2)).
 * @param s the set
 * @param b the break of this address space
 * @param new_end the break asked for (0 asks for the current one)
 * @return the new break on success; the unchanged current break when
 *         @p new_end is below b->start, when the pages it needs would
 *         overlap any other mapping, or when the set is full
 *
 * Growing maps the new pages as one VMA_ANON | VMA_PRIVATE | VMA_HEAP
 * read-write VMA (merged with the heap below); shrinking unmaps the whole
 * pages no longer needed, whatever is mapped there.
 */
uint64_t vma_brk(struct vma_set *s, struct vma_brk *b, uint64_t new_end);

/**
 * @brief Resize, and maybe move, a mapping (the bookkeeping half of mremap(2)).
 * @param s the set
 * @param old page-aligned start of the range to resize
 * @param old_len its length, page-aligned, non-zero; [old, old + old_len)
 *        must lie inside one VMA
 * @param new_len the new length, page-aligned, non-zero
 * @param flags 0 or MREMAP_MAYMOVE
 * @param move if not NULL, receives the page-table entries to move (len 0
 *        when nothing moved)
 * @return the (new) start of the range; -EINVAL for a bad argument,
 *         including MREMAP_FIXED and MREMAP_DONTUNMAP (not supported yet);
 *         -EFAULT if the old range is not inside one VMA; -ENOMEM if it
 *         cannot grow in place and may not (or cannot) move, or if the set
 *         would need more than VMA_MAX VMAs
 *
 * Shrinking unmaps the tail.  Growing extends the VMA in place when the old
 * range ends where its VMA ends and the pages after it are free; otherwise,
 * with MREMAP_MAYMOVE, the range moves to the highest free range below
 * VMA_MMAP_TOP, keeping prot, flags, backing and offset.
 */
int64_t vma_mremap(struct vma_set *s, uint64_t old, uint64_t old_len,
		   uint64_t new_len, uint32_t flags, struct vma_move *move);

#endif /* VMA_H */
