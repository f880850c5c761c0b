/*
 * alarm(2) delivers SIGALRM once; a second alarm reports the seconds left
 * of the first and replaces it; alarm(0) cancels.  setitimer(ITIMER_REAL)
 * with no interval fires once; getitimer reports the time left, then zero;
 * with an interval it fires repeatedly until disarmed (getitimer(2)).
 * A process killed by an unhandled SIGALRM reports it in its wait status.
 */
#include "../contract.h"
#include <sys/time.h>

static volatile int alarms;

static void on_alarm(int sig, siginfo_t *si, void *uc)
{
	alarms++;
}

static void die_of_alarm(void *arg)
{
	/* fork copied the parent's handler: back to the default first. */
	set_disposition(SIGALRM, SIG_DFL);
	alarm(1);
	for (;;)
		pause();
}

int main(void)
{
	struct itimerval it, cur;
	struct timespec t = { 0, 300 * 1000000 };
	sigset_t none;

	sigemptyset(&none);
	on_signal(SIGALRM, on_alarm, 0, NULL);
	printf("alarm(5) on no alarm: %u\n", alarm(5));
	printf("alarm(1) replacing it: %u\n", alarm(1));
	sigsuspend(&none);
	printf("alarms after sigsuspend: %d\n", alarms);
	printf("alarm(0) after it fired: %u\n", alarm(0));
	alarm(3);
	printf("alarm(0) cancelling 3 s: %u\n", alarm(0));
	nanosleep(&t, NULL);
	printf("alarms after cancelling: %d\n", alarms);

	alarms = 0;
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 100000;
	show("setitimer one-shot 100 ms", setitimer(ITIMER_REAL, &it, NULL));
	getitimer(ITIMER_REAL, &cur);
	printf("armed: value in (0, 100 ms] %s, interval 0 %s\n",
	       yes(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec > 0 &&
		   cur.it_value.tv_usec <= 100000),
	       yes(cur.it_interval.tv_sec == 0 && cur.it_interval.tv_usec == 0));
	sigsuspend(&none);
	nanosleep(&t, NULL);
	getitimer(ITIMER_REAL, &cur);
	printf("one-shot fired %d time(s), now disarmed %s\n", alarms,
	       yes(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0));

	alarms = 0;
	it.it_value.tv_usec = 50000;
	it.it_interval.tv_usec = 50000;
	setitimer(ITIMER_REAL, &it, NULL);
	while (alarms < 3)
		sigsuspend(&none);
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, &cur);
	printf("periodic: fired at least 3 times, old interval 50 ms %s\n",
	       yes(cur.it_interval.tv_usec == 50000));
	int before = alarms;

	nanosleep(&t, NULL);
	printf("no more after disarming: %s\n", yes(alarms == before));
	it.it_value.tv_usec = 1000000;
	show("setitimer(tv_usec 1000000)", setitimer(ITIMER_REAL, &it, NULL));
	show("setitimer(which 7)", setitimer(7, &it, NULL));
	printf("unhandled SIGALRM: %s\n", status_text(run_child(die_of_alarm, NULL)));
	return 0;
}
