/*
 * ktest_mm.c - address spaces on real page tables: demand-zero pages,
 * protections, unmapped holes, copy-on-write, brk and mremap.
 *
 * The tests build a user address space, switch to it and touch its pages
 * from the kernel (with stac/clac, as copy_from_user will); faults that the
 * mm cannot resolve arrive at a test report hook, which records them and
 * resumes after the access.
 */
#include <ktest.h>
#include <mm.h>
#include <paging.h>
#include <pmm.h>
#include <string.h>
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <arch/trap.h>

#define BASE 0x0000000040000000ULL

static uint64_t resume_at, reported_addr;
static int reported_kind, reports;

static int record_report(struct trap_frame *tf, uint64_t addr, int kind)
{
	reported_addr = addr;
	reported_kind = kind;
	reports++;
	tf->rip = resume_at;
	return 1;
}

/* Read or write a byte of user memory; returns 0 or the fault kind reported. */
static int user_access(uint64_t va, int write, uint8_t *value)
{
	mm_fault_report_t old = mm_set_fault_report(record_report);
	uint8_t v = *value;

	reports = 0;
	user_access_begin();
	if (write)
		__asm__ __volatile__("leaq 1f(%%rip), %%rax; movq %%rax, %0; movb %2, (%1); 1:"
				     : "=m"(resume_at) : "r"(va), "q"(v) : "rax", "memory");
	else
		__asm__ __volatile__("leaq 1f(%%rip), %%rax; movq %%rax, %0; movb (%2), %1; 1:"
				     : "=m"(resume_at), "+q"(v) : "r"(va) : "rax", "memory");
	user_access_end();
	mm_set_fault_report(old);
	*value = v;
	return reports ? reported_kind : 0;
}

static int put(uint64_t va, uint8_t v)
{
	return user_access(va, 1, &v);
}

static int get(uint64_t va, uint8_t *v)
{
	return user_access(va, 0, v);
}

static struct mm *fresh_mm(void)
{
	struct mm *mm = mm_create();

	if (mm)
		mm_switch(mm);
	return mm;
}

/* Leave the address space: its VMA set must still be valid, then free it. */
static int done(struct mm *mm)
{
	int r = vma_check(&mm->vmas);

	mm_switch(NULL);
	mm_destroy(mm);
	return r;
}

KTEST(mm_demand_zero_page_appears_on_first_touch)
{
	struct mm *mm = fresh_mm();
	uint8_t v = 0xff;

	KT_ASSERT(mm);
	KT_EQ(mm_map(mm, BASE, 3 * PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE, NULL, 0, 1),
	      (int64_t)BASE);
	KT_EQ(pt_translate(mm->pml4, BASE + PAGE_SIZE, NULL), (uint64_t)-1);	/* nothing yet */
	KT_EQ(get(BASE + PAGE_SIZE + 5, &v), 0);
	KT_EQ(v, 0);
	KT_ASSERT(pt_translate(mm->pml4, BASE + PAGE_SIZE, NULL) != (uint64_t)-1);
	KT_EQ(pt_translate(mm->pml4, BASE, NULL), (uint64_t)-1);	/* only the touched page */
	KT_EQ(put(BASE + 7, 42), 0);
	KT_EQ(get(BASE + 7, &v), 0);
	KT_EQ(v, 42);
	KT_EQ(done(mm), 0);
}

