/*
 * futex.c - fast user-space mutexes: the kernel half of every lock, condition
 * variable and thread join in a C library.
 *
 * A futex is a 32-bit word in user memory.  FUTEX_WAIT sleeps only if the
 * word still holds the value the caller saw (checked here, with no chance
 * for a wake-up to slip in between: the kernel is not preempted), and
 * FUTEX_WAKE wakes sleepers on the same word.  A private futex is known by
 * (address space, virtual address); a shared one by its physical address,
 * so processes that map the same page meet on it.
 */
#include <arch/mmu.h>
#include <errno.h>
#include <ktime.h>
#include <mm.h>
#include <paging.h>
#include <syscall.h>
#include <timer.h>
#include <uaccess.h>
#include "proc.h"

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_MATCH_ANY 0xffffffffU

struct futex_key {
	const void *space;	/* the mm (private), or NULL (shared: addr is physical) */
	uint64_t addr;
};

struct futex_waiter {
	struct list_node node;
	struct futex_key key;
	uint32_t bitset;
	struct task *task;
	int woken;
};

static struct list_node waiters = { &waiters, &waiters };

static int futex_key_get(uint64_t uaddr, int private, struct futex_key *key)
{
	uint32_t v;

	if (uaddr & 3)
		return -EINVAL;
	/* Touch the word: it must be readable, and the page must be present to translate. */
	if (get_user(&v, (const uint32_t __user *)uaddr))
		return -EFAULT;
	if (private) {
		key->space = task_current()->mm;
		key->addr = uaddr;
		return 0;
	}
	uint64_t pa = pt_translate(task_current()->mm->pml4, uaddr, NULL);

	if (pa == (uint64_t)-1)
		return -EFAULT;
	key->space = NULL;
	key->addr = pa;
	return 0;
}

static int key_equal(const struct futex_key *a, const struct futex_key *b)
{
	return a->space == b->space && a->addr == b->addr;
}

static int futex_wake_key(const struct futex_key *key, int count, uint32_t bitset)
{
	struct list_node *n, *tmp;
	int woken = 0;

	list_for_each_safe(n, tmp, &waiters) {
		struct futex_waiter *w = list_entry(n, struct futex_waiter, node);

		if (woken >= count)
			break;
		if (!key_equal(&w->key, key) || !(w->bitset & bitset))
			continue;
		list_del(&w->node);
		w->woken = 1;
		task_wake(w->task);
		woken++;
	}
	return woken;
}

int futex_wake_addr(uint64_t uaddr, int count)
{
	struct futex_key key;

	if (futex_key_get(uaddr, 1, &key) == 0)
		futex_wake_key(&key, count, FUTEX_BITSET_MATCH_ANY);
	/* A thread library may also have used the shared form. */
	if (futex_key_get(uaddr, 0, &key) == 0)
		futex_wake_key(&key, count, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* Sleep until woken, the deadline (monotonic ns, 0 = none) or a signal. */
static long futex_wait(uint64_t uaddr, int private, uint32_t val, uint64_t deadline_ns,
		       uint32_t bitset)
{
	struct futex_waiter w = { .bitset = bitset, .task = task_current() };
	uint32_t cur;
	long err;

	if (!bitset)
		return -EINVAL;
	err = futex_key_get(uaddr, private, &w.key);
	if (err)
		return err;
	if (get_user(&cur, (const uint32_t __user *)uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	list_add_tail(&w.node, &waiters);
	for (;;) {
		struct wait_queue none;

		if (deadline_ns && ktime_monotonic_ns() >= deadline_ns) {
			err = -ETIMEDOUT;
			break;
		}
		wait_queue_init(&none);
		err = wait_event_deadline(&none, w.woken,
					  deadline_ns ? ktime_deadline_tick(deadline_ns) : 0);
		if (w.woken || err == -ERESTARTSYS)
			break;
	}
	if (w.woken)
		return 0;
	list_del(&w.node);
	if (err == -ERESTARTSYS && deadline_ns)
		/* A timed wait is not restarted with its old timeout after a handler. */
		return -ERESTARTNOHAND;
	return err == -ETIMEDOUT || err == 0 ? -ETIMEDOUT : err;
}

static long futex_requeue(uint64_t uaddr, int private, int nr_wake, int nr_requeue,
			  uint64_t uaddr2, const uint32_t *cmpval)
{
	struct futex_key k1, k2;
	struct list_node *n, *tmp;
	uint32_t cur;
	long err;
	int woken, moved = 0;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	err = futex_key_get(uaddr, private, &k1);
	if (!err)
		err = futex_key_get(uaddr2, private, &k2);
	if (err)
		return err;
	if (cmpval) {
		if (get_user(&cur, (const uint32_t __user *)uaddr))
			return -EFAULT;
		if (cur != *cmpval)
			return -EAGAIN;
	}
	woken = futex_wake_key(&k1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	list_for_each_safe(n, tmp, &waiters) {
		struct futex_waiter *w = list_entry(n, struct futex_waiter, node);

		if (moved >= nr_requeue)
			break;
		if (key_equal(&w->key, &k1)) {
			w->key = k2;
			moved++;
		}
	}
	return woken + moved;
}

SYSCALL_DEFINE6(futex, uint64_t, uaddr, int, op, uint32_t, val, uint64_t, utime,
		uint64_t, uaddr2, uint32_t, val3)
{
	int private = op & FUTEX_PRIVATE_FLAG, realtime = op & FUTEX_CLOCK_REALTIME;
	int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
	uint64_t deadline = 0;

	if (realtime && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT)
		return -ENOSYS;
	if ((cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET) && utime) {
		uint64_t ns;
		long err = ktimespec_from_user((const struct ktimespec __user *)utime, &ns);

		if (err)
			return err;
		if (cmd == FUTEX_WAIT)
			deadline = ktime_deadline_after(ns);	/* FUTEX_WAIT's timeout is relative */
		else if (realtime)
			deadline = ktime_deadline_from_realtime(ns);
		else
			deadline = ns;
		if (!deadline)
			deadline = 1;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, private, val, deadline, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, private, val, deadline, val3);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET: {
		struct futex_key key;
		long err = futex_key_get(uaddr, private, &key);

		if (err)
			return err;
		return futex_wake_key(&key, (int)val,
				      cmd == FUTEX_WAKE ? FUTEX_BITSET_MATCH_ANY : val3);
	}
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, private, (int)val, (int)utime, uaddr2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, private, (int)val, (int)utime, uaddr2, &val3);
	default:
		return -ENOSYS;
	}
}
