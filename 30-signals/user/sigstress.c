/*
 * sigstress - signals between two running processes, as fast as they go.
 *
 *   sigstress [ROUNDS]      (default 5000: 10 000 signals in all)
 *
 * The child spins in user mode; the parent sends it SIGUSR1 and waits in
 * sigsuspend(2) for the SIGUSR2 its handler sends back, ROUNDS times.  A
 * lost signal or a lost wake-up shows as a round that never completes: the
 * alarm ends the run and the counts say where it stopped.  Then the child
 * queues 1000 real-time signals with values 1..1000 and the parent takes
 * them with sigwaitinfo(2): every one must arrive, in order.
 * Prints one line per phase and exits 0 only if nothing was lost.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t replies, requests;
static pid_t parent;

static void on_request(int sig __attribute__((unused)))
{
	requests++;
	kill(parent, SIGUSR2);
}

static void on_reply(int sig __attribute__((unused)))
{
	replies++;
}

static void on_alarm(int sig __attribute__((unused)))
{
	char msg[96];
	int n = snprintf(msg, sizeof(msg), "sigstress: stuck after %d replies: a signal or wake-up was lost\n",
			 (int)replies);

	if (write(1, msg, (size_t)n) < 0)
		_exit(3);
	_exit(2);
}

static void handle(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(sig, &sa, NULL);
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 5000;
	sigset_t usr2, none, rt;
	int status, lost = 0;
	pid_t child;

	setvbuf(stdout, NULL, _IOLBF, 0);
	parent = getpid();
	handle(SIGUSR1, on_request);
	handle(SIGUSR2, on_reply);
	handle(SIGALRM, on_alarm);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigemptyset(&rt);
	sigaddset(&rt, SIGRTMIN);
	sigemptyset(&none);
	/* Blocked outside sigsuspend, so a reply cannot slip in between the check and the sleep. */
	sigprocmask(SIG_BLOCK, &usr2, NULL);
	sigprocmask(SIG_BLOCK, &rt, NULL);
	child = fork();
	if (child < 0) {
		perror("sigstress: fork");
		return 1;
	}
	if (child == 0) {
		volatile unsigned long spin = 0;

		while (requests < rounds)
			spin++;
		for (int v = 1; v <= 1000; v++) {
			union sigval val = { .sival_int = v };

			while (sigqueue(parent, SIGRTMIN, val) != 0)
				usleep(1000);	/* the queue is full: let the parent drain it */
		}
		_exit(0);
	}
	alarm(300);
	/* Waiting, only SIGUSR2 is let through: the child's real-time signals may come early. */
	sigprocmask(SIG_BLOCK, NULL, &none);
	sigdelset(&none, SIGUSR2);
	for (int i = 1; i <= rounds; i++) {
		kill(child, SIGUSR1);
		while (replies < i)
			sigsuspend(&none);
	}
	printf("sigstress: %d round trips, %d signals, lost 0\n", rounds, 2 * rounds);
	for (int v = 1; v <= 1000; v++) {
		siginfo_t si;

		if (sigwaitinfo(&rt, &si) != SIGRTMIN || si.si_value.sival_int != v) {
			lost++;
			break;
		}
	}
	alarm(0);
	waitpid(child, &status, 0);
	printf("sigstress: 1000 queued real-time signals, %s\n",
	       lost ? "lost or out of order" : "all in order");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		printf("sigstress: the child ended with status %#x\n", status);
	return lost || !WIFEXITED(status) || WEXITSTATUS(status) ? 1 : 0;
}
