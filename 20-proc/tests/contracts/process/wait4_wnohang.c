/*
 * wait4(pid, WNOHANG) returns 0 while the child runs and its pid once it
 * has exited (man 2 wait).  The child blocks reading a pipe until the
 * parent closes the write end, so "running" is certain, not a race.
 */
#include "../contract.h"

int main(void)
{
	int fds[2], status = -1;
	pid_t pid, other;
	char c;

	if (pipe(fds) < 0)
		setup_failed("pipe");
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 0 ? 17 : 1);
	}
	close(fds[0]);
	show("wait4(pid, WNOHANG) while the child runs", wait4(pid, &status, WNOHANG, NULL));
	show("waitpid(-1, WNOHANG) while the child runs", waitpid(-1, &status, WNOHANG));
	show("wait4 of a pid that is not a child", wait4(1, &status, WNOHANG, NULL));
	show("wait4 with unknown option bits", wait4(pid, &status, 0x40000, NULL));

	close(fds[1]);		/* the child reads EOF and exits */
	printf("blocking wait4 returns the child: %s\n", yes(wait4(pid, &status, 0, NULL) == pid));
	printf("status: %s\n", status_text(status));
	show("wait4(WNOHANG) after reaping", wait4(pid, &status, WNOHANG, NULL));

	/* A zombie is collected by WNOHANG without blocking. */
	pid = fork();
	if (pid == 0)
		_exit(4);
	/* Blocking wait for a different child: none, so this reaps pid. */
	other = waitpid(-1, &status, 0);
	printf("waitpid(-1) reaps the only child: %s, %s\n", yes(other == pid), status_text(status));
	return 0;
}
