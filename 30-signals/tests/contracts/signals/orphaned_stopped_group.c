/*
 * POSIX (and Linux's kill_orphaned_pgrp): when a process group becomes
 * orphaned - its last member with a parent outside the group but in the
 * same session exits - and one of its members is stopped, each member gets
 * SIGHUP and then SIGCONT.  Here a helper puts its child in a group of its
 * own, the child stops itself, and the helper exits: the child must be
 * woken by SIGHUP (which it catches and reports through a pipe) and go on.
 */
#include "../contract.h"

static int report;

static void on_hup(int sig, siginfo_t *si, void *uc)
{
	if (write(report, "H", 1) != 1)
		_exit(9);
}

static void on_cont(int sig, siginfo_t *si, void *uc)
{
	if (write(report, "C", 1) != 1)
		_exit(9);
}

int main(void)
{
	int fds[2];
	char got[8] = { 0 };
	pid_t helper;
	ssize_t n, total = 0;

	if (pipe(fds))
		setup_failed("pipe");
	helper = fork();
	if (helper == 0) {
		pid_t child = fork();

		if (child == 0) {
			report = fds[1];
			close(fds[0]);
			setpgid(0, 0);
			on_signal(SIGHUP, on_hup, 0, NULL);
			on_signal(SIGCONT, on_cont, 0, NULL);
			raise(SIGSTOP);
			/* Continued: say so and end. */
			if (write(report, "R", 1) != 1)
				_exit(9);
			_exit(0);
		}
		setpgid(child, child);
		int status;

		/* Wait until it has stopped, then leave it behind. */
		waitpid(child, &status, WUNTRACED);
		_exit(WIFSTOPPED(status) ? 0 : 1);
	}
	close(fds[1]);
	int status;

	waitpid(helper, &status, 0);
	printf("helper saw the child stopped: %s\n", yes(WIFEXITED(status) && WEXITSTATUS(status) == 0));
	alarm(10);
	while (total < 3 && (n = read(fds[0], got + total, sizeof(got) - 1 - (size_t)total)) > 0)
		total += n;
	printf("the orphaned child reported: %s\n", got);
	return 0;
}
