/*
 * rows.c - layer 30's rows of strata-bench (tools/bench/bench.h): what a
 * signal costs, on this kernel and on Linux (make bench).
 *
 * - a signal a process sends itself and handles: kill, the frame on the user
 *   stack, the handler, rt_sigreturn;
 * - a signal round trip between two processes: SIGUSR1 there, SIGUSR2 back,
 *   each side waiting in sigsuspend (what a lost wake-up would stall).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench.h"

static volatile sig_atomic_t handled;
static pid_t partner;

static void count(int sig)
{
	(void)sig;
	handled++;
}

static void reply(int sig)
{
	(void)sig;
	handled++;
	kill(getppid(), SIGUSR2);
}

static int catch_with(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) != 0) {
		bench_fail("sigaction");
		return -1;
	}
	return 0;
}

static int self_setup(void)
{
	return catch_with(SIGUSR1, count);
}

static uint64_t self_run(long n)
{
	pid_t me = getpid();
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++)
		kill(me, SIGUSR1);
	return bench_now_ns() - t0;
}

static void self_cleanup(void)
{
	signal(SIGUSR1, SIG_DFL);
}

/* The partner answers every SIGUSR1 with a SIGUSR2, until it is killed. */
static int pingpong_setup(void)
{
	sigset_t block;

	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	sigaddset(&block, SIGUSR1);
	if (catch_with(SIGUSR2, count) || catch_with(SIGUSR1, reply))
		return -1;
	/* Blocked outside sigsuspend, so an answer cannot come between the check and the wait. */
	sigprocmask(SIG_BLOCK, &block, NULL);
	partner = fork();
	if (partner < 0) {
		bench_fail("fork");
		return -1;
	}
	if (partner == 0) {
		sigset_t wait_usr1;

		sigfillset(&wait_usr1);
		sigdelset(&wait_usr1, SIGUSR1);
		sigdelset(&wait_usr1, SIGTERM);
		for (;;)
			sigsuspend(&wait_usr1);
	}
	return 0;
}

static uint64_t pingpong_run(long n)
{
	sigset_t wait_usr2;
	uint64_t t0;

	sigfillset(&wait_usr2);
	sigdelset(&wait_usr2, SIGUSR2);
	handled = 0;
	t0 = bench_now_ns();
	for (long i = 1; i <= n; i++) {
		kill(partner, SIGUSR1);
		while (handled < i)
			sigsuspend(&wait_usr2);
	}
	return bench_now_ns() - t0;
}

static void pingpong_cleanup(void)
{
	sigset_t block;

	if (partner > 0) {
		kill(partner, SIGKILL);
		waitpid(partner, NULL, 0);
		partner = 0;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static const struct bench_row rows[] = {
	{ .name = "signal_self", .title = "signal to self, handled", .op = "signal",
	  .setup = self_setup, .run = self_run, .cleanup = self_cleanup },
	{ .name = "signal_pingpong", .title = "signal ping-pong, 2 processes", .op = "round trip",
	  .setup = pingpong_setup, .run = pingpong_run, .cleanup = pingpong_cleanup },
};
BENCH_ROWS(rows);