/* Seed regression: a write after mprotect(PROT_READ) is an access error, never a loop. */
KTEST(mm_write_to_read_only_page_is_access_error)
{
	struct mm *mm = fresh_mm();
	uint8_t v = 0;

	KT_ASSERT(mm);
	mm_map(mm, BASE, 2 * PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	KT_EQ(put(BASE, 1), 0);
	KT_EQ(mm_protect(mm, BASE, PAGE_SIZE, VMA_READ), 0);
	KT_EQ(put(BASE + 3, 2), MM_FAULT_ACCERR);
	KT_EQ(reported_addr, BASE + 3);
	KT_EQ(get(BASE, &v), 0);
	KT_EQ(v, 1);	/* the refused write changed nothing */
	KT_EQ(put(BASE + PAGE_SIZE, 3), 0);	/* the other page is still writable */
	KT_EQ(mm_protect(mm, BASE, PAGE_SIZE, VMA_READ | VMA_WRITE), 0);
	KT_EQ(put(BASE + 3, 4), 0);	/* writable again */
	KT_EQ(done(mm), 0);
}

/* Seed regression: a page removed by a partial munmap is a map error. */
KTEST(mm_touch_of_unmapped_hole_is_map_error)
{
	struct mm *mm = fresh_mm();
	uint8_t v = 0;

	KT_ASSERT(mm);
	mm_map(mm, BASE, 3 * PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	for (int i = 0; i < 3; i++)
		KT_EQ(put(BASE + i * PAGE_SIZE, 10 + i), 0);
	KT_EQ(mm_unmap(mm, BASE + PAGE_SIZE, PAGE_SIZE), 0);
	KT_EQ(get(BASE + PAGE_SIZE, &v), MM_FAULT_MAPERR);
	KT_EQ(reported_addr, BASE + PAGE_SIZE);
	KT_EQ(get(BASE + 2 * PAGE_SIZE, &v), 0);
	KT_EQ(v, 12);
	KT_EQ(get(0x1000, &v), MM_FAULT_MAPERR);	/* no VMA at all */
	KT_EQ(done(mm), 0);
}

KTEST(mm_copy_on_write_separates_parent_and_child)
{
	struct mm *parent = fresh_mm();
	uint8_t v = 0;

	KT_ASSERT(parent);
	mm_map(parent, BASE, PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	KT_EQ(put(BASE, 'p'), 0);
	uint64_t frame = pt_translate(parent->pml4, BASE, NULL);
	struct mm *child = mm_dup(parent);

	KT_ASSERT(child);
	KT_EQ(pt_translate(child->pml4, BASE, NULL), frame);	/* shared, not copied */
	KT_EQ(pmm_page_refcount(frame), 2);
	KT_EQ(put(BASE, 'P'), 0);	/* parent writes: gets its own copy */
	KT_ASSERT(pt_translate(parent->pml4, BASE, NULL) != frame);
	KT_EQ(pmm_page_refcount(frame), 1);
	mm_switch(child);
	KT_EQ(get(BASE, &v), 0);
	KT_EQ(v, 'p');	/* the child still sees the old value */
	/* The child is the last user: its write takes the page over without a copy. */
	KT_EQ(put(BASE, 'c'), 0);
	KT_EQ(pt_translate(child->pml4, BASE, NULL), frame);
	mm_switch(parent);
	KT_EQ(get(BASE, &v), 0);
	KT_EQ(v, 'P');
	mm_destroy(child);
	KT_EQ(done(parent), 0);
}

KTEST(mm_brk_grows_and_refuses_to_cover_another_mapping)
{
	struct mm *mm = fresh_mm();
	uint8_t v = 0;

	KT_ASSERT(mm);
	mm_set_brk_base(mm, BASE);
	mm_map(mm, BASE + 4 * PAGE_SIZE, PAGE_SIZE, VMA_READ, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	KT_EQ(mm_brk(mm, BASE + 2 * PAGE_SIZE), BASE + 2 * PAGE_SIZE);
	KT_EQ(put(BASE + PAGE_SIZE + 9, 9), 0);
	KT_EQ(mm_brk(mm, BASE + 6 * PAGE_SIZE), BASE + 2 * PAGE_SIZE);	/* refused: keeps the old break */
	KT_EQ(mm_brk(mm, BASE + PAGE_SIZE), BASE + PAGE_SIZE);	/* shrink */
	KT_EQ(get(BASE + PAGE_SIZE + 9, &v), MM_FAULT_MAPERR);
	KT_EQ(done(mm), 0);
}

KTEST(mm_mremap_move_keeps_contents_and_frames)
{
	struct mm *mm = fresh_mm();
	uint8_t v = 0;

	KT_ASSERT(mm);
	mm_map(mm, BASE, 2 * PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	mm_map(mm, BASE + 2 * PAGE_SIZE, PAGE_SIZE, VMA_READ, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	KT_EQ(put(BASE + 1, 'a'), 0);
	KT_EQ(put(BASE + PAGE_SIZE + 1, 'b'), 0);
	uint64_t frame = pt_translate(mm->pml4, BASE, NULL);

	KT_EQ(mm_mremap(mm, BASE, 2 * PAGE_SIZE, 4 * PAGE_SIZE, 0), -12);	/* blocked, may not move */
	int64_t to = mm_mremap(mm, BASE, 2 * PAGE_SIZE, 4 * PAGE_SIZE, 1 /* MREMAP_MAYMOVE */);

	KT_ASSERT(to > 0 && (uint64_t)to != BASE);
	KT_EQ(pt_translate(mm->pml4, to, NULL), frame);	/* moved, not copied */
	KT_EQ(get(to + 1, &v), 0);
	KT_EQ(v, 'a');
	KT_EQ(get(to + PAGE_SIZE + 1, &v), 0);
	KT_EQ(v, 'b');
	KT_EQ(get(to + 3 * PAGE_SIZE, &v), 0);	/* the grown part is demand-zero */
	KT_EQ(v, 0);
	KT_EQ(get(BASE + 1, &v), MM_FAULT_MAPERR);	/* the old range is gone */
	KT_EQ(mm_mremap(mm, to, 4 * PAGE_SIZE, PAGE_SIZE, 0), to);	/* shrink in place */
	KT_EQ(get(to + PAGE_SIZE, &v), MM_FAULT_MAPERR);
	KT_EQ(done(mm), 0);
}

KTEST(mm_destroy_returns_every_page)
{
	struct pmm_stats before, after;

	pmm_zero_cache_drain();
	pmm_stats(&before);
	struct mm *mm = fresh_mm();

	KT_ASSERT(mm);
	mm_map(mm, BASE, 64 * PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON | VMA_PRIVATE, NULL, 0, 1);
	for (int i = 0; i < 64; i++)
		KT_EQ(put(BASE + i * PAGE_SIZE, i), 0);
	struct mm *child = mm_dup(mm);

	KT_ASSERT(child);
	mm_destroy(child);
	KT_EQ(done(mm), 0);
	pmm_zero_cache_drain();
	pmm_stats(&after);
	KT_EQ(after.free, before.free);
}
