/*
 * A child's end sends SIGCHLD to its parent with si_code CLD_EXITED and the
 * exit code, or CLD_KILLED and the signal; waitid(2) reports the same
 * si_code and si_status; WNOWAIT leaves the child waitable; with SIGCHLD
 * ignored (SIG_IGN, or SA_NOCLDWAIT) children are reaped at once and wait
 * fails with ECHILD (sigaction(2), wait(2)).
 */
#include "../contract.h"

static siginfo_t last;
static volatile int chld;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	last = *si;
	chld++;
}

static void wait_for_sigchld(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (!chld)
		sigsuspend(&none);
	chld = 0;
}

int main(void)
{
	siginfo_t wi;
	pid_t child;

	block(SIGCHLD, SIG_BLOCK);
	on_signal(SIGCHLD, on_chld, 0, NULL);
	child = fork();
	if (child == 0)
		_exit(7);
	wait_for_sigchld();
	printf("SIGCHLD: %s status %d, pid is the child %s\n", cld_name(last.si_code),
	       last.si_status, yes(last.si_pid == child));
	memset(&wi, 0, sizeof(wi));
	show("waitid(WEXITED|WNOWAIT)", waitid(P_PID, child, &wi, WEXITED | WNOWAIT));
	printf("waitid: %s status %d\n", cld_name(wi.si_code), wi.si_status);
	memset(&wi, 0, sizeof(wi));
	show("waitid(WEXITED) again", waitid(P_PID, child, &wi, WEXITED));
	printf("waitid: %s status %d, pid is the child %s\n", cld_name(wi.si_code), wi.si_status,
	       yes(wi.si_pid == child));

	child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	kill(child, SIGTERM);
	wait_for_sigchld();
	printf("SIGCHLD: %s status %s\n", cld_name(last.si_code), signal_name(last.si_status));
	memset(&wi, 0, sizeof(wi));
	waitid(P_PID, child, &wi, WEXITED);
	printf("waitid: %s status %s\n", cld_name(wi.si_code), signal_name(wi.si_status));

	/* SIGCHLD ignored: no zombie, wait says ECHILD once the child is gone. */
	set_disposition(SIGCHLD, SIG_IGN);
	block(SIGCHLD, SIG_UNBLOCK);
	child = fork();
	if (child == 0)
		_exit(3);
	int status;
	pid_t r = waitpid(child, &status, 0);

	printf("SIGCHLD ignored: waitpid %s\n", r < 0 ? errno_name(errno) : "returned the child");

	/* SA_NOCLDWAIT with a handler: the handler runs, and still no zombie. */
	on_signal(SIGCHLD, on_chld, SA_NOCLDWAIT, NULL);
	block(SIGCHLD, SIG_BLOCK);
	child = fork();
	if (child == 0)
		_exit(4);
	wait_for_sigchld();
	r = waitpid(child, &status, 0);
	printf("SA_NOCLDWAIT: handler ran, waitpid %s\n", r < 0 ? errno_name(errno) : "returned the child");
	return 0;
}
