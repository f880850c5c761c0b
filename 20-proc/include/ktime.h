/**
 * @file ktime.h
 * @brief Wall-clock time for the kernel (minimal declaration; the process core implements it).
 */
#ifndef KTIME_H
#define KTIME_H

#include <stdint.h>

/** @brief A point in time or a duration: seconds and nanoseconds (Linux's struct timespec layout). */
struct ktimespec {
	int64_t tv_sec;		/**< seconds */
	int64_t tv_nsec;	/**< nanoseconds, 0..999999999 */
};

/**
 * ktime_realtime() - The current CLOCK_REALTIME time.
 * @param ts receives seconds and nanoseconds since the Unix epoch
 */
void ktime_realtime(struct ktimespec *ts);

#endif /* KTIME_H */
