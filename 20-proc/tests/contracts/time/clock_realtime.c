/*
 * The wall clock: clock_gettime(CLOCK_REALTIME), gettimeofday() and time()
 * agree within a second, and CLOCK_REALTIME is after 2020-01-01 (the guest
 * must read its time from the RTC).  The time-of-day calls are made raw so
 * the kernel answers, not a vDSO.
 */
#include <sys/time.h>
#include <time.h>
#include "../contract.h"

int main(void)
{
	struct timespec ts;
	struct timeval tv;
	long t;

	show("clock_gettime(CLOCK_REALTIME)", syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts));
	show("gettimeofday", syscall(SYS_gettimeofday, &tv, NULL));
	t = syscall(SYS_time, NULL);
	printf("time() and clock_gettime agree within 1 s: %s\n", yes(labs(t - ts.tv_sec) <= 1));
	printf("gettimeofday agrees within 1 s: %s\n", yes(labs(tv.tv_sec - ts.tv_sec) <= 1));
	printf("tv_usec in range: %s\n", yes(tv.tv_usec >= 0 && tv.tv_usec < 1000000));
	printf("after 2020-01-01: %s\n", yes(ts.tv_sec > 1577836800));
	long t2 = 0;
	syscall(SYS_time, &t2);
	printf("time(&t) stores what it returns: %s\n", yes(t2 >= t && t2 - t <= 1));
	return 0;
}
