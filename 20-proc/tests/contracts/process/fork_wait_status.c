/*
 * fork() returns the child's pid to the parent and 0 to the child; wait4()
 * returns that pid with the child's exit code in WEXITSTATUS (only its low
 * 8 bits: exit(256 + 7) is 7), and the children are reaped in any order.
 * Afterwards there is nothing left to wait for: ECHILD (man 2 wait).
 */
#include "../contract.h"

int main(void)
{
	static const int codes[] = { 0, 1, 42, 255, 256 + 7 };
	pid_t self = getpid();
	int i;

	for (i = 0; i < 5; i++) {
		int status = 0;
		pid_t pid = fork();

		if (pid < 0)
			setup_failed("fork");
		if (pid == 0)
			_exit(codes[i]);
		printf("child pid differs from parent: %s\n", yes(pid != self && pid > 0));
		printf("wait4 returns the child's pid: %s\n", yes(wait4(pid, &status, 0, NULL) == pid));
		printf("exit(%d): WIFEXITED %s, WEXITSTATUS %d, WIFSIGNALED %s\n",
		       codes[i], yes(WIFEXITED(status)), WEXITSTATUS(status),
		       yes(WIFSIGNALED(status)));
	}

	/* Three children at once, reaped by wait(-1) in whatever order. */
	int seen = 0;
	for (i = 0; i < 3; i++) {
		pid_t pid = fork();

		if (pid < 0)
			setup_failed("fork");
		if (pid == 0)
			_exit(10 + i);
	}
	for (i = 0; i < 3; i++) {
		int status;

		if (wait(&status) > 0 && WIFEXITED(status))
			seen |= 1 << (WEXITSTATUS(status) - 10);
	}
	printf("three children reaped with codes 10, 11, 12: %s\n", yes(seen == 7));
	show("wait with no children", wait(NULL));
	return 0;
}
