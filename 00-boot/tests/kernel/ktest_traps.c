/*
 * ktest_traps.c - exceptions are taken through the IDT, arrive at the
 * dispatcher with the right vector, error code and registers, and a handler
 * can resume the interrupted code.
 */
#include <ktest.h>
#include <string.h>
#include <arch/cpu.h>
#include <arch/gdt.h>
#include <arch/trap.h>

/* What the temporary handlers saw. */
static struct trap_frame seen;
static int seen_count;
static uint64_t seen_cr2;
static uint64_t resume_at;	/* where a fault handler sends execution */

static int record_and_return(struct trap_frame *tf)
{
	seen = *tf;
	seen_count++;
	return 1;
}

static int record_and_resume(struct trap_frame *tf)
{
	seen = *tf;
	seen_count++;
	if (tf->vector == TRAP_PAGE_FAULT)
		seen_cr2 = read_cr2();
	tf->rip = resume_at;
	return 1;
}

KTEST(traps_breakpoint_handled_and_returns)
{
	trap_handler_t old = trap_set_handler(TRAP_BREAKPOINT, record_and_return);
	uint64_t after;

	seen_count = 0;
	__asm__ __volatile__("int3\n\t"
			     "1: leaq 1b(%%rip), %0" : "=r"(after) : : "memory");
	trap_set_handler(TRAP_BREAKPOINT, old);
	KT_EQ(seen_count, 1);
	KT_EQ(seen.vector, TRAP_BREAKPOINT);
	/* #BP is a trap: the saved rip is the instruction after int3. */
	KT_EQ(seen.rip, after);
	KT_EQ(seen.cs, GDT_KERNEL_CS);
}

/*
 * A divide by zero with known values in callee-saved and argument registers:
 * the handler must see them in the frame where struct trap_frame says, and
 * execution resumes at the label after the div.
 */
KTEST(traps_divide_error_frame_holds_registers)
{
	trap_handler_t old = trap_set_handler(TRAP_DIVIDE, record_and_resume);
	uint64_t r;

	seen_count = 0;
	__asm__ __volatile__("leaq 2f(%%rip), %%rax\n\t"
			     "movq %%rax, %[resume]\n\t"
			     "movabsq $0x1111111111111111, %%rbx\n\t"
			     "movabsq $0x1212121212121212, %%r12\n\t"
			     "movabsq $0x1515151515151515, %%r15\n\t"
			     "movabsq $0x0909090909090909, %%r9\n\t"
			     "movl $7, %%eax\n\t"
			     "xorl %%edx, %%edx\n\t"
			     "xorl %%ecx, %%ecx\n\t"
			     "1: divl %%ecx\n\t"
			     "2: movq %%rbx, %[r]"
			     : [resume] "=m"(resume_at), [r] "=r"(r)
			     :
			     : "rax", "rbx", "rcx", "rdx", "r9", "r12", "r15", "memory", "cc");
	trap_set_handler(TRAP_DIVIDE, old);
	KT_EQ(seen_count, 1);
	KT_EQ(seen.vector, TRAP_DIVIDE);
	KT_EQ(seen.error_code, 0);
	KT_EQ(seen.rbx, 0x1111111111111111ULL);
	KT_EQ(seen.r12, 0x1212121212121212ULL);
	KT_EQ(seen.r15, 0x1515151515151515ULL);
	KT_EQ(seen.r9, 0x0909090909090909ULL);
	KT_EQ(seen.rax, 7);
	KT_EQ(seen.rcx, 0);
	KT_EQ(r, 0x1111111111111111ULL);	/* registers restored after the handler */
	KT_ASSERT(seen.rflags & RFLAGS_IF);
}

KTEST(traps_invalid_opcode_reports_the_faulting_rip)
{
	trap_handler_t old = trap_set_handler(TRAP_INVALID_OPCODE, record_and_resume);
	uint64_t at;

	seen_count = 0;
	__asm__ __volatile__("leaq 2f(%%rip), %%rax\n\t"
			     "movq %%rax, %[resume]\n\t"
			     "leaq 1f(%%rip), %[at]\n\t"
			     "1: ud2\n\t"
			     "2:"
			     : [resume] "=m"(resume_at), [at] "=r"(at) : : "rax", "memory");
	trap_set_handler(TRAP_INVALID_OPCODE, old);
	KT_EQ(seen_count, 1);
	KT_EQ(seen.vector, TRAP_INVALID_OPCODE);
	/* #UD is a fault: rip is the instruction itself, so it could be retried. */
	KT_EQ(seen.rip, at);
}

