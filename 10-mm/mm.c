/*
 * mm.c - address spaces: keep the page tables in step with the VMA set.
 *
 * vma.c decides what the address space looks like (pure logic, host-tested);
 * this file makes the page tables agree: pages that leave a VMA are
 * unmapped and their references dropped, protections are rewritten on the
 * pages already present, and mremap moves page-table entries instead of
 * copying pages.  Pages themselves arrive in fault.c.
 */
#include <mm.h>
#include <errno.h>
#include <kmalloc.h>
#include <paging.h>
#include <pmm.h>
#include <string.h>
#include <arch/mmu.h>

static struct mm *current;

struct mm *mm_current(void)
{
	return current;
}

void mm_switch(struct mm *mm)
{
	current = mm;
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(mm ? mm->pml4 : kernel_pml4()) : "memory");
}

struct mm *mm_create(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pml4 = pmm_alloc_zeroed();
	if (!mm->pml4) {
		kfree(mm);
		return NULL;
	}
	vma_set_init(&mm->vmas);
	/* Share the kernel half: the same PDPTs, so kernel mappings made later appear everywhere. */
	memcpy((uint64_t *)phys_to_virt(mm->pml4) + 256,
	       (uint64_t *)phys_to_virt(kernel_pml4()) + 256, 256 * sizeof(uint64_t));
	return mm;
}

uint64_t mm_leaf_flags(uint32_t prot)
{
	/*
	 * PROT_NONE keeps the page (and its contents) but takes away
	 * PTE_USER: every user access then faults, and the VMA's empty
	 * protection turns the fault into SIGSEGV.
	 */
	uint64_t f = PTE_PRESENT | (prot ? PTE_USER : 0);

	if (prot & VMA_WRITE)
		f |= PTE_WRITE;
	if (!(prot & VMA_EXEC) && (paging_features() & PAGING_NX))
		f |= PTE_NX;
	return f;
}

/* Unmap every present page in [start, end) and drop the references. */
static void unmap_pages(struct mm *mm, uint64_t start, uint64_t end)
{
	for (uint64_t va = start; va < end; va += PAGE_SIZE) {
		uint64_t e = pt_unmap(mm->pml4, va);

		if (e & PTE_PRESENT) {
			tlb_flush_page(va);
			pmm_page_put(e & PTE_ADDR_MASK);
		}
	}
}

void mm_destroy(struct mm *mm)
{
	for (uint32_t i = 0; i < mm->vmas.count; i++)
		unmap_pages(mm, mm->vmas.vmas[i].start, mm->vmas.vmas[i].end);
	pt_free_user(mm->pml4);
	pmm_page_put(mm->pml4);
	kfree(mm);
}

int64_t mm_map(struct mm *mm, uint64_t addr, uint64_t len, uint32_t prot, uint32_t flags,
	       struct mm_backing *backing, uint64_t offset, int fixed)
{
	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	int64_t r = vma_map(&mm->vmas, addr, len, prot, flags, backing, offset, fixed);

	/* A fixed mapping replaces what was there: those pages go. */
	if (r >= 0 && fixed)
		unmap_pages(mm, (uint64_t)r, (uint64_t)r + len);
	return r;
}

int mm_unmap(struct mm *mm, uint64_t addr, uint64_t len)
{
	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	int r = vma_unmap(&mm->vmas, addr, len);

	if (r == 0)
		unmap_pages(mm, addr, addr + len);
	return r;
}

int mm_protect(struct mm *mm, uint64_t addr, uint64_t len, uint32_t prot)
{
	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	int r = vma_protect(&mm->vmas, addr, len, prot);

	if (r < 0)
		return r;
	/* Rewrite the pages already present. */
	for (uint64_t va = addr; va < addr + len; va += PAGE_SIZE) {
		uint64_t *e = pt_walk(mm->pml4, va, 0);

		if (!e || !(*e & PTE_PRESENT))
			continue;
		/* A COW page stays read-only until it is written. */
		uint64_t f = mm_leaf_flags(prot);

		if (*e & PTE_COW)
			f = (f & ~PTE_WRITE) | PTE_COW;
		*e = (*e & PTE_ADDR_MASK) | f;
		tlb_flush_page(va);
	}
	return 0;
}

void mm_set_brk_base(struct mm *mm, uint64_t base)
{
	mm->brk.start = mm->brk.end = base;
}

uint64_t mm_brk(struct mm *mm, uint64_t new_end)
{
	uint64_t old_top = (mm->brk.end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);

	if (new_end == 0)
		return mm->brk.end;
	uint64_t r = vma_brk(&mm->vmas, &mm->brk, new_end);
	uint64_t new_top = (mm->brk.end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);

	if (new_top < old_top)
		unmap_pages(mm, new_top, old_top);
	return r;
}

/* Move the entries of [from, from + len) to [to, ...): the pages keep their frames. */
static void move_pages(struct mm *mm, uint64_t from, uint64_t to, uint64_t len)
{
	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		uint64_t e = pt_unmap(mm->pml4, from + off);

		if (!(e & PTE_PRESENT))
			continue;
		tlb_flush_page(from + off);
		if (pt_map(mm->pml4, to + off, e & PTE_ADDR_MASK, e & ~PTE_ADDR_MASK) < 0)
			pmm_page_put(e & PTE_ADDR_MASK);	/* no table: the page is lost, as if never touched */
	}
}

int64_t mm_mremap(struct mm *mm, uint64_t old, uint64_t old_len, uint64_t new_len,
		  uint32_t flags)
{
	struct vma_move move = { 0 };

	old_len = (old_len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	new_len = (new_len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	int64_t r = vma_mremap(&mm->vmas, old, old_len, new_len, flags, &move);

	if (r < 0)
		return r;
	if (move.len)
		move_pages(mm, move.from, move.to, move.len);
	else if (new_len < old_len)
		unmap_pages(mm, old + new_len, old + old_len);
	return r;
}

struct mm *mm_dup(struct mm *mm)
{
	struct mm *copy = mm_create();

	if (!copy)
		return NULL;
	copy->vmas = mm->vmas;
	copy->brk = mm->brk;
	for (uint32_t i = 0; i < mm->vmas.count; i++) {
		const struct vma *v = &mm->vmas.vmas[i];

		for (uint64_t va = v->start; va < v->end; va += PAGE_SIZE) {
			uint64_t *e = pt_walk(mm->pml4, va, 0);

			if (!e || !(*e & PTE_PRESENT))
				continue;
			/* Private writable pages become read-only + COW in both. */
			if ((*e & PTE_WRITE) && !(v->flags & VMA_SHARED))
				*e = (*e & ~PTE_WRITE) | PTE_COW;
			if (pt_map(copy->pml4, va, *e & PTE_ADDR_MASK, *e & ~PTE_ADDR_MASK) < 0) {
				mm_destroy(copy);
				tlb_flush_all();
				return NULL;
			}
			pmm_page_get(*e & PTE_ADDR_MASK);
		}
	}
	/* The original's entries lost their write bit: no stale writable TLB entry may survive. */
	tlb_flush_all();
	return copy;
}
