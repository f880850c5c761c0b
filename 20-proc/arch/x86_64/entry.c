/*
 * entry.c - processor set-up for user mode: the syscall MSRs, the FPU, the
 * per-CPU block behind GS, and the kernel stack used on entry.
 */
#include <arch/cpu.h>
#include <arch/entry.h>
#include <arch/gdt.h>
#include <string.h>

#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_SFMASK 0xc0000084
#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102
#define EFER_SCE (1UL << 0)

#define CR0_MP (1UL << 1)
#define CR0_EM (1UL << 2)
#define CR0_TS (1UL << 3)
#define CR0_NE (1UL << 5)
#define CR4_OSFXSR (1UL << 9)
#define CR4_OSXMMEXCPT (1UL << 10)

#define RFLAGS_TF (1UL << 8)
#define RFLAGS_DF (1UL << 10)
#define RFLAGS_NT (1UL << 14)
#define RFLAGS_AC (1UL << 18)

struct percpu percpu0;

void syscall_entry(void);

void entry_init(void)
{
	uint64_t cr0, cr4;

	/*
	 * syscall loads CS from STAR[47:32] and SS = that + 8; sysret (64-bit)
	 * loads CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8, which is why
	 * the GDT has 32-bit user code, user data, 64-bit user code in a row.
	 */
	wrmsr(MSR_STAR, ((uint64_t)GDT_USER32_CS << 48) | ((uint64_t)GDT_KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	/* Enter with interrupts off (until the stack is switched), DF clear as C wants. */
	wrmsr(MSR_SFMASK, RFLAGS_IF | RFLAGS_DF | RFLAGS_TF | RFLAGS_AC | RFLAGS_NT);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);

	/* The kernel's GS base is the per-CPU block; the user's starts at 0. */
	wrmsr(MSR_GS_BASE, (uint64_t)&percpu0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);

	/* SSE for user programs: the kernel itself never uses it (-mgeneral-regs-only). */
	__asm__ __volatile__("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE;
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(cr0));
	__asm__ __volatile__("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT;
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(cr4));
	__asm__ __volatile__("fninit");
}

void entry_set_kernel_stack(uint64_t top)
{
	percpu0.kernel_rsp = top;
	tss_set_kernel_stack(top);
}

void fpu_init_state(void *area)
{
	uint8_t *a = area;

	memset(a, 0, 512);
	a[0] = 0x7f;	/* FCW 0x037f: all x87 exceptions masked, 64-bit precision */
	a[1] = 0x03;
	a[24] = 0x80;	/* MXCSR 0x1f80: all SSE exceptions masked, round to nearest */
	a[25] = 0x1f;
}

void set_fs_base(uint64_t base)
{
	wrmsr(MSR_FS_BASE, base);
}
