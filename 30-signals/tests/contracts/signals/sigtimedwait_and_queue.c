/*
 * sigtimedwait(2) takes a pending signal from the set without running its
 * handler and returns its siginfo; with nothing pending it waits, and
 * fails with EAGAIN at the timeout; sigwaitinfo takes the lowest signal
 * first.  rt_sigqueueinfo with a kernel si_code to another process is EPERM.
 */
#include "../contract.h"

static volatile int ran;

static void handler(int sig, siginfo_t *si, void *uc)
{
	ran++;
}

int main(void)
{
	sigset_t set;
	siginfo_t si;
	struct timespec ts = { 0, 100000000 };
	union sigval v = { .sival_int = 77 };
	int r;

	on_signal(SIGUSR1, handler, 0, NULL);
	on_signal(SIGUSR2, handler, 0, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigqueue(getpid(), SIGUSR2, v);
	kill(getpid(), SIGUSR1);
	r = sigtimedwait(&set, &si, &ts);
	printf("first: %s, code SI_USER %s\n", signal_name(r), yes(si.si_code == SI_USER));
	r = sigwaitinfo(&set, &si);
	printf("second: %s, code SI_QUEUE %s, value %d\n", signal_name(r),
	       yes(si.si_code == SI_QUEUE), si.si_value.sival_int);
	r = sigtimedwait(&set, &si, &ts);
	printf("nothing pending: %d %s\n", r, errno_name(errno));
	struct timespec zero = { 0, 0 };

	r = sigtimedwait(&set, &si, &zero);
	printf("zero timeout: %d %s\n", r, errno_name(errno));
	printf("handlers ran: %d\n", ran);

	/* A child sends while we wait. */
	pid_t parent = getpid(), child = fork();

	if (child == 0) {
		usleep(50000);
		kill(parent, SIGUSR2);
		_exit(0);
	}
	struct timespec two = { 2, 0 };

	r = sigtimedwait(&set, &si, &two);
	printf("sent while waiting: %s from the child %s\n", signal_name(r), yes(si.si_pid == child));
	waitpid(child, NULL, 0);

	siginfo_t fake;

	memset(&fake, 0, sizeof(fake));
	fake.si_code = SI_USER;
	show("rt_sigqueueinfo(parent, SI_USER)",
	     syscall(SYS_rt_sigqueueinfo, getppid(), SIGUSR1, &fake));
	fake.si_code = SI_QUEUE;
	show("rt_sigqueueinfo(self, SI_QUEUE)", syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &fake));
	r = sigwaitinfo(&set, &si);
	printf("and it arrives: %s\n", signal_name(r));
	return 0;
}
