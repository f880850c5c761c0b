/*
 * Traps other than page faults kill a child with no handler by their own
 * signals: int3 is SIGTRAP and an integer division by zero is SIGFPE.
 */
#include "../contract.h"

static void breakpoint(void *arg)
{
	__asm__ volatile("int3");
}

static void divide_by_zero(void *arg)
{
	/* In assembly: the compiler turns 1 / x into compares, no divide. */
	__asm__ volatile("xor %%ecx, %%ecx\n\tmov $1, %%eax\n\tcltd\n\tidivl %%ecx"
			 ::: "eax", "ecx", "edx");
}

int main(void)
{
	int status;

	status = run_child(breakpoint, NULL);
	printf("int3: %s\n", status_text(status));
	status = run_child(divide_by_zero, NULL);
	printf("divide by zero: %s\n", status_text(status));
	return 0;
}
