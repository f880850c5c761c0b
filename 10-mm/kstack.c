/*
 * kstack.c - kernel stacks in their own area, each under a guard page.
 *
 * Slot i of the area is KSTACK_SLOT bytes at KSTACK_AREA_BASE + i *
 * KSTACK_SLOT: its lowest page is never mapped (the guard), the stack's
 * pages follow.
 */
#include <kstack.h>
#include <paging.h>
#include <pmm.h>
#include <arch/cpu.h>
#include <arch/layout.h>

#define KSTACK_SLOT (KERNEL_STACK_SIZE + PAGE_SIZE)

static uint64_t slot_used[KSTACK_AREA_SLOTS / 64];

static uint64_t slot_base(unsigned int i)
{
	return KSTACK_AREA_BASE + (uint64_t)i * KSTACK_SLOT;
}

static void unmap_stack(uint64_t base)
{
	for (uint64_t va = base + PAGE_SIZE; va < base + KSTACK_SLOT; va += PAGE_SIZE) {
		uint64_t e = pt_unmap(kernel_pml4(), va);

		tlb_flush_page(va);
		if (e & PTE_PRESENT)
			pmm_page_put(e & PTE_ADDR_MASK);
	}
}

uint64_t kstack_alloc(void)
{
	uint64_t flags = irq_save();
	unsigned int i;

	for (i = 0; i < KSTACK_AREA_SLOTS; i++)
		if (!(slot_used[i / 64] & (1ULL << (i % 64))))
			break;
	if (i == KSTACK_AREA_SLOTS) {
		irq_restore(flags);
		return 0;
	}
	slot_used[i / 64] |= 1ULL << (i % 64);
	irq_restore(flags);

	uint64_t base = slot_base(i);
	uint64_t nx = (paging_features() & PAGING_NX) ? PTE_NX : 0;

	/* base itself is the guard: start mapping one page above it. */
	for (uint64_t va = base + PAGE_SIZE; va < base + KSTACK_SLOT; va += PAGE_SIZE) {
		uint64_t page = pmm_alloc(0);

		if (!page || pt_map(kernel_pml4(), va, page, PTE_WRITE | PTE_GLOBAL | nx) < 0) {
			if (page)
				pmm_page_put(page);
			unmap_stack(base);
			kstack_free(base + KSTACK_SLOT);
			return 0;
		}
	}
	return base + KSTACK_SLOT;
}

void kstack_free(uint64_t top)
{
	uint64_t base = top - KSTACK_SLOT;
	unsigned int i = (base - KSTACK_AREA_BASE) / KSTACK_SLOT;

	if (i >= KSTACK_AREA_SLOTS)
		return;
	unmap_stack(base);
	uint64_t flags = irq_save();

	slot_used[i / 64] &= ~(1ULL << (i % 64));
	irq_restore(flags);
}

uint64_t kstack_guard_page(uint64_t top)
{
	return top - KSTACK_SLOT;
}
