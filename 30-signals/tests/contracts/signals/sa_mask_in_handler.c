/*
 * While a handler runs, the signal itself (unless SA_NODEFER) and its
 * sa_mask are blocked; when it returns the mask is what it was.
 * SA_RESETHAND puts the default back once the handler is entered
 * (sigaction(2)).
 */
#include "../contract.h"

static int watch[] = { SIGUSR1, SIGUSR2, SIGINT, SIGTERM };
static char inside[4][128];
static volatile int depth, max_depth, calls;

static void handler(int sig, siginfo_t *si, void *uc)
{
	int slot = sig == SIGUSR1 ? 0 : sig == SIGUSR2 ? 1 : 2;

	snprintf(inside[slot], sizeof(inside[slot]), "%s", mask_text(watch, 4));
	calls++;
	if (++depth > max_depth)
		max_depth = depth;
	/* With SA_NODEFER the same signal nests once more. */
	if (sig == SIGUSR2 && depth == 1)
		raise(SIGUSR2);
	depth--;
}

static void raise_term(void *arg)
{
	raise(SIGTERM);
}

int main(void)
{
	sigset_t m;
	struct sigaction sa;

	sigemptyset(&m);
	sigaddset(&m, SIGINT);
	on_signal(SIGUSR1, handler, 0, &m);
	raise(SIGUSR1);
	printf("in SIGUSR1 handler (sa_mask SIGINT): %s\n", inside[0]);
	printf("after it: %s\n", mask_text(watch, 4));

	on_signal(SIGUSR2, handler, SA_NODEFER, NULL);
	raise(SIGUSR2);
	printf("in SIGUSR2 handler (SA_NODEFER): %s, nested depth %d\n", inside[1], max_depth);

	calls = 0;
	on_signal(SIGTERM, handler, SA_RESETHAND, NULL);
	raise(SIGTERM);
	sigaction(SIGTERM, NULL, &sa);
	printf("SA_RESETHAND: ran %d, disposition now default %s\n", calls,
	       yes(sa.sa_handler == SIG_DFL));
	int status = run_child(raise_term, NULL);

	printf("SIGTERM with the default: %s\n", status_text(status));
	return 0;
}
