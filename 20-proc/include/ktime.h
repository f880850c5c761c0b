/**
 * @file ktime.h
 * @brief The kernel's clocks: monotonic nanoseconds from the TSC, and wall-clock time from the RTC.
 *
 * At boot the time stamp counter is measured against the timer interrupt
 * and the CMOS real-time clock is read once; after that every clock is
 * computed from the TSC, so time has nanosecond resolution and never goes
 * backwards.  CLOCK_REALTIME is the RTC's boot time plus the monotonic
 * time (never the monotonic clock alone: certificate checks need a date).
 */
#ifndef KTIME_H
#define KTIME_H

#include <compiler.h>
#include <stdint.h>

/** @brief A point in time or a duration, as Linux's struct timespec on x86_64. */
struct ktimespec {
	int64_t tv_sec;		/**< seconds */
	int64_t tv_nsec;	/**< nanoseconds, 0..999999999 */
};

/**
 * ktime_monotonic_ns() - Nanoseconds since boot (CLOCK_MONOTONIC).
 * @return the time; any context
 */
uint64_t ktime_monotonic_ns(void);

/**
 * ktime_realtime() - The wall-clock time (CLOCK_REALTIME).
 * @param ts receives seconds and nanoseconds since 1970-01-01 00:00 UTC
 */
void ktime_realtime(struct ktimespec *ts);

/**
 * ktimespec_from_user() - Read a struct timespec from user memory and check it.
 * @param uts the user's timespec
 * @param ns  receives it in nanoseconds (saturating at UINT64_MAX)
 * @return 0, -EFAULT, or -EINVAL for a negative time or tv_nsec outside 0..999999999
 */
int ktimespec_from_user(const struct ktimespec __user *uts, uint64_t *ns);

/**
 * ktime_deadline_after() - The monotonic time @p ns from now (saturating).
 * @param ns a duration
 * @return a deadline for ktime_deadline_tick()
 */
uint64_t ktime_deadline_after(uint64_t ns);

/**
 * ktime_deadline_from_realtime() - When the monotonic clock will be at wall-clock time @p wall_ns.
 * @param wall_ns nanoseconds since the epoch (an absolute CLOCK_REALTIME deadline)
 * @return the monotonic deadline; now if that time has passed
 */
uint64_t ktime_deadline_from_realtime(uint64_t wall_ns);

/**
 * ktime_deadline_tick() - The first timer tick at which the monotonic clock has reached @p deadline_ns.
 * @param deadline_ns monotonic nanoseconds
 * @return a tick for wait_event_deadline() (never 0: that means "no deadline")
 *
 * The timer wakes sleepers at tick granularity (10 ms), so sleeping to this
 * tick is never shorter than asked, as POSIX requires.
 */
uint64_t ktime_deadline_tick(uint64_t deadline_ns);

#endif /* KTIME_H */
