/*
 * A blocked signal stays pending (sigpending(2) shows it) and is delivered
 * as soon as it is unblocked, before sigprocmask returns; SIGKILL and
 * SIGSTOP cannot be blocked or caught; an invalid `how` is EINVAL
 * (sigprocmask(2), sigaction(2)).
 */
#include "../contract.h"

static volatile int got;

static void handler(int sig, siginfo_t *si, void *uc)
{
	got++;
}

int main(void)
{
	sigset_t set, old;
	int watch[] = { SIGUSR1, SIGKILL, SIGSTOP, SIGINT };
	struct sigaction sa;

	on_signal(SIGUSR1, handler, 0, NULL);
	block(SIGUSR1, SIG_BLOCK);
	printf("mask after block: %s\n", mask_text(watch, 4));
	raise(SIGUSR1);
	printf("handler ran while blocked: %s\n", yes(got));
	sigpending(&set);
	printf("pending: %s\n", yes(sigismember(&set, SIGUSR1)));
	block(SIGUSR1, SIG_UNBLOCK);
	printf("handler ran by the time unblock returned: %d\n", got);
	sigpending(&set);
	printf("pending after: %s\n", yes(sigismember(&set, SIGUSR1)));

	/* SIGKILL and SIGSTOP are quietly left out of any mask. */
	sigfillset(&set);
	sigprocmask(SIG_SETMASK, &set, &old);
	printf("mask after fill: %s\n", mask_text(watch, 4));
	sigprocmask(SIG_SETMASK, &old, NULL);

	show("sigprocmask(how 99)", syscall(SYS_rt_sigprocmask, 99, &set, NULL, 8));
	show("rt_sigprocmask(sigsetsize 4)", syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	show("sigaction(SIGKILL, ignore)", sigaction(SIGKILL, &sa, NULL));
	show("sigaction(SIGSTOP, ignore)", sigaction(SIGSTOP, &sa, NULL));
	show("sigaction(SIGKILL, query)", sigaction(SIGKILL, NULL, &sa));
	show("sigaction(0)", sigaction(0, &sa, NULL));
	show("sigaction(65)", syscall(SYS_rt_sigaction, 65, NULL, &sa, 8));
	show("sigaction(bad pointer)", syscall(SYS_rt_sigaction, SIGUSR1, KERNEL_ADDR, NULL, 8));

	/* A blocked signal whose disposition becomes "ignore" is discarded. */
	block(SIGUSR1, SIG_BLOCK);
	raise(SIGUSR1);
	set_disposition(SIGUSR1, SIG_IGN);
	sigpending(&set);
	printf("pending after ignoring it: %s\n", yes(sigismember(&set, SIGUSR1)));
	return 0;
}
