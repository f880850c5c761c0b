/*
 * Process groups and sessions (man 2 setpgid, man 2 setsid): a child
 * starts in its parent's group and session; setpgid(0, 0) makes it a group
 * leader; setsid() fails with EPERM for a group leader and otherwise makes
 * a new session and group named after the caller.
 */
#include "../contract.h"

static void child_body(void *arg)
{
	pid_t parent_pgid = *(pid_t *)arg;
	pid_t me = getpid();

	printf("child starts in the parent's group: %s\n", yes(getpgid(0) == parent_pgid));
	printf("getpgrp equals getpgid(0): %s\n", yes(getpgrp() == getpgid(0)));
	printf("child's session is the parent's: %s\n", yes(getsid(0) == getsid(getppid())));
	show_ok("setpgid(0, 0)", setpgid(0, 0));
	printf("now its own group leader: %s\n", yes(getpgid(0) == me));
	show("setsid as a group leader", setsid());
	show("getpgid of a missing pid", getpgid(0x3ffffff0));
	show("setpgid with a negative pgid", setpgid(0, -1));
}

static void grandchild_body(void *arg)
{
	pid_t me = getpid();

	printf("setsid returns the new session id (our pid): %s\n", yes(setsid() == me));
	printf("getsid(0) is our pid: %s\n", yes(getsid(0) == me));
	printf("getpgid(0) is our pid: %s\n", yes(getpgid(0) == me));
	show("setpgid into a group of another session", setpgid(0, getppid()));
	show("setsid again", setsid());
}

int main(void)
{
	pid_t pgid = getpgid(0);
	int status;

	printf("getpgid(0) equals getpgid(getpid()): %s\n", yes(pgid == getpgid(getpid())));
	status = run_child(child_body, &pgid);
	printf("child %s\n", status_text(status));
	status = run_child(grandchild_body, NULL);
	printf("child %s\n", status_text(status));

	/* A parent may move its child into the child's own group. */
	int fds[2];
	char c;
	pid_t pid;

	if (pipe(fds) < 0)
		setup_failed("pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(getpgid(0) == getpid() ? 0 : 1);
	}
	close(fds[0]);
	show_ok("parent's setpgid(child, child)", setpgid(pid, pid));
	printf("getpgid(child) is the child: %s\n", yes(getpgid(pid) == pid));
	close(fds[1]);
	waitpid(pid, &status, 0);
	printf("child saw its new group: %s\n", yes(WIFEXITED(status) && WEXITSTATUS(status) == 0));
	return 0;
}
