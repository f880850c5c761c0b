/*
 * time.c - clocks and sleeping: clock_gettime, gettimeofday, time,
 * clock_getres, nanosleep, clock_nanosleep, times.
 */
#include <arch/cpu.h>
#include <arch/io.h>
#include <errno.h>
#include <initcall.h>
#include <ktime.h>
#include <printk.h>
#include <syscall.h>
#include <timer.h>
#include <uaccess.h>
#include "proc.h"

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1
#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_TICK (NSEC_PER_SEC / TIMER_HZ)

static uint64_t tsc_at_boot;
static uint64_t tsc_per_sec;
static uint64_t ns_mult;		/* ns = (cycles * ns_mult) >> 32 */
static int64_t realtime_at_boot;	/* seconds since the epoch, from the RTC */

uint64_t ktime_monotonic_ns(void)
{
	if (!ns_mult)
		return timer_ticks() * NSEC_PER_TICK;
	uint64_t d = rdtsc() - tsc_at_boot;

	/* A 128-bit product and a shift: no division on this path, no overflow for centuries. */
	return (uint64_t)(((unsigned __int128)d * ns_mult) >> 32);
}

void ktime_realtime(struct ktimespec *ts)
{
	uint64_t ns = ktime_monotonic_ns();

	ts->tv_sec = realtime_at_boot + (int64_t)(ns / NSEC_PER_SEC);
	ts->tv_nsec = (int64_t)(ns % NSEC_PER_SEC);
}

/* ------------------------------------------------ the CMOS real-time clock */

