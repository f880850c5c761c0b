/*
 * MAP_SHARED|MAP_ANONYMOUS memory stays shared across fork(): the child's
 * writes are seen by the parent, unlike MAP_PRIVATE memory (man 2 mmap).
 */
#include "../contract.h"

int main(void)
{
	volatile int *shared, *private;
	int status;
	pid_t pid;

	shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	private = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED || private == MAP_FAILED)
		setup_failed("mmap");
	printf("shared anonymous memory is zero: %s\n", yes(shared[0] == 0 && shared[1023] == 0));
	shared[0] = 1;
	private[0] = 1;
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		int ok = shared[0] == 1 && private[0] == 1;

		shared[0] = 2;
		shared[1023] = 3;
		private[0] = 2;
		_exit(ok ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	printf("child saw the parent's values: %s\n", yes(WIFEXITED(status) && !WEXITSTATUS(status)));
	printf("parent sees the child's writes to the shared page: %s\n",
	       yes(shared[0] == 2 && shared[1023] == 3));
	printf("parent's private page unchanged: %s\n", yes(private[0] == 1));

	/* And the child sees the parent's later writes (a pipe orders them). */
	int fds[2];
	char c;

	if (pipe(fds) < 0)
		setup_failed("pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(shared[5] == 77 ? 0 : 1);
	}
	close(fds[0]);
	shared[5] = 77;
	close(fds[1]);
	waitpid(pid, &status, 0);
	printf("child sees the parent's later write: %s\n", yes(WIFEXITED(status) && !WEXITSTATUS(status)));
	return 0;
}
