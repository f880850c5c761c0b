/*
 * A futex in MAP_SHARED memory works between processes (no
 * FUTEX_PRIVATE_FLAG): a child sleeps in FUTEX_WAIT on the shared word
 * and the parent's FUTEX_WAKE wakes it (man 2 futex).
 */
#include <time.h>
#include "../contract.h"

int main(void)
{
	volatile int *shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long woke = 0;
	int status, tries;
	pid_t pid;

	if (shared == MAP_FAILED)
		setup_failed("mmap");
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		shared[1] = 1;	/* ready */
		while (shared[0] == 0)
			futex(&shared[0], FUTEX_WAIT, 0, NULL);
		_exit(shared[0] == 5 ? 0 : 1);
	}
	while (shared[1] == 0)
		sched_yield();
	/* The child may not be asleep yet: wake until someone was woken. */
	for (tries = 0; tries < 2000 && woke == 0; tries++) {
		struct timespec pause = { 0, 1000000 };

		nanosleep(&pause, NULL);
		woke = futex(&shared[0], FUTEX_WAKE, 1, NULL);
	}
	shared[0] = 5;
	futex(&shared[0], FUTEX_WAKE, 1, NULL);
	waitpid(pid, &status, 0);
	printf("FUTEX_WAKE from the parent woke the child: %s\n", yes(woke == 1));
	printf("child %s\n", status_text(status));
	return 0;
}
