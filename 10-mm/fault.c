/*
 * fault.c - the page-fault handler: demand-zero pages and copy-on-write.
 *
 * A fault in user space is resolved from the VMAs when they allow the
 * access; anything else is classified as a map error (no VMA) or an access
 * error (a VMA that forbids it) and handed to the report hook, which layer
 * 30 turns into SIGSEGV.  A write to a page whose VMA is not writable is an
 * access error: re-applying the same flags would only fault again, forever.
 */
#include <mm.h>
#include <paging.h>
#include <pmm.h>
#include <string.h>
#include <arch/cpu.h>
#include <arch/mmu.h>

static mm_fault_report_t report_hook;

mm_fault_report_t mm_set_fault_report(mm_fault_report_t fn)
{
	mm_fault_report_t old = report_hook;

	report_hook = fn;
	return old;
}

/* First touch of a page: a zeroed page, or the backing object's bytes. */
static int fault_in(struct mm *mm, const struct vma *v, uint64_t page, uint64_t *e)
{
	/* LAB 10 BEGIN demand_zero */
	/* LAB STUB: (void)v; (void)page; (void)e; return MM_FAULT_OOM; */
	uint64_t pa = pmm_alloc_zeroed();

	if (!pa)
		return MM_FAULT_OOM;
	if (v->backing) {
		struct mm_backing *b = v->backing;

		if (b->fill(b, v->offset + (page - v->start), phys_to_virt(pa)) < 0) {
			pmm_page_put(pa);
			return MM_FAULT_OOM;
		}
	}
	*e = pa | mm_leaf_flags(v->prot);
	/* LAB 10 END demand_zero */
	return 0;
}

/* A write to a copy-on-write page: take it over if we are its last user, else copy. */
static int break_cow(const struct vma *v, uint64_t page, uint64_t *e)
{
	uint64_t old = *e & PTE_ADDR_MASK;

	if (pmm_page_refcount(old) == 1) {
		/* The other sharers are gone: writable again, no copy needed. */
		*e = old | mm_leaf_flags(v->prot);
	} else {
		uint64_t pa = pmm_alloc(0);

		if (!pa)
			return MM_FAULT_OOM;
		memcpy(phys_to_virt(pa), phys_to_virt(old), PAGE_SIZE);
		*e = pa | mm_leaf_flags(v->prot);
		pmm_page_put(old);
	}
	tlb_flush_page(page);
	return 0;
}

int mm_handle_fault(struct mm *mm, uint64_t addr, uint64_t error_code)
{
	const struct vma *v = vma_find(&mm->vmas, addr);
	uint64_t page = addr & ~(PAGE_SIZE - 1);

	if (!v)
		return MM_FAULT_MAPERR;
	uint32_t need = (error_code & PF_WRITE) ? VMA_WRITE :
			(error_code & PF_INSTR) ? VMA_EXEC : VMA_READ;

	if (!(v->prot & need))
		return MM_FAULT_ACCERR;

	uint64_t *e = pt_walk(mm->pml4, page, 1);

	if (!e)
		return MM_FAULT_OOM;
	if (!(*e & PTE_PRESENT))
		return fault_in(mm, v, page, e);
	if ((error_code & PF_WRITE) && (*e & PTE_COW))
		return break_cow(v, page, e);
	/*
	 * Present, and the VMA allows the access, yet it faulted: the entry is
	 * stale (mprotect widened the VMA).  Rewrite it once from the VMA; if it
	 * already says the same, the fault is not ours to fix.
	 */
	uint64_t want = (*e & PTE_ADDR_MASK) | mm_leaf_flags(v->prot);

	if (want == (*e & ~(PTE_ACCESSED | PTE_DIRTY)))
		return MM_FAULT_ACCERR;
	*e = want;
	tlb_flush_page(page);
	return 0;
}

static int page_fault(struct trap_frame *tf)
{
	uint64_t addr = read_cr2();
	struct mm *mm = mm_current();
	int kind = MM_FAULT_MAPERR;

	/*
	 * Kernel addresses are never demand-paged: from kernel mode a fault
	 * there is a kernel bug; from user mode it is the program's bad
	 * pointer, reported like any unmapped address (Linux: SEGV_MAPERR).
	 */
	if (addr >= USER_SPACE_END) {
		if (!(tf->error_code & PF_USER))
			return 0;
		return report_hook ? report_hook(tf, addr, MM_FAULT_MAPERR) : 0;
	}
	if (mm) {
		kind = mm_handle_fault(mm, addr, tf->error_code);
		if (kind == 0)
			return 1;
	}
	return report_hook ? report_hook(tf, addr, kind) : 0;
}

void mm_fault_init(void)
{
	trap_set_handler(TRAP_PAGE_FAULT, page_fault);
}
