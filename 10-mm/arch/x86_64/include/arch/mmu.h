/**
 * @file
 * @brief The x86_64 address-space layout and page-table entry bits used from layer 10 on.
 *
 * Virtual layout (4-level paging, 48-bit addresses):
 *
 *     0x0000000000010000 .. 0x00007fffffffffff   user space (VMAs; layer 20 runs programs there)
 *     0xffff800000000000 .. + max physical        the direct map of all physical memory
 *     0xffffc90000000000 .. 0xffffc9ffffffffff   kernel stacks, each with an unmapped guard page
 *     0xffffffff80000000 .. (KERNEL_VMA)          the kernel image, mapped per section
 *
 * Nothing maps virtual address 0 any more: a NULL dereference faults.
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include <stdint.h>

#define PAGE_SHIFT 12			/**< log2 of the page size */
#define PAGE_SIZE (1UL << PAGE_SHIFT)	/**< 4 KiB */
#define LARGE_PAGE_SIZE (1UL << 21)	/**< 2 MiB, a page-directory entry with PTE_PS */

#define PTE_PRESENT (1ULL << 0)		/**< the entry is valid */
#define PTE_WRITE (1ULL << 1)		/**< writes allowed (with CR0.WP, for the kernel too) */
#define PTE_USER (1ULL << 2)		/**< user mode may access */
#define PTE_PWT (1ULL << 3)		/**< write-through */
#define PTE_PCD (1ULL << 4)		/**< cache disabled */
#define PTE_ACCESSED (1ULL << 5)	/**< set by the CPU on access */
#define PTE_DIRTY (1ULL << 6)		/**< set by the CPU on write */
#define PTE_PS (1ULL << 7)		/**< in a PD entry: a 2 MiB page */
#define PTE_GLOBAL (1ULL << 8)		/**< survives CR3 reloads (kernel mappings) */
#define PTE_COW (1ULL << 9)		/**< software bit: read-only because shared copy-on-write */
#define PTE_NX (1ULL << 63)		/**< no instruction fetch (needs EFER.NXE) */
#define PTE_ADDR_MASK 0x000ffffffffff000ULL /**< the physical address bits of an entry */

#define DIRECT_MAP_BASE 0xffff800000000000ULL	/**< virtual address of physical 0 */
#define KSTACK_AREA_BASE 0xffffc90000000000ULL	/**< first kernel-stack slot */
#define KSTACK_AREA_SLOTS 4096			/**< kernel stacks that can exist at once */
#define USER_SPACE_END 0x0000800000000000ULL	/**< first non-user address */

/**
 * phys_to_virt() - The direct-map address of a physical address.
 * @param phys any physical address below the top of RAM
 * @return a kernel pointer to it
 */
static inline void *phys_to_virt(uint64_t phys)
{
	return (void *)(phys + DIRECT_MAP_BASE);
}

/**
 * virt_to_phys() - The physical address behind a direct-map pointer.
 * @param virt a pointer returned by phys_to_virt() or the page allocator
 * @return its physical address
 */
static inline uint64_t virt_to_phys(const void *virt)
{
	return (uint64_t)virt - DIRECT_MAP_BASE;
}

/** @brief Invalidate the TLB entry for one page. @param va any address in the page */
static inline void tlb_flush_page(uint64_t va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

/** @brief Invalidate every non-global TLB entry by reloading CR3. */
static inline void tlb_flush_all(void)
{
	uint64_t cr3;

	__asm__ __volatile__("mov %%cr3, %0; mov %0, %%cr3" : "=r"(cr3) : : "memory");
}

/**
 * user_access_begin() - Allow supervisor access to user pages (SMAP) until user_access_end().
 *
 * stac and clac exist only on CPUs with SMAP (Bochs has none), so they are
 * issued only when paging_init() turned SMAP on.
 */
void user_access_begin(void);

/**
 * user_access_end() - Forbid supervisor access to user pages again (SMAP).
 */
void user_access_end(void);

#endif /* ARCH_MMU_H */
