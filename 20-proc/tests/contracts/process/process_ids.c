/*
 * getpid(), getppid(), gettid(): a child has a new pid, its getppid() is
 * its parent's pid, and a single-threaded process's tid is its pid.
 * set_tid_address() returns the caller's tid.
 */
#include "../contract.h"

int main(void)
{
	pid_t self = getpid();
	int fds[2], status;
	pid_t pid, child_view[3];

	printf("gettid equals getpid: %s\n", yes(syscall(SYS_gettid) == self));
	printf("set_tid_address returns the tid: %s\n",
	       yes(syscall(SYS_set_tid_address, NULL) == self));
	printf("getpid is positive: %s\n", yes(self > 0));
	printf("getppid differs from getpid: %s\n", yes(getppid() != self));
	if (pipe(fds) < 0)
		setup_failed("pipe");
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		child_view[0] = getpid();
		child_view[1] = getppid();
		child_view[2] = syscall(SYS_gettid);
		write(fds[1], child_view, sizeof(child_view));
		_exit(0);
	}
	if (read(fds[0], child_view, sizeof(child_view)) != sizeof(child_view))
		setup_failed("read");
	waitpid(pid, &status, 0);
	printf("child's getpid is fork's return value: %s\n", yes(child_view[0] == pid));
	printf("child's getppid is the parent: %s\n", yes(child_view[1] == self));
	printf("child's gettid is its pid: %s\n", yes(child_view[2] == pid));
	printf("parent's pid unchanged: %s\n", yes(getpid() == self));
	return 0;
}
