/*
 * trap.c - where every interrupt and exception lands (trap_dispatch), and
 * the report printed for one nobody handles.
 */
#include <arch/trap.h>
#include <errno.h>
#include <ksyms.h>
#include <ktest.h>
#include <panic.h>
#include <power.h>
#include <printk.h>
#include <arch/cpu.h>
#include <arch/layout.h>
#include "pic.h"

static trap_handler_t handlers[TRAP_VECTORS];
static void (*user_return)(struct trap_frame *tf);
static void (*irq_handlers[IRQ_COUNT])(struct trap_frame *tf);

static const char *const exception_names[TRAP_EXCEPTIONS] = {
	[0] = "#DE divide error",
	[1] = "#DB debug",
	[2] = "NMI",
	[3] = "#BP breakpoint",
	[4] = "#OF overflow",
	[5] = "#BR bound range exceeded",
	[6] = "#UD invalid opcode",
	[7] = "#NM device not available",
	[8] = "#DF double fault",
	[9] = "coprocessor segment overrun",
	[10] = "#TS invalid TSS",
	[11] = "#NP segment not present",
	[12] = "#SS stack-segment fault",
	[13] = "#GP general protection",
	[14] = "#PF page fault",
	[16] = "#MF x87 floating-point error",
	[17] = "#AC alignment check",
	[18] = "#MC machine check",
	[19] = "#XM SIMD floating-point exception",
	[20] = "#VE virtualization exception",
	[21] = "#CP control protection",
	[28] = "#HV hypervisor injection",
	[29] = "#VC VMM communication",
	[30] = "#SX security exception",
};

const char *trap_name(unsigned int vector)
{
	if (vector < TRAP_EXCEPTIONS)
		return exception_names[vector] ? exception_names[vector] : "reserved exception";
	if (vector >= IRQ_BASE && vector < IRQ_BASE + IRQ_COUNT)
		return "legacy IRQ";
	if (vector == TRAP_SPURIOUS)
		return "APIC spurious interrupt";
	return "software interrupt";
}

trap_handler_t trap_set_handler(unsigned int vector, trap_handler_t handler)
{
	if (vector >= TRAP_VECTORS)
		return NULL;
	trap_handler_t old = handlers[vector];

	handlers[vector] = handler;
	return old;
}

int irq_set_handler(unsigned int irq, void (*handler)(struct trap_frame *tf))
{
	if (irq >= IRQ_COUNT || !handler)
		return -EINVAL;
	if (irq_handlers[irq])
		return -EBUSY;
	irq_handlers[irq] = handler;
	pic_unmask(irq);
	return 0;
}

static void print_symbol_line(const char *label, uint64_t addr)
{
	uint64_t off = 0;
	/* Only kernel addresses have symbols; a user RIP near the image would mislead. */
	const char *name = addr >= KERNEL_VMA ? ksyms_lookup(addr, &off) : NULL;

	if (name)
		pr_emerg("  %s %016llx %s+%#llx\n", label, (unsigned long long)addr, name,
			 (unsigned long long)off);
	else
		pr_emerg("  %s %016llx\n", label, (unsigned long long)addr);
}

void trap_report(const struct trap_frame *tf, const char *why)
{
	pr_emerg("TRAP: %s: %s (vector %llu), error code %#llx, from %s mode\n", why,
		 trap_name(tf->vector), (unsigned long long)tf->vector,
		 (unsigned long long)tf->error_code, (tf->cs & 3) ? "user" : "kernel");
	print_symbol_line("rip", tf->rip);
	if (tf->vector == TRAP_PAGE_FAULT) {
		uint64_t e = tf->error_code;

		pr_emerg("  faulting address (cr2) %016llx: %s %s, %s\n",
			 (unsigned long long)read_cr2(), e & PF_USER ? "user" : "kernel",
			 e & PF_INSTR ? "instruction fetch" : e & PF_WRITE ? "write" : "read",
			 e & PF_PRESENT ? "protection violation" : "page not present");
	}
	pr_emerg("  rax %016llx rbx %016llx rcx %016llx rdx %016llx\n",
		 (unsigned long long)tf->rax, (unsigned long long)tf->rbx,
		 (unsigned long long)tf->rcx, (unsigned long long)tf->rdx);
	pr_emerg("  rsi %016llx rdi %016llx rbp %016llx rsp %016llx\n",
		 (unsigned long long)tf->rsi, (unsigned long long)tf->rdi,
		 (unsigned long long)tf->rbp, (unsigned long long)tf->rsp);
	pr_emerg("  r8  %016llx r9  %016llx r10 %016llx r11 %016llx\n",
		 (unsigned long long)tf->r8, (unsigned long long)tf->r9,
		 (unsigned long long)tf->r10, (unsigned long long)tf->r11);
	pr_emerg("  r12 %016llx r13 %016llx r14 %016llx r15 %016llx\n",
		 (unsigned long long)tf->r12, (unsigned long long)tf->r13,
		 (unsigned long long)tf->r14, (unsigned long long)tf->r15);
	pr_emerg("  cs %04llx ss %04llx rflags %016llx cr3 %016llx\n",
		 (unsigned long long)tf->cs, (unsigned long long)tf->ss,
		 (unsigned long long)tf->rflags, (unsigned long long)read_cr3());
	pr_emerg("Backtrace:\n");
	backtrace_print_trap(tf);
}

static void dispatch_irq(struct trap_frame *tf)
{
	unsigned int irq = tf->vector - IRQ_BASE;

	if (pic_is_spurious(irq))
		return;
	if (irq_handlers[irq])
		irq_handlers[irq](tf);
	else
		pr_warn("irq: IRQ %u has no handler\n", irq);
	pic_eoi(irq);
}

void trap_set_user_return(void (*fn)(struct trap_frame *tf))
{
	user_return = fn;
}

static int dispatch(struct trap_frame *tf)
{
	unsigned int v = tf->vector;

	if (v >= IRQ_BASE && v < IRQ_BASE + IRQ_COUNT && !handlers[v]) {
		dispatch_irq(tf);
		return 1;
	}
	if (v == TRAP_SPURIOUS)	/* never acknowledged (SDM vol. 3, 10.9) */
		return 1;
	return handlers[v] && handlers[v](tf);
}

void trap_dispatch(struct trap_frame *tf)
{
	static int reporting;
	unsigned int v = tf->vector;

	if (dispatch(tf)) {
		if ((tf->cs & 3) && user_return)
			user_return(tf);
		return;
	}

	/* Nobody handled it: report once, then stop.  A fault in the report halts. */
	if (reporting++) {
		pr_emerg("TRAP: %s while reporting a trap; halting\n", trap_name(v));
		halt_forever();
	}
	trap_report(tf, v < TRAP_EXCEPTIONS ? "unhandled exception" : "unexpected interrupt");
	panic_stop();
}
