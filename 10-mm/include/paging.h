/**
 * @file
 * @brief Page tables: map, unmap and look up 4 KiB pages in a 4-level hierarchy.
 *
 * A page table is named by the physical address of its top level (PML4),
 * the value CR3 holds.  Tables below it are allocated on demand from the
 * page allocator (or, while the kernel's first tables are built, from the
 * early allocator) and reached through the direct map.
 * Callers serialise changes to one hierarchy; these functions take no lock.
 */
#ifndef PAGING_H
#define PAGING_H

#include <stdint.h>
#include <arch/mmu.h>

/**
 * pt_map() - Map the 4 KiB page at @p va to physical @p pa.
 * @param pml4  the hierarchy (physical address)
 * @param va    page-aligned virtual address
 * @param pa    page-aligned physical address
 * @param flags PTE_* bits; PTE_PRESENT is implied
 * @return 0, -ENOMEM if a table could not be allocated, -EEXIST if @p va is
 *         already mapped (unmap first), -EINVAL if it lies inside a 2 MiB page
 */
int pt_map(uint64_t pml4, uint64_t va, uint64_t pa, uint64_t flags);

/**
 * pt_map_large() - Map the 2 MiB page at @p va to @p pa (the direct map uses these).
 * @param pml4  the hierarchy
 * @param va    2 MiB-aligned virtual address
 * @param pa    2 MiB-aligned physical address
 * @param flags PTE_* bits; PTE_PRESENT and PTE_PS are implied
 * @return 0, -ENOMEM, or -EEXIST if anything is mapped there
 */
int pt_map_large(uint64_t pml4, uint64_t va, uint64_t pa, uint64_t flags);

/**
 * pt_unmap() - Remove the mapping of one 4 KiB page.
 * @param pml4 the hierarchy
 * @param va   page-aligned virtual address
 * @return the entry that was there (0 if none); the caller flushes the TLB
 *         and decides what happens to the physical page
 */
uint64_t pt_unmap(uint64_t pml4, uint64_t va);

/**
 * pt_walk() - Find the leaf entry that maps @p va.
 * @param pml4   the hierarchy
 * @param va     any virtual address
 * @param create 1 to allocate missing tables on the way (for a 4 KiB leaf)
 * @return a pointer to the 4 KiB-level entry (present or not), or NULL if a
 *         table is missing and @p create is 0, or memory ran out, or @p va
 *         lies inside a 2 MiB page
 */
uint64_t *pt_walk(uint64_t pml4, uint64_t va, int create);

/**
 * pt_translate() - The physical address @p va maps to, 4 KiB and 2 MiB pages alike.
 * @param pml4  the hierarchy
 * @param va    any virtual address
 * @param flags if not NULL, receives the leaf entry's flag bits
 * @return the physical address, or (uint64_t)-1 if nothing maps @p va
 */
uint64_t pt_translate(uint64_t pml4, uint64_t va, uint64_t *flags);

/**
 * pt_free_user() - Free every table of the user half (entries 0..255 of the PML4).
 * @param pml4 the hierarchy; its leaf pages must already be unmapped
 */
void pt_free_user(uint64_t pml4);

/**
 * pt_set_table_allocator() - Choose where new tables come from and how to reach them.
 * @param alloc   returns the physical address of a zeroed 4 KiB page, or 0
 * @param to_virt turns a physical address into a pointer
 *
 * Used once by paging_init(): the first tables come from the early allocator
 * and are reached through the boot identity map.
 */
void pt_set_table_allocator(uint64_t (*alloc)(void), void *(*to_virt)(uint64_t phys));

/**
 * kernel_pml4() - The kernel's own hierarchy, whose upper half every address space shares.
 * @return its physical address (0 before paging_init())
 */
uint64_t kernel_pml4(void);

/**
 * paging_init() - Build the kernel's page tables and switch to them.
 *
 * Maps all physical memory (and the first 4 GiB, MMIO included) at
 * DIRECT_MAP_BASE with 2 MiB pages, the kernel image at KERNEL_VMA with 4 KiB
 * pages per section (text read-only and executable; rodata read-only, no
 * execute; data and bss writable, no execute), leaves the page under the boot
 * stack unmapped, and turns on CR0.WP, EFER.NXE, CR4.PGE and, when the CPU
 * has them, CR4.SMEP and CR4.SMAP.  The boot identity map is gone afterwards.
 * Called once from the memory init call, before the page allocator exists.
 */
void paging_init(void);

/** @brief CPU protection features paging_init() turned on (bits of paging_features()). */
#define PAGING_NX 0x1	/**< EFER.NXE: PTE_NX is honoured */
#define PAGING_SMEP 0x2 /**< CR4.SMEP: no kernel execution of user pages */
#define PAGING_SMAP 0x4 /**< CR4.SMAP: no kernel access to user pages outside stac/clac */

/**
 * paging_features() - Which of PAGING_NX, PAGING_SMEP, PAGING_SMAP are on.
 * @return a bit mask
 */
unsigned int paging_features(void);

#endif /* PAGING_H */
