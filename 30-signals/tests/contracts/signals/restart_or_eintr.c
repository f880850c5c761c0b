/*
 * A signal handled during a blocking syscall: without SA_RESTART the call
 * fails with EINTR; with SA_RESTART read and wait4 run again, while
 * nanosleep, pause and a futex wait with a timeout still fail with EINTR,
 * and nanosleep reports the time left (signal(7) "Interruption of system
 * calls and library functions by signal handlers", nanosleep(2)).
 */
#include "../contract.h"
#include <sys/time.h>

static int pipefd[2];
static volatile int ran;

static void feed(int sig, siginfo_t *si, void *uc)
{
	ran++;
	/* A restarted read finds this byte; an interrupted one never sees it. */
	if (write(pipefd[1], "x", 1) != 1)
		_exit(99);
}

static void tick(int sig, siginfo_t *si, void *uc)
{
	ran++;
}

/* SIGALRM in 50 ms. */
static void alarm_soon(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

static void try_read(int flags)
{
	char c;
	ssize_t r;

	if (pipe(pipefd))
		setup_failed("pipe");
	on_signal(SIGALRM, feed, flags, NULL);
	ran = 0;
	alarm_soon();
	r = read(pipefd[0], &c, 1);
	printf("read on an empty pipe, %s: %s, handler ran %d\n",
	       flags ? "SA_RESTART" : "no SA_RESTART",
	       r == 1 ? "restarted and read the byte" : r < 0 ? errno_name(errno) : "other", ran);
	close(pipefd[0]);
	close(pipefd[1]);
}

static void try_wait(int flags)
{
	pid_t child = fork();
	int status;

	if (child == 0) {
		usleep(200000);
		_exit(5);
	}
	on_signal(SIGALRM, tick, flags, NULL);
	alarm_soon();
	pid_t r = waitpid(child, &status, 0);

	printf("waitpid, %s: %s\n", flags ? "SA_RESTART" : "no SA_RESTART",
	       r == child ? status_text(status) : errno_name(errno));
	if (r != child)
		waitpid(child, &status, 0);
}

int main(void)
{
	struct timespec req = { 2, 0 }, rem = { 0, 0 };
	int r;

	try_read(0);
	try_read(SA_RESTART);
	try_wait(0);
	try_wait(SA_RESTART);

	on_signal(SIGALRM, tick, SA_RESTART, NULL);
	alarm_soon();
	r = nanosleep(&req, &rem);
	printf("nanosleep(2 s), SA_RESTART: %d %s, time left between 1 and 2 s: %s\n", r,
	       r ? errno_name(errno) : "", yes(rem.tv_sec == 1 && rem.tv_nsec > 0));

	alarm_soon();
	r = pause();
	printf("pause, SA_RESTART: %d %s\n", r, errno_name(errno));

	volatile int word = 0;
	struct timespec ft = { 5, 0 };

	alarm_soon();
	r = syscall(SYS_futex, &word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, &ft, NULL, 0);
	printf("futex wait with a timeout, SA_RESTART: %d %s\n", r, errno_name(errno));
	return 0;
}
