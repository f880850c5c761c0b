/*
 * kernel_map.c - the kernel's own page tables, replacing the boot ones.
 *
 * The boot tables map 4 GiB twice with large writable, executable pages:
 * enough to start, too loose to keep.  The tables built here give every
 * part of the kernel image only the access it needs, so a stray write to
 * code or a jump into data faults at once, and they add the direct map
 * through which the kernel reaches any physical page.
 */
#include <paging.h>
#include <pmm.h>
#include <kmain.h>
#include <panic.h>
#include <printk.h>
#include <string.h>
#include <arch/cpu.h>
#include <arch/layout.h>

#define CR0_WP (1UL << 16)
#define CR4_PGE (1UL << 7)
#define CR4_SMEP (1UL << 20)
#define CR4_SMAP (1UL << 21)
#define EFER_NXE (1UL << 11)

static uint64_t kpml4;
static unsigned int features;
static uint64_t nx;	/* PTE_NX if the CPU has it: the bit is reserved otherwise */

uint64_t kernel_pml4(void)
{
	return kpml4;
}

unsigned int paging_features(void)
{
	return features;
}

/* Before the switch, physical memory below 4 GiB is reached through the identity map. */
static void *identity(uint64_t phys)
{
	return (void *)phys;
}

static uint64_t early_table_identity(void)
{
	uint64_t p = early_alloc(PAGE_SIZE);

	if (p)
		memset(identity(p), 0, PAGE_SIZE);
	return p;
}

static uint64_t early_table_direct(void)
{
	uint64_t p = early_alloc(PAGE_SIZE);

	if (p)
		memset(phys_to_virt(p), 0, PAGE_SIZE);
	return p;
}

/* The end of the physical range the direct map must cover. */
static uint64_t direct_map_limit(void)
{
	const struct boot_info *bi = boot_info_get();
	uint64_t limit = BOOT_IDENTITY_MAP_SIZE;	/* RAM and MMIO below 4 GiB */

	for (uint32_t i = 0; i < bi->mem_count; i++) {
		const struct boot_mem_region *r = &bi->mem[i];
		uint64_t end = r->base + r->length;

		if (r->type != BOOT_MEM_RESERVED && end > limit)
			limit = end;
	}
	return (limit + LARGE_PAGE_SIZE - 1) & ~(LARGE_PAGE_SIZE - 1);
}

static void map_section(const char *start, const char *end, uint64_t flags)
{
	for (uint64_t va = (uint64_t)start & ~(PAGE_SIZE - 1); va < (uint64_t)end; va += PAGE_SIZE) {
		if (va == (uint64_t)boot_stack_guard)
			continue;	/* the guard page under the boot stack stays unmapped */
		if (pt_map(kpml4, va, kernel_to_phys(va), flags | PTE_GLOBAL) < 0)
			panic("mm: cannot map the kernel image at %#llx", (unsigned long long)va);
	}
}

static void enable_protection(void)
{
	struct cpuid_regs ext = cpuid(0x80000001, 0), leaf7 = cpuid(7, 0);
	uint64_t cr0, cr4;

	if (ext.edx & (1U << 20)) {
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
		features |= PAGING_NX;
	}
	__asm__ __volatile__("mov %%cr0, %0" : "=r"(cr0));
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(cr0 | CR0_WP));
	__asm__ __volatile__("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= CR4_PGE;
	if (leaf7.ebx & (1U << 7)) {
		cr4 |= CR4_SMEP;
		features |= PAGING_SMEP;
	}
	if (leaf7.ebx & (1U << 20)) {
		cr4 |= CR4_SMAP;
		features |= PAGING_SMAP;
	}
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(cr4));
}

void user_access_begin(void)
{
	if (features & PAGING_SMAP)
		__asm__ __volatile__("stac" ::: "memory");
}

void user_access_end(void)
{
	if (features & PAGING_SMAP)
		__asm__ __volatile__("clac" ::: "memory");
}

void paging_init(void)
{
	uint64_t limit = direct_map_limit();

	enable_protection();
	nx = (features & PAGING_NX) ? PTE_NX : 0;
	pt_set_table_allocator(early_table_identity, identity);
	kpml4 = early_table_identity();

	/* LAB 10 BEGIN direct_map */
	for (uint64_t pa = 0; pa < limit; pa += LARGE_PAGE_SIZE)
		if (pt_map_large(kpml4, DIRECT_MAP_BASE + pa, pa, PTE_WRITE | PTE_GLOBAL | nx) < 0)
			panic("mm: cannot build the direct map at %#llx", (unsigned long long)pa);
	/* LAB 10 END direct_map */

	map_section(_text, _etext, 0);				/* read, execute */
	map_section(__rodata_start, __rodata_end, nx);		/* read */
	map_section(__data_start, __bss_end, PTE_WRITE | nx);	/* read, write */
	map_section(__ksyms_start, __kernel_end, nx);		/* read */

	__asm__ __volatile__("mov %0, %%cr3" : : "r"(kpml4) : "memory");
	pt_set_table_allocator(early_table_direct, phys_to_virt);
	pr_info("mm: kernel page tables at %#llx; direct map of %llu MiB; NX %s, SMEP %s, SMAP %s\n",
		(unsigned long long)kpml4, (unsigned long long)(limit >> 20),
		features & PAGING_NX ? "on" : "absent", features & PAGING_SMEP ? "on" : "absent",
		features & PAGING_SMAP ? "on" : "absent");
}
