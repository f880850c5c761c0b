/*
 * clone() by hand, the way a thread library does it: a new stack,
 * CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|
 * CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID.  The kernel stores the new tid
 * at parent_tid before the parent resumes, and on the thread's exit writes
 * 0 to child_tid and wakes futex waiters there (man 2 clone,
 * set_tid_address).  The thread calls the exit syscall itself (only the
 * thread ends), so it needs no C library state.
 */
#include "../contract.h"

#define CLONE_THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			    CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
			    CLONE_CHILD_CLEARTID)

static volatile int parent_tid;
static volatile int child_tid = -1;
static volatile int shared_value;

/*
 * Raw clone: the thread starts on STACK with no C library around it, so it
 * stores a value and exits in assembly, touching no stack.  Returns the
 * tid to the parent.  Arguments: rdi flags, rsi stack, rdx parent_tid,
 * r10 child_tid, r8 tls (unused: no CLONE_SETTLS).
 */
static long raw_clone_thread(unsigned long flags, void *stack)
{
	register volatile int *ctid __asm__("r10") = &child_tid;
	register long tls __asm__("r8") = 0;
	long ret;

	__asm__ volatile(
		"syscall\n\t"
		"test %%rax, %%rax\n\t"
		"jnz 1f\n\t"
		"movl $1234, %[val]\n\t"
		"mov $60, %%eax\n\t"	/* exit(0): this thread only */
		"xor %%edi, %%edi\n\t"
		"syscall\n\t"
		"hlt\n"
		"1:"
		: "=a"(ret), [val] "=m"(shared_value)
		: "a"((long)SYS_clone), "D"(flags), "S"(stack), "d"(&parent_tid),
		  "r"(ctid), "r"(tls)
		: "rcx", "r11", "memory");
	return ret;
}

int main(void)
{
	char *stack = map_pages(16);
	long tid;
	int loops = 0;

	child_tid = -1;
	tid = raw_clone_thread(CLONE_THREAD_FLAGS, stack + 16 * PAGE);
	printf("clone returned a tid: %s\n", yes(tid > 0));
	printf("tid differs from the process id: %s\n", yes(tid != getpid()));
	printf("parent_tid holds the tid: %s\n", yes(parent_tid == tid));

	/* Wait until the kernel clears child_tid; the wait itself is the test. */
	while (child_tid != 0) {
		int seen = child_tid;

		if (seen != 0)
			futex(&child_tid, FUTEX_WAIT, seen, NULL);
		if (++loops > 100000)
			break;
	}
	printf("child_tid cleared at thread exit: %s\n", yes(child_tid == 0));
	printf("thread's store is visible: %s\n", yes(shared_value == 1234));
	show("wait: threads are not children", wait(NULL));
	return 0;
}
