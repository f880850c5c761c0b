/*
 * sigsuspend(2) replaces the mask while it waits, returns -1 EINTR after a
 * handler ran, and puts the old mask back; a signal still blocked by the
 * temporary mask stays pending.  pause(2) returns -1 EINTR after a handler;
 * an ignored signal does not wake it.
 */
#include "../contract.h"

static volatile int got_usr1, got_usr2;
static int watch[] = { SIGUSR1, SIGUSR2, SIGINT };

static void handler(int sig, siginfo_t *si, void *uc)
{
	if (sig == SIGUSR1)
		got_usr1++;
	else
		got_usr2++;
}

int main(void)
{
	sigset_t only_usr2, p;
	int r;

	on_signal(SIGUSR1, handler, 0, NULL);
	on_signal(SIGUSR2, handler, 0, NULL);
	block(SIGUSR1, SIG_BLOCK);
	block(SIGUSR2, SIG_BLOCK);
	raise(SIGUSR1);
	raise(SIGUSR2);
	/* Wait with only SIGUSR2 blocked: SIGUSR1 is taken, SIGUSR2 waits. */
	sigemptyset(&only_usr2);
	sigaddset(&only_usr2, SIGUSR2);
	r = sigsuspend(&only_usr2);
	printf("sigsuspend: %d %s, SIGUSR1 handled %d, SIGUSR2 handled %d\n", r, errno_name(errno),
	       got_usr1, got_usr2);
	printf("mask after: %s\n", mask_text(watch, 3));
	sigpending(&p);
	printf("SIGUSR2 still pending: %s\n", yes(sigismember(&p, SIGUSR2)));
	block(SIGUSR2, SIG_UNBLOCK);
	printf("SIGUSR2 handled on unblock: %d\n", got_usr2);

	/* pause: a child sends SIGUSR2 (handled) after SIGURG (ignored by default). */
	block(SIGUSR1, SIG_UNBLOCK);
	pid_t parent = getpid(), child = fork();

	if (child == 0) {
		usleep(50000);
		kill(parent, SIGURG);
		usleep(50000);
		kill(parent, SIGUSR2);
		_exit(0);
	}
	got_usr2 = 0;
	r = pause();
	printf("pause: %d %s, SIGUSR2 handled %d\n", r, errno_name(errno), got_usr2);
	waitpid(child, NULL, 0);
	return 0;
}
