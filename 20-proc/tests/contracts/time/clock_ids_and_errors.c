/*
 * The clocks Linux offers to every process (man 2 clock_gettime,
 * man 2 clock_getres) read without error, an unknown clock id is EINVAL,
 * and nanosleep rejects tv_nsec outside [0, 1e9) and negative seconds
 * with EINVAL (man 2 nanosleep).  Called raw: musl can answer some clocks
 * through the vDSO, which the guest may not have.
 */
#include <time.h>
#include "../contract.h"

static void read_clock(const char *name, clockid_t id)
{
	struct timespec t = { -1, -1 }, res = { -1, -1 };
	long r = syscall(SYS_clock_gettime, id, &t);

	if (r < 0) {
		printf("%s: %s\n", name, errno_name(errno));
		return;
	}
	printf("%s: ok, tv_nsec in range: %s", name, yes(t.tv_nsec >= 0 && t.tv_nsec < 1000000000));
	r = syscall(SYS_clock_getres, id, &res);
	printf(", getres: %s", r < 0 ? errno_name(errno) : "ok");
	printf(", resolution between 1 ns and 10 ms: %s\n",
	       yes(r == 0 && res.tv_sec == 0 && res.tv_nsec >= 1 && res.tv_nsec <= 10000000));
}

int main(void)
{
	struct timespec t, bad;

	read_clock("CLOCK_REALTIME", CLOCK_REALTIME);
	read_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC);
	read_clock("CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW);
	read_clock("CLOCK_BOOTTIME", CLOCK_BOOTTIME);
	read_clock("CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID);
	read_clock("CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID);
	show("clock_gettime of clock 99", syscall(SYS_clock_gettime, 99, &t));
	show("clock_getres of clock 99", syscall(SYS_clock_getres, 99, &t));
	show("clock_getres with a NULL result", syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL));

	bad = (struct timespec){ 0, 1000000000 };
	show("nanosleep tv_nsec = 1e9", syscall(SYS_nanosleep, &bad, NULL));
	bad = (struct timespec){ 0, -1 };
	show("nanosleep tv_nsec = -1", syscall(SYS_nanosleep, &bad, NULL));
	bad = (struct timespec){ -1, 0 };
	show("nanosleep tv_sec = -1", syscall(SYS_nanosleep, &bad, NULL));
	bad = (struct timespec){ 0, 0 };
	show("nanosleep 0", syscall(SYS_nanosleep, &bad, NULL));
	show("clock_nanosleep on clock 99", syscall(SYS_clock_nanosleep, 99, 0, &bad, NULL));
	return 0;
}
