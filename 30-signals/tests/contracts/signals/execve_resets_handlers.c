/*
 * execve keeps ignored signals ignored and the signal mask, resets caught
 * signals to the default, and keeps pending signals (execve(2), signal(7)
 * "Signal mask and pending signals").  The test re-executes itself with an
 * argument to look from the other side.
 */
#include "../contract.h"

static void handler(int sig, siginfo_t *si, void *uc)
{
}

static const char *disposition(int sig)
{
	struct sigaction sa;

	sigaction(sig, NULL, &sa);
	return sa.sa_handler == SIG_DFL ? "default" : sa.sa_handler == SIG_IGN ? "ignored" : "caught";
}

int main(int argc, char **argv)
{
	int watch[] = { SIGUSR1, SIGUSR2, SIGINT, SIGTERM };

	if (argc > 1) {
		sigset_t p;

		sigpending(&p);
		printf("after execve: SIGUSR1 %s, SIGUSR2 %s, SIGTERM %s\n", disposition(SIGUSR1),
		       disposition(SIGUSR2), disposition(SIGTERM));
		printf("after execve: mask %s, SIGINT still pending %s\n", mask_text(watch, 4),
		       yes(sigismember(&p, SIGINT)));
		return 0;
	}
	on_signal(SIGUSR1, handler, 0, NULL);
	set_disposition(SIGUSR2, SIG_IGN);
	on_signal(SIGTERM, handler, SA_RESTART, NULL);
	block(SIGINT, SIG_BLOCK);
	raise(SIGINT);
	printf("before execve: SIGUSR1 %s, SIGUSR2 %s, SIGTERM %s, mask %s\n", disposition(SIGUSR1),
	       disposition(SIGUSR2), disposition(SIGTERM), mask_text(watch, 4));
	fflush(stdout);
	execl("/proc/self/exe", argv[0], "again", (char *)NULL);
	execl(argv[0], argv[0], "again", (char *)NULL);
	setup_failed("execl");
}
