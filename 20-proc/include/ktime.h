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

#endif /* KTIME_H */
