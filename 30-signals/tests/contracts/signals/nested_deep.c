/*
 * Nesting has no fixed limit: a SA_NODEFER handler that raises its own
 * signal again nests 50 deep, every level returns to the one it interrupted,
 * and the local variables of each level are intact afterwards.
 */
#include "../contract.h"

static volatile int depth, deepest, broken;

static void again(int sig, siginfo_t *si, void *uc)
{
	volatile int mine = depth + 1000;
	double f = depth * 1.5;

	depth++;
	if (depth > deepest)
		deepest = depth;
	if (depth < 50)
		raise(SIGUSR1);
	if (mine != depth - 1 + 1000 || f != (depth - 1) * 1.5)
		broken++;
	depth--;
}

int main(void)
{
	on_signal(SIGUSR1, again, SA_NODEFER, NULL);
	raise(SIGUSR1);
	printf("deepest %d, back at %d, levels with damaged locals %d\n", deepest, depth, broken);
	return 0;
}
