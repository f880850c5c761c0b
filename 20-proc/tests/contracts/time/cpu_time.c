/*
 * CPU time: a busy loop raises the process's CPU clock
 * (CLOCK_PROCESS_CPUTIME_ID) by 60 ms within at most 5 s of wall time (the
 * slack is for a loaded machine), never by more than the wall time, and
 * getrusage() and times() count it too; sleeping 50 ms costs little CPU
 * time (man 2 times, man 2 getrusage).
 */
#include <sys/times.h>
#include <time.h>
#include "../contract.h"

static int64_t ns_of(clockid_t id)
{
	struct timespec t;

	syscall(SYS_clock_gettime, id, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

int main(void)
{
	struct rusage ru0, ru1;
	int64_t cpu0, cpu1, wall0;
	volatile unsigned long spin = 0;
	struct timespec req = { 0, 50 * 1000 * 1000 };

	getrusage(RUSAGE_SELF, &ru0);
	cpu0 = ns_of(CLOCK_PROCESS_CPUTIME_ID);
	wall0 = ns_of(CLOCK_MONOTONIC);
	do {
		for (int i = 0; i < 10000; i++)
			spin++;
		cpu1 = ns_of(CLOCK_PROCESS_CPUTIME_ID);
	} while (cpu1 - cpu0 < 60000000 && ns_of(CLOCK_MONOTONIC) - wall0 < 5000000000LL);
	getrusage(RUSAGE_SELF, &ru1);
	printf("spinning reached 60 ms of CPU time within 5 s: %s\n",
	       yes(cpu1 - cpu0 >= 60000000));
	printf("CPU time not more than wall time: %s\n",
	       yes(cpu1 - cpu0 <= ns_of(CLOCK_MONOTONIC) - wall0 + 10000000));
	printf("getrusage user+system time grew: %s\n",
	       yes(ru1.ru_utime.tv_sec * 1000000 + ru1.ru_utime.tv_usec +
		   ru1.ru_stime.tv_sec * 1000000 + ru1.ru_stime.tv_usec >
		   ru0.ru_utime.tv_sec * 1000000 + ru0.ru_utime.tv_usec +
		   ru0.ru_stime.tv_sec * 1000000 + ru0.ru_stime.tv_usec));

	cpu0 = ns_of(CLOCK_PROCESS_CPUTIME_ID);
	nanosleep(&req, NULL);
	cpu1 = ns_of(CLOCK_PROCESS_CPUTIME_ID);
	printf("sleeping 50 ms used less than 25 ms of CPU time: %s\n", yes(cpu1 - cpu0 < 25000000));

	struct tms tms;
	clock_t ticks = times(&tms);
	printf("times() succeeds: %s, user ticks >= 2 (1/100 s each): %s\n",
	       yes(ticks != (clock_t)-1), yes(tms.tms_utime + tms.tms_stime >= 2));
	return 0;
}