KTEST(traps_general_protection_on_non_canonical_address)
{
	trap_handler_t old = trap_set_handler(TRAP_GP, record_and_resume);
	uint64_t bad = 0x8000000000000000ULL;

	seen_count = 0;
	__asm__ __volatile__("leaq 2f(%%rip), %%rax\n\t"
			     "movq %%rax, %[resume]\n\t"
			     "movq (%[bad]), %%rax\n\t"
			     "2:"
			     : [resume] "=m"(resume_at) : [bad] "r"(bad) : "rax", "memory");
	trap_set_handler(TRAP_GP, old);
	KT_EQ(seen_count, 1);
	KT_EQ(seen.vector, TRAP_GP);
	KT_EQ(seen.error_code, 0);
}

KTEST(traps_page_fault_reports_address_and_access)
{
	trap_handler_t old = trap_set_handler(TRAP_PAGE_FAULT, record_and_resume);
	/* 32 TiB: far outside the 4 GiB the boot page tables map. */
	uint64_t unmapped = 0x0000200000000000ULL;

	seen_count = 0;
	__asm__ __volatile__("leaq 2f(%%rip), %%rax\n\t"
			     "movq %%rax, %[resume]\n\t"
			     "movq $42, (%[p])\n\t"
			     "2:"
			     : [resume] "=m"(resume_at) : [p] "r"(unmapped) : "rax", "memory");
	trap_set_handler(TRAP_PAGE_FAULT, old);
	KT_EQ(seen_count, 1);
	KT_EQ(seen.vector, TRAP_PAGE_FAULT);
	KT_EQ(seen_cr2, unmapped);
	KT_EQ(seen.error_code & (PF_PRESENT | PF_WRITE | PF_USER), PF_WRITE);
}

/*
 * Every exception vector without an error code, raised with `int n`, reaches
 * trap_dispatch() with that vector number: a gate missing from the IDT, or
 * pointing at the wrong stub, fails here.
 */
#define RAISE(n) case n: __asm__ __volatile__("int $" #n ::: "memory"); break
static void raise_vector(unsigned int v)
{
	switch (v) {
	RAISE(0); RAISE(1); RAISE(2); RAISE(3); RAISE(4); RAISE(5); RAISE(6); RAISE(7);
	RAISE(9); RAISE(15); RAISE(16); RAISE(18); RAISE(19); RAISE(20); RAISE(22);
	RAISE(23); RAISE(24); RAISE(25); RAISE(26); RAISE(27); RAISE(28); RAISE(31);
	}
}

KTEST(traps_every_vector_without_error_code_reaches_dispatcher)
{
	static const unsigned int vectors[] = { 0, 1, 2, 3, 4, 5, 6, 7, 9, 15, 16, 18, 19, 20,
						22, 23, 24, 25, 26, 27, 28, 31 };

	for (unsigned int i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		unsigned int v = vectors[i];
		trap_handler_t old = trap_set_handler(v, record_and_return);

		seen_count = 0;
		memset(&seen, 0, sizeof(seen));
		raise_vector(v);
		trap_set_handler(v, old);
		if (seen_count != 1 || seen.vector != v) {
			ktest_fail(__FILE__, __LINE__, "int $%u: handler ran %d times, saw vector %llu",
				   v, seen_count, (unsigned long long)seen.vector);
			return;
		}
	}
}

/* The IDT the CPU uses (read through IDTR) has a present gate for every vector, at its stub. */
KTEST(idt_every_gate_present_and_points_at_its_stub)
{
	for (unsigned int v = 0; v < TRAP_VECTORS; v++) {
		int present, dpl, ist;
		uint64_t target = idt_gate_target(v, &present, &dpl, &ist);
		int want_ist = v == TRAP_DOUBLE_FAULT ? IST_DOUBLE_FAULT :
			       v == TRAP_NMI ? IST_NMI :
			       v == TRAP_MACHINE_CHECK ? IST_MACHINE_CHECK : 0;
		int want_dpl = v == TRAP_BREAKPOINT || v == TRAP_OVERFLOW ? 3 : 0;

		if (!present || target != trap_stub_table[v] || ist != want_ist || dpl != want_dpl) {
			ktest_fail(__FILE__, __LINE__,
				   "vector %u: present %d target %#llx (stub %#llx) ist %d dpl %d",
				   v, present, (unsigned long long)target,
				   (unsigned long long)trap_stub_table[v], ist, dpl);
			return;
		}
	}
}
