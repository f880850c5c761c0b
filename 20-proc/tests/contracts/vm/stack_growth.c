/*
 * The main thread's stack grows on demand below its initial pages, as far
 * as RLIMIT_STACK allows (8 MiB by default): a 1 MiB and then a 6 MiB deep
 * use works, touched from the top down as calls would (man 2 getrlimit).
 */
#include "../contract.h"

static __attribute__((noinline)) long use_stack(size_t bytes)
{
	volatile char *buf = __builtin_alloca(bytes);
	long sum = 0;
	size_t i;

	/* From the top (nearest the caller) down, one byte a page. */
	for (i = bytes; i >= PAGE; i -= PAGE) {
		buf[i - 1] = 1;
		sum += buf[i - 1];
	}
	return sum;
}

static void deep(void *arg)
{
	printf("6 MiB of stack: %ld pages touched\n", use_stack(6 << 20));
}

int main(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < (8 << 20)) {
		printf("setup failed: RLIMIT_STACK below 8 MiB\n");
		return 1;
	}
	printf("1 MiB of stack: %ld pages touched\n", use_stack(1 << 20));
	printf("child using 6 MiB: %s\n", status_text(run_child(deep, NULL)));
	return 0;
}