static uint8_t cmos_read(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static unsigned int bcd(uint8_t v, int binary)
{
	return binary ? v : (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to the given civil date (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, unsigned int m, unsigned int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned int yoe = (unsigned int)(y - era * 400);
	unsigned int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (int64_t)doe - 719468;
}

static int64_t rtc_read_epoch(void)
{
	uint8_t sec, min, hour, day, mon, year, status_b;

	/* Wait out an update in progress, so the fields belong to one second. */
	for (int i = 0; i < 100000 && (cmos_read(0x0a) & 0x80); i++)
		;
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	status_b = cmos_read(0x0b);

	int binary = status_b & 0x04, pm = hour & 0x80;
	unsigned int h = bcd(hour & 0x7f, binary);

	if (!(status_b & 0x02) && pm)	/* 12-hour clock */
		h = (h % 12) + 12;
	int64_t days = days_from_civil(2000 + bcd(year, binary), bcd(mon, binary), bcd(day, binary));

	return days * 86400 + h * 3600 + bcd(min, binary) * 60 + bcd(sec, binary);
}

/* Count TSC cycles over a whole number of timer ticks. */
static int time_init(void)
{
	uint64_t start_tick, t0, t1;

	realtime_at_boot = rtc_read_epoch();
	irq_enable();
	start_tick = timer_ticks();
	while (timer_ticks() == start_tick)
		cpu_halt();
	t0 = rdtsc();
	start_tick = timer_ticks();
	while (timer_ticks() < start_tick + 5)
		cpu_halt();
	t1 = rdtsc();
	irq_disable();
	tsc_per_sec = (t1 - t0) * TIMER_HZ / 5;
	ns_mult = (NSEC_PER_SEC << 32) / tsc_per_sec;
	/* Make the clock read start_tick's time at t0, so it agrees with the tick count. */
	tsc_at_boot = t0 - start_tick * (tsc_per_sec / TIMER_HZ);
	pr_info("time: TSC %llu MHz, RTC says %lld s since 1970\n",
		(unsigned long long)(tsc_per_sec / 1000000), (long long)realtime_at_boot);
	return 0;
}
INITCALL(INITCALL_LATE, time_init);

/* ------------------------------------------------ deadlines */

static uint64_t ts_to_ns(const struct ktimespec *ts)
{
	/* Far-future times saturate rather than wrap. */
	if ((uint64_t)ts->tv_sec > UINT64_MAX / NSEC_PER_SEC - 1)
		return UINT64_MAX;
	return (uint64_t)ts->tv_sec * NSEC_PER_SEC + (uint64_t)ts->tv_nsec;
}

int ktimespec_from_user(const struct ktimespec __user *uts, uint64_t *ns)
{
	struct ktimespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || (uint64_t)ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = ts_to_ns(&ts);
	return 0;
}

uint64_t ktime_deadline_after(uint64_t ns)
{
	uint64_t now = ktime_monotonic_ns();

	return ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
}

uint64_t ktime_deadline_from_realtime(uint64_t wall_ns)
{
	struct ktimespec now;
	uint64_t wall;

	ktime_realtime(&now);
	wall = ts_to_ns(&now);
	return ktime_deadline_after(wall_ns > wall ? wall_ns - wall : 0);
}

uint64_t ktime_deadline_tick(uint64_t deadline_ns)
{
	uint64_t now = ktime_monotonic_ns();

	if (now >= deadline_ns)
		return timer_ticks() ? timer_ticks() : 1;
	return timer_ticks() + (deadline_ns - now + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
}

/* ------------------------------------------------ syscalls */

static struct ktimespec ns_to_ts(uint64_t ns)
{
	struct ktimespec ts = { (int64_t)(ns / NSEC_PER_SEC), (int64_t)(ns % NSEC_PER_SEC) };

	return ts;
}

static int clock_read(int clk, struct ktimespec *ts)
{
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		ktime_realtime(ts);
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ts = ns_to_ts(ktime_monotonic_ns());
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		/* CPU time is counted in timer ticks. */
		*ts = ns_to_ts(task_current()->run_ticks * NSEC_PER_TICK);
		return 0;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(clock_gettime, int, clk, struct ktimespec __user *, uts)
{
	struct ktimespec ts;
	int err = clock_read(clk, &ts);

	if (err)
		return err;
	return copy_to_user(uts, &ts, sizeof(ts));
}

SYSCALL_DEFINE2(clock_getres, int, clk, struct ktimespec __user *, uts)
{
	struct ktimespec ts = { 0, 1 };

	if (clock_read(clk, &ts) < 0)
		return -EINVAL;
	ts.tv_sec = 0;
	ts.tv_nsec = (clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE ||
		      clk == CLOCK_PROCESS_CPUTIME_ID || clk == CLOCK_THREAD_CPUTIME_ID) ?
			     (int64_t)NSEC_PER_TICK : 1;
	if (uts && copy_to_user(uts, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(gettimeofday, int64_t __user *, tv, void __user *, tz)
{
	struct ktimespec ts;
	int64_t v[2];

	ktime_realtime(&ts);
	v[0] = ts.tv_sec;
	v[1] = ts.tv_nsec / 1000;
	if (tv && copy_to_user(tv, v, sizeof(v)))
		return -EFAULT;
	if (tz && clear_user(tz, 8))	/* struct timezone: UTC, no DST */
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(time, int64_t __user *, tloc)
{
	struct ktimespec ts;

	ktime_realtime(&ts);
	if (tloc && put_user(&ts.tv_sec, tloc))
		return -EFAULT;
	return ts.tv_sec;
}

static long nanosleep_restart(struct restart_block *rb);

/*
 * Sleep until the monotonic clock reaches @until_ns.  The timer wakes us at
 * tick granularity (10 ms), so we sleep to the tick after the deadline:
 * never shorter than asked, as POSIX requires.  A signal ends the sleep with
 * the time left in *@rem; then, as Linux, a relative sleep continues through
 * restart_syscall(2) to the same deadline if no handler runs (a stop and
 * SIGCONT), and an absolute one simply runs again.
 */
static long sleep_until_ns(uint64_t until_ns, struct ktimespec __user *rem, int relative)
{
	for (;;) {
		uint64_t now = ktime_monotonic_ns();

		if (now >= until_ns)
			return 0;
		long err = sleep_until_tick(ktime_deadline_tick(until_ns));

		if (!err)
			continue;
		if (err != -ERESTARTSYS)
			return err;
		if (!relative)
			return -ERESTARTNOHAND;
		now = ktime_monotonic_ns();
		struct ktimespec left = ns_to_ts(until_ns > now ? until_ns - now : 0);

		if (rem && copy_to_user(rem, &left, sizeof(left)))
			return -EFAULT;
		struct restart_block *rb = &task_current()->restart;

		rb->fn = nanosleep_restart;
		rb->arg[0] = until_ns;
		rb->arg[1] = (uint64_t)(uintptr_t)rem;
		return -ERESTART_RESTARTBLOCK;
	}
}

static long nanosleep_restart(struct restart_block *rb)
{
	return sleep_until_ns(rb->arg[0], (struct ktimespec __user *)(uintptr_t)rb->arg[1], 1);
}

SYSCALL_DEFINE2(nanosleep, const struct ktimespec __user *, req, struct ktimespec __user *, rem)
{
	uint64_t d;
	int err = ktimespec_from_user(req, &d);

	return err ? err : sleep_until_ns(ktime_deadline_after(d), rem, 1);
}

SYSCALL_DEFINE4(clock_nanosleep, int, clk, int, flags, const struct ktimespec __user *, req,
		struct ktimespec __user *, rem)
{
	uint64_t t;
	int err;

	/* Sleeping on a CPU-time clock is not offered; unknown clocks are -EINVAL too. */
	if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC && clk != CLOCK_BOOTTIME)
		return -EINVAL;
	err = ktimespec_from_user(req, &t);
	if (err)
		return err;
	if (!(flags & TIMER_ABSTIME))
		return sleep_until_ns(ktime_deadline_after(t), rem, 1);
	/* An absolute sleep is simply restarted: no remaining time is reported. */
	return sleep_until_ns(clk == CLOCK_REALTIME ? ktime_deadline_from_realtime(t) : t, NULL, 0);
}

SYSCALL_DEFINE1(times, int64_t __user *, buf)
{
	struct task *t = task_current();
	/* clock_t is in USER_HZ = 100 units, the same as our tick. */
	int64_t v[4] = { (int64_t)t->leader->run_ticks, 0, (int64_t)t->leader->child_ticks, 0 };

	if (buf && copy_to_user(buf, v, sizeof(v)))
		return -EFAULT;
	return (int64_t)timer_ticks();
}
