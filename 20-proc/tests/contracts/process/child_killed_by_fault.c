/*
 * A child that faults, with no handler installed, is killed by the signal
 * the fault raises, and its parent sees it in the wait status
 * (WIFSIGNALED, WTERMSIG): a write to address 0, to a read-only page, or a
 * jump into the kernel's half is SIGSEGV; ud2 is SIGILL.
 */
#include "../contract.h"

static void write_null(void *arg)
{
	*(volatile int *)0 = 1;
}

static void undefined_opcode(void *arg)
{
	__asm__ volatile("ud2");
}

static void write_readonly(void *arg)
{
	static const int constant = 5;

	*(volatile int *)&constant = 6;
}

static void jump_to_kernel(void *arg)
{
	((void (*)(void))KERNEL_ADDR)();
}

int main(void)
{
	int status;

	status = run_child(write_null, NULL);
	printf("write to NULL: %s (WIFSIGNALED %s)\n", status_text(status),
	       yes(WIFSIGNALED(status)));
	status = run_child(undefined_opcode, NULL);
	printf("ud2: %s\n", status_text(status));
	status = run_child(write_readonly, NULL);
	printf("write to .rodata: %s\n", status_text(status));
	status = run_child(jump_to_kernel, NULL);
	printf("jump to a kernel address: %s\n", status_text(status));
	return 0;
}
