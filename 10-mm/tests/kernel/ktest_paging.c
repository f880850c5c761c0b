/*
 * ktest_paging.c - the kernel's page tables protect it: read-only text and
 * rodata, no-execute data, nothing at address 0, guard pages under stacks,
 * and the direct map reaches physical memory.
 */
#include <ktest.h>
#include <kstack.h>
#include <paging.h>
#include <pmm.h>
#include <arch/cpu.h>
#include <arch/layout.h>
#include <arch/trap.h>

static uint64_t fault_addr, fault_code, resume_at;
static int faults;

static int catch_fault(struct trap_frame *tf)
{
	fault_addr = read_cr2();
	fault_code = tf->error_code;
	faults++;
	tf->rip = resume_at;
	return 1;
}

/* Write one byte at @p, or read it (@write 0); returns the number of page faults seen. */
static int touch(volatile uint8_t *p, int write)
{
	trap_handler_t old = trap_set_handler(TRAP_PAGE_FAULT, catch_fault);

	faults = 0;
	if (write)
		__asm__ __volatile__("leaq 1f(%%rip), %%rax; movq %%rax, %0; movb $0x90, (%1); 1:"
				     : "=m"(resume_at) : "r"(p) : "rax", "memory");
	else
		__asm__ __volatile__("leaq 1f(%%rip), %%rax; movq %%rax, %0; movb (%1), %%al; 1:"
				     : "=m"(resume_at) : "r"(p) : "rax", "memory");
	trap_set_handler(TRAP_PAGE_FAULT, old);
	return faults;
}

KTEST(paging_kernel_text_is_read_only)
{
	KT_EQ(touch((uint8_t *)_text + 64, 1), 1);
	KT_EQ(fault_addr, (uint64_t)_text + 64);
	KT_EQ(fault_code & (PF_PRESENT | PF_WRITE), PF_PRESENT | PF_WRITE);
	KT_EQ(touch((uint8_t *)_text + 64, 0), 0);	/* reading is fine */
}

KTEST(paging_rodata_is_read_only_and_data_is_writable)
{
	static const char ro[] = "read-only";
	static char rw[] = "read-write";

	KT_EQ(touch((volatile uint8_t *)ro, 1), 1);
	KT_EQ(fault_code & (PF_PRESENT | PF_WRITE), PF_PRESENT | PF_WRITE);
	KT_EQ(touch((volatile uint8_t *)rw, 1), 0);
	KT_EQ((uint8_t)rw[0], 0x90);
}

KTEST(paging_data_is_not_executable)
{
	static uint8_t code[16] = { 0xc3 };	/* ret, in .data */
	trap_handler_t old;

	if (!(paging_features() & PAGING_NX))
		return;	/* no NX bit on this CPU: nothing to enforce (paging_features says so) */
	old = trap_set_handler(TRAP_PAGE_FAULT, catch_fault);
	faults = 0;
	__asm__ __volatile__("leaq 1f(%%rip), %%rax; movq %%rax, %0; call *%1; 1:"
			     : "=m"(resume_at) : "r"(code) : "rax", "rcx", "rdx", "rsi", "rdi", "r8",
			       "r9", "r10", "r11", "memory");
	trap_set_handler(TRAP_PAGE_FAULT, old);
	KT_EQ(faults, 1);
	KT_EQ(fault_addr, (uint64_t)code);
	KT_ASSERT(fault_code & PF_INSTR);
}

KTEST(paging_null_and_low_memory_are_unmapped)
{
	KT_EQ(touch((volatile uint8_t *)0, 0), 1);
	KT_EQ(fault_addr, 0);
	KT_EQ(fault_code & PF_PRESENT, 0);
	KT_EQ(touch((volatile uint8_t *)0x200000, 0), 1);	/* the boot identity map is gone */
}

KTEST(paging_cr0_wp_and_cr4_bits_match_cpu_features)
{
	uint64_t cr0, cr4;
	struct cpuid_regs l7 = cpuid(7, 0);

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(cr0));
	__asm__ __volatile__("mov %%cr4, %0" : "=r"(cr4));
	KT_ASSERT(cr0 & (1UL << 16));
	KT_EQ(!!(cr4 & (1UL << 20)), !!(l7.ebx & (1U << 7)));	/* SMEP */
	KT_EQ(!!(cr4 & (1UL << 21)), !!(l7.ebx & (1U << 20)));	/* SMAP */
	KT_EQ(!!(paging_features() & PAGING_SMEP), !!(l7.ebx & (1U << 7)));
}

KTEST(paging_direct_map_reaches_physical_pages)
{
	uint64_t p = pmm_alloc(0);
	uint64_t flags;

	KT_ASSERT(p);
	*(volatile uint64_t *)phys_to_virt(p) = 0x1122334455667788ULL;
	KT_EQ(pt_translate(kernel_pml4(), (uint64_t)phys_to_virt(p) + 8, &flags), p + 8);
	KT_ASSERT(flags & PTE_WRITE);
	KT_EQ(pt_translate(kernel_pml4(), (uint64_t)_text, NULL), kernel_to_phys(_text));
	pmm_free(p, 0);
}

KTEST(paging_guard_page_under_every_kernel_stack)
{
	uint64_t top = kstack_alloc();

	KT_ASSERT(top);
	KT_EQ(touch((volatile uint8_t *)top - 8, 1), 0);	/* the stack itself */
	KT_EQ(touch((volatile uint8_t *)kstack_guard_page(top) + PAGE_SIZE - 8, 1), 1);
	KT_EQ(fault_code & PF_PRESENT, 0);
	kstack_free(top);
	KT_EQ(touch((volatile uint8_t *)boot_stack_guard + 100, 0), 1);	/* and the boot stack's */
}
