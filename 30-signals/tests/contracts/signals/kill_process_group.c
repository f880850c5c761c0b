/*
 * kill(2) to a process group: kill(-pgrp) reaches every member; kill(0)
 * reaches the caller's own group (the caller included); a group with no
 * members is ESRCH; signal 0 only checks; a negative signal is EINVAL.
 */
#include "../contract.h"

static volatile int got;

static void handler(int sig, siginfo_t *si, void *uc)
{
	got++;
}

int main(void)
{
	pid_t kids[3];
	int killed = 0, status;
	pid_t pgrp;

	on_signal(SIGUSR1, handler, 0, NULL);
	/* Three children in a group of their own, led by the first. */
	for (int i = 0; i < 3; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			setpgid(0, i == 0 ? 0 : kids[0]);
			for (;;)
				pause();
		}
		setpgid(kids[i], kids[0]);
	}
	pgrp = kids[0];
	show("kill(-pgrp, 0)", kill(-pgrp, 0));
	show("kill(-pgrp, SIGTERM)", kill(-pgrp, SIGTERM));
	for (int i = 0; i < 3; i++) {
		waitpid(kids[i], &status, 0);
		killed += WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM;
	}
	printf("children killed by SIGTERM: %d of 3\n", killed);
	show("kill(-pgrp) after they are gone", kill(-pgrp, SIGTERM));

	/* kill(0, sig): our own group, ourselves included; a child in the group too. */
	setpgid(0, 0);
	pid_t child = fork();

	if (child == 0) {
		got = 0;
		sigset_t none;

		sigemptyset(&none);
		while (!got)
			sigsuspend(&none);
		_exit(got);
	}
	usleep(50000);
	got = 0;
	show("kill(0, SIGUSR1)", kill(0, SIGUSR1));
	waitpid(child, &status, 0);
	printf("we got it %d time(s); the child in our group: %s\n", got, status_text(status));
	show("kill(-1 000 000, SIGUSR1)", kill(-1000000, SIGUSR1));
	show("kill(self, -1)", kill(getpid(), -1));
	return 0;
}
