/*
 * CLOCK_MONOTONIC never goes backwards (10000 reads in a row), and a
 * nanosleep of 50 ms advances it by at least 50 ms (man 2 clock_gettime,
 * man 2 nanosleep: the sleep may be longer, never shorter).
 */
#include <time.h>
#include "../contract.h"

static int64_t ns(const struct timespec *t)
{
	return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec;
}

int main(void)
{
	struct timespec prev, now, before, after, req = { 0, 50 * 1000 * 1000 };
	int backwards = 0, bad_nsec = 0, i;

	clock_gettime(CLOCK_MONOTONIC, &prev);
	for (i = 0; i < 10000; i++) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		backwards += ns(&now) < ns(&prev);
		bad_nsec += now.tv_nsec < 0 || now.tv_nsec >= 1000000000;
		prev = now;
	}
	printf("10000 reads, went backwards: %d times, tv_nsec out of range: %d\n",
	       backwards, bad_nsec);

	clock_gettime(CLOCK_MONOTONIC, &before);
	show("nanosleep 50 ms", nanosleep(&req, NULL));
	clock_gettime(CLOCK_MONOTONIC, &after);
	printf("elapsed >= 50 ms: %s\n", yes(ns(&after) - ns(&before) >= 50000000));
	printf("elapsed < 5 s: %s\n", yes(ns(&after) - ns(&before) < 5000000000LL));

	/* clock_nanosleep with an absolute deadline 30 ms ahead. */
	struct timespec deadline = after;
	deadline.tv_nsec += 30000000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	printf("clock_nanosleep TIMER_ABSTIME: %s\n",
	       errno_name(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL)));
	clock_gettime(CLOCK_MONOTONIC, &now);
	printf("woke at or after the deadline: %s\n", yes(ns(&now) >= ns(&deadline)));
	printf("a deadline in the past returns at once: %s\n",
	       errno_name(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &before, NULL)));
	return 0;
}
