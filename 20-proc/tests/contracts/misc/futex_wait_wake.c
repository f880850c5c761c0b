/*
 * FUTEX_WAIT returns EAGAIN at once if the word does not hold the expected
 * value, ETIMEDOUT after a relative timeout (not before it), and 0 when
 * woken; FUTEX_WAKE returns how many it woke (0 with no waiters); an
 * unaligned address is EINVAL; an unknown op is ENOSYS (man 2 futex).
 */
#include <pthread.h>
#include <time.h>
#include "../contract.h"

static volatile int word;
static volatile int waiter_result = -100;
static volatile int waiter_ready;

static int64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void *waiter(void *arg)
{
	long r;

	__atomic_store_n(&waiter_ready, 1, __ATOMIC_RELEASE);
	r = futex(&word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, NULL);
	waiter_result = r == 0 ? 0 : errno;
	return NULL;
}

int main(void)
{
	struct timespec timeout = { 0, 50 * 1000 * 1000 };
	int buf[2] = { 0, 0 };
	pthread_t t;
	int64_t start;
	long woke = 0;
	int tries;

	word = 1;
	show("FUTEX_WAIT with a wrong value", futex(&word, FUTEX_WAIT, 0, NULL));
	word = 0;
	start = now_ns();
	show("FUTEX_WAIT 50 ms", futex(&word, FUTEX_WAIT, 0, &timeout));
	printf("waited >= 50 ms: %s\n", yes(now_ns() - start >= 50000000));
	show("FUTEX_WAKE with nobody waiting", futex(&word, FUTEX_WAKE, 1, NULL));
	show("FUTEX_WAIT at an unaligned address",
	     futex((volatile int *)((char *)buf + 1), FUTEX_WAIT, 0, &timeout));
	show("unknown futex op 99", futex(&word, 99, 0, NULL));
	timeout.tv_nsec = 2000000000L;
	show("FUTEX_WAIT with tv_nsec out of range", futex(&word, FUTEX_WAIT, 0, &timeout));

	/* A thread waits; keep waking until the wake reaches it (it may not
	 * be asleep yet when the first wakes come). */
	if (pthread_create(&t, NULL, waiter, NULL))
		setup_failed("pthread_create");
	while (!__atomic_load_n(&waiter_ready, __ATOMIC_ACQUIRE))
		sched_yield();
	for (tries = 0; tries < 1000 && woke == 0; tries++) {
		struct timespec pause = { 0, 1000000 };

		/* The word stays 0, so the waiter can never see a mismatch. */
		nanosleep(&pause, NULL);
		woke = futex(&word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 10, NULL);
	}
	pthread_join(t, NULL);
	printf("FUTEX_WAKE woke one waiter: %s\n", yes(woke == 1));
	printf("the waiter's FUTEX_WAIT returned %s\n", waiter_result == 0 ? "0" : errno_name(waiter_result));
	return 0;
}
