/*
 * ramfs_pages.c - where ramfs file data lives: whole physical pages from
 * layer 10, reference counted, so a MAP_SHARED mapping and the file share
 * one page and a truncated page stays valid for a mapping that still holds
 * it.  (The host tests of ramfs replace these three with malloc.)
 */
#include <arch/mmu.h>
#include <pmm.h>
#include "internal.h"

void *ramfs_page_alloc(void)
{
	uint64_t pa = pmm_alloc_zeroed();

	return pa ? phys_to_virt(pa) : NULL;
}

void ramfs_page_put(void *page)
{
	if (page)
		pmm_page_put(virt_to_phys(page));
}

uint64_t ramfs_page_share(void *page)
{
	uint64_t pa = virt_to_phys(page);

	pmm_page_get(pa);
	return pa;
}
