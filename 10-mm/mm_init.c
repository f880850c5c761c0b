/*
 * mm_init.c - bring memory management up, in the only order that works:
 * the kernel's page tables (from the early allocator), then the page
 * allocator (its records also from the early allocator), then everything
 * that allocates pages: page tables from the buddy, IST stacks with guard
 * pages, kmalloc, the page-fault handler.
 */
#include <initcall.h>
#include <kmain.h>
#include <kstack.h>
#include <mm.h>
#include <paging.h>
#include <pmm.h>
#include <errno.h>
#include <printk.h>
#include <kmalloc.h>
#include <arch/gdt.h>

static uint64_t table_from_pmm(void)
{
	return pmm_alloc_zeroed();
}

static int mm_init(void)
{
	paging_init();
	int r = pmm_init();

	if (r < 0)
		return r;
	pt_set_table_allocator(table_from_pmm, phys_to_virt);

	/* The IST stacks get guard pages too: #DF must survive a kernel stack overflow. */
	for (int ist = IST_DOUBLE_FAULT; ist <= IST_MACHINE_CHECK; ist++) {
		uint64_t top = kstack_alloc();

		if (!top)
			return -ENOMEM;
		tss_set_ist(ist, top);
	}
	r = kmalloc_init();
	if (r < 0)
		return r;
	mm_fault_init();
	idle_set_hook(pmm_zero_cache_refill);
	return 0;
}
INITCALL(INITCALL_MM, mm_init);
