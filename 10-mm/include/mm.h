/**
 * @file
 * @brief Address spaces: a set of VMAs plus the page tables that back them, and the page-fault handler.
 *
 * A struct mm owns the user half (below USER_SPACE_END) of one page-table
 * hierarchy; the kernel half is shared with every other mm.  The VMA set
 * (vma.h) says what may be mapped where; pages arrive lazily, on the first
 * fault (demand zero), and fork-style copies share pages copy-on-write.
 * Callers serialise operations on one mm (layer 20 holds its lock).
 */
#ifndef MM_H
#define MM_H

#include <stdint.h>
#include <vma.h>
#include <arch/trap.h>

/** @brief One address space. */
struct mm {
	uint64_t pml4;		/**< physical address of its top-level page table */
	struct vma_set vmas;	/**< what is mapped where */
	struct vma_brk brk;	/**< the program break, kept outside the VMA list */
};

/** @brief How the fault handler classifies a fault it could not resolve. */
enum mm_fault_kind {
	MM_FAULT_MAPERR = 1,	/**< no VMA covers the address (SIGSEGV, SEGV_MAPERR) */
	MM_FAULT_ACCERR = 2,	/**< a VMA covers it but forbids the access (SEGV_ACCERR) */
	MM_FAULT_OOM = 3,	/**< the page needed could not be allocated */
};

/** @brief Where a file-backed mapping's pages come from (layer 20 implements it for files). */
struct mm_backing {
	/**
	 * @brief Fill @p page (4 KiB) with the bytes at @p offset of the object.
	 * @return 0, or a negative errno
	 */
	int (*fill)(struct mm_backing *backing, uint64_t offset, void *page);
};

/**
 * mm_leaf_flags() - The page-table flags of a user page with protection @p prot.
 * @param prot VMA_READ | VMA_WRITE | VMA_EXEC
 * @return PTE_PRESENT | PTE_USER (no PTE_USER for PROT_NONE), PTE_WRITE if
 *         writable, PTE_NX unless executable (when the CPU has NX); the one place both the fault path
 *         and mprotect get their flags from, so they cannot disagree
 */
uint64_t mm_leaf_flags(uint32_t prot);

/**
 * mm_create() - A new, empty address space sharing the kernel half.
 * @return the mm, or NULL when out of memory
 */
struct mm *mm_create(void);

/**
 * mm_destroy() - Unmap everything of @p mm and free it; it must not be current.
 * @param mm the address space
 */
void mm_destroy(struct mm *mm);

/**
 * mm_dup() - Copy an address space for fork: same VMAs, pages shared copy-on-write.
 * @param mm the original; its writable pages become read-only until written
 * @return the copy, or NULL when out of memory (the original is unchanged)
 */
struct mm *mm_dup(struct mm *mm);

/**
 * mm_switch() - Make @p mm the current address space (loads CR3).
 * @param mm the address space, or NULL for the kernel's tables alone
 */
void mm_switch(struct mm *mm);

/**
 * mm_current() - The current address space.
 * @return it, or NULL when only the kernel is mapped
 */
struct mm *mm_current(void);

/**
 * mm_map() - mmap for anonymous or backed memory; pages come on first touch.
 * @param mm     the address space
 * @param addr   the address (with @p fixed) or a hint (0: choose)
 * @param len    bytes, rounded up to pages
 * @param prot   VMA_READ | VMA_WRITE | VMA_EXEC
 * @param flags  VMA_* flags (VMA_ANON | VMA_PRIVATE for plain memory)
 * @param backing NULL for anonymous memory
 * @param offset byte offset in @p backing of the first page
 * @param fixed  1: exactly at @p addr, replacing what was there (MAP_FIXED)
 * @return the address, or a negative errno
 */
int64_t mm_map(struct mm *mm, uint64_t addr, uint64_t len, uint32_t prot, uint32_t flags,
	       struct mm_backing *backing, uint64_t offset, int fixed);

/**
 * mm_unmap() - munmap: remove a range (any part of it may be unmapped already).
 * @param mm the address space
 * @param addr page-aligned start
 * @param len bytes
 * @return 0 or -EINVAL
 */
int mm_unmap(struct mm *mm, uint64_t addr, uint64_t len);

/**
 * mm_protect() - mprotect: change the access of a fully mapped range.
 * @param mm the address space
 * @param addr page-aligned start
 * @param len bytes
 * @param prot VMA_READ | VMA_WRITE | VMA_EXEC
 * @return 0, -ENOMEM if part of the range is unmapped, -EINVAL
 */
int mm_protect(struct mm *mm, uint64_t addr, uint64_t len, uint32_t prot);

/**
 * mm_brk() - brk: move the program break.
 * @param mm the address space
 * @param new_end the wanted break; 0 asks for the current one
 * @return the break after the call (the old one if the move was refused)
 */
uint64_t mm_brk(struct mm *mm, uint64_t new_end);

/**
 * mm_set_brk_base() - Set where the heap starts (the ELF loader calls it).
 * @param mm the address space
 * @param base page-aligned first byte of the heap
 */
void mm_set_brk_base(struct mm *mm, uint64_t base);

/**
 * mm_mremap() - mremap: shrink, grow in place, or move the page mappings (never copying pages).
 * @param mm the address space
 * @param old start of the mapping
 * @param old_len its length
 * @param new_len the wanted length
 * @param flags MREMAP_MAYMOVE; MREMAP_FIXED and MREMAP_DONTUNMAP give -EINVAL
 * @return the new address, or a negative errno
 */
int64_t mm_mremap(struct mm *mm, uint64_t old, uint64_t old_len, uint64_t new_len,
		  uint32_t flags);

/**
 * mm_handle_fault() - Resolve a page fault in @p mm if its VMAs allow the access.
 * @param mm the address space
 * @param addr the faulting address (CR2)
 * @param error_code the page-fault error code (PF_* bits)
 * @return 0 when resolved (demand zero, copy-on-write), else an enum mm_fault_kind
 */
int mm_handle_fault(struct mm *mm, uint64_t addr, uint64_t error_code);

/**
 * @brief A handler for faults the mm could not resolve (a hook point).
 * @param tf   the trap frame
 * @param addr the faulting address
 * @param kind an enum mm_fault_kind
 * @return 1 if it dealt with the fault (e.g. queued SIGSEGV), 0 for the default: report and stop
 */
typedef int (*mm_fault_report_t)(struct trap_frame *tf, uint64_t addr, int kind);

/**
 * mm_set_fault_report() - Install the handler for unresolved user-space faults.
 * @param fn the handler (layer 30 turns faults into signals); NULL restores the default
 * @return the previous handler
 */
mm_fault_report_t mm_set_fault_report(mm_fault_report_t fn);

/**
 * mm_fault_init() - Install the page-fault handler (called once by the memory init call).
 */
void mm_fault_init(void);

#endif /* MM_H */
