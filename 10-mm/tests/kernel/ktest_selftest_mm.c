/*
 * ktest_selftest_mm.c - manual tests that end the kernel on purpose; run by
 * 10-mm/tests/check.sh, which checks what they print.
 */
#include <ktest.h>
#include <kstack.h>

/* Each call takes a page of stack, so the guard page is reached quickly.
 * Global: the test calls it from inline assembly, on the new stack. */
int selftest_recurse(int depth);
/* A big frame is the point here: exempt it from the build's 2 KiB limit. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wframe-larger-than="
__attribute__((noinline)) int selftest_recurse(int depth)
{
	volatile char pad[4096];

	pad[0] = (char)depth;
	if (depth > 1000000)	/* never: 16 KiB of stack end long before */
		return 0;
	return selftest_recurse(depth + 1) + pad[0];
}
#pragma GCC diagnostic pop

/*
 * Overflow a guarded kernel stack.  The write into the guard page faults;
 * the CPU cannot push the page fault's frame onto the same dead stack and
 * raises a double fault, which runs on its own IST stack and is reported.
 */
KTEST_MANUAL(selftest_kernel_stack_overflow_is_reported)
{
	uint64_t top = kstack_alloc();

	KT_ASSERT(top);
	__asm__ __volatile__("movq %0, %%rsp\n\t"
			     "xorl %%edi, %%edi\n\t"
			     "call selftest_recurse"
			     : : "r"(top) : "memory");
}
