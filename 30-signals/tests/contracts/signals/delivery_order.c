/*
 * Pending signals are delivered lowest number first, real-time signals as
 * often as they were queued and in the order sent; when several become
 * deliverable at once, Linux sets up one frame on top of the other, so the
 * handler that runs first is the one set up last (signal(7), sigqueue(3)).
 * A standard signal sent twice while blocked is delivered once.
 */
#include "../contract.h"

static int order[32], count;
static int values[32];

static void record(int sig, siginfo_t *si, void *uc)
{
	if (count < 32) {
		values[count] = si->si_code == SI_QUEUE ? si->si_value.sival_int : -1;
		order[count++] = sig;
	}
}

static void show_order(const char *label)
{
	printf("%s:", label);
	for (int i = 0; i < count; i++) {
		if (order[i] >= SIGRTMIN)
			printf(" RTMIN+%d(%d)", order[i] - SIGRTMIN, values[i]);
		else
			printf(" %s", signal_name(order[i]));
	}
	printf("\n");
	count = 0;
}

int main(void)
{
	sigset_t all, none;
	int sigs[] = { SIGUSR2, SIGUSR1, SIGINT, SIGTERM };

	sigfillset(&all);
	sigemptyset(&none);
	/* Handlers that block everything: each runs to the end before the next starts. */
	for (int i = 0; i < 4; i++)
		on_signal(sigs[i], record, 0, &all);
	on_signal(SIGRTMIN, record, 0, &all);
	on_signal(SIGRTMIN + 1, record, 0, &all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	for (int i = 0; i < 4; i++)
		kill(getpid(), sigs[i]);
	kill(getpid(), SIGUSR1);	/* a second SIGUSR1 merges with the first */
	for (int v = 1; v <= 3; v++) {
		union sigval val = { .sival_int = v };

		sigqueue(getpid(), SIGRTMIN + 1, val);
		val.sival_int = 10 + v;
		sigqueue(getpid(), SIGRTMIN, val);
	}
	sigset_t pending;

	sigpending(&pending);
	printf("pending before unblock: USR1 %s USR2 %s RTMIN %s\n",
	       yes(sigismember(&pending, SIGUSR1)), yes(sigismember(&pending, SIGUSR2)),
	       yes(sigismember(&pending, SIGRTMIN)));
	show_order("delivered while blocked");
	sigprocmask(SIG_SETMASK, &none, NULL);
	show_order("delivered at unblock");
	sigpending(&pending);
	printf("pending after: USR1 %s\n", yes(sigismember(&pending, SIGUSR1)));

	/* Handlers that block nothing: the frames stack, the last one set up runs first. */
	for (int i = 0; i < 4; i++)
		on_signal(sigs[i], record, 0, NULL);
	sigprocmask(SIG_SETMASK, &all, NULL);
	for (int i = 0; i < 4; i++)
		kill(getpid(), sigs[i]);
	sigprocmask(SIG_SETMASK, &none, NULL);
	show_order("stacked handlers ran");
	return 0;
}
