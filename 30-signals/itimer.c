/*
 * itimer.c - the per-process real-time interval timer: alarm(2),
 * setitimer(2) and getitimer(2) with ITIMER_REAL, which sends SIGALRM.
 *
 * Armed timers are on one list; the timer interrupt checks it at every tick
 * (10 ms), so a timer fires at the first tick at or after its deadline,
 * never early.  ITIMER_VIRTUAL and ITIMER_PROF (user and user+system CPU
 * time) are not offered: they answer -EINVAL, as Linux does for a timer it
 * does not know, rather than pretend to count.
 */
#include <arch/cpu.h>
#include <errno.h>
#include <initcall.h>
#include <ktime.h>
#include <syscall.h>
#include <timer.h>
#include <uaccess.h>
#include "sig.h"

#define ITIMER_REAL 0
#define NS_PER_US 1000ULL
#define NS_PER_S 1000000000ULL

struct ktimeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

struct kitimerval {
	struct ktimeval it_interval;
	struct ktimeval it_value;
};

static struct list_node armed = { &armed, &armed };

/* Set ITIMER_REAL: first expiry @value_ns from now (0 disarms), then every @interval_ns. */
static void itimer_arm(struct sigproc *proc, uint64_t value_ns, uint64_t interval_ns)
{
	uint64_t flags = irq_save();

	list_del(&proc->timer_node);
	list_init(&proc->timer_node);
	proc->real_interval_ns = interval_ns;
	proc->real_expires_ns = 0;
	if (value_ns) {
		proc->real_expires_ns = ktime_deadline_after(value_ns);
		list_add_tail(&proc->timer_node, &armed);
	}
	irq_restore(flags);
}

void itimer_disarm(struct sigproc *proc)
{
	itimer_arm(proc, 0, 0);
}

/* Every tick, interrupts off: send SIGALRM for each timer due, and reload the periodic ones. */
static void itimer_tick(void)
{
	struct list_node *n, *tmp;
	uint64_t now;

	if (list_empty(&armed))
		return;
	now = ktime_monotonic_ns();
	list_for_each_safe(n, tmp, &armed) {
		struct sigproc *proc = list_entry(n, struct sigproc, timer_node);
		struct ksiginfo info = { .signo = SIGALRM, .code = SI_KERNEL };

		if (now < proc->real_expires_ns)
			continue;
		if (proc->real_interval_ns) {
			proc->real_expires_ns += proc->real_interval_ns;
			if (proc->real_expires_ns <= now)
				proc->real_expires_ns = now + proc->real_interval_ns;
		} else {
			itimer_disarm(proc);
		}
		sig_send_info(proc->leader, &info, 0);
	}
}

static int itimer_init(void)
{
	return timer_add_tick_hook(itimer_tick);
}
INITCALL(INITCALL_CORE, itimer_init);

static struct ktimeval ns_to_tv(uint64_t ns)
{
	/* Round up: a timer about to fire still reports some time left, as Linux. */
	uint64_t us = (ns + NS_PER_US - 1) / NS_PER_US;

	return (struct ktimeval){ (int64_t)(us / 1000000), (int64_t)(us % 1000000) };
}

/* The time left and the interval, as getitimer reports them. */
static void itimer_get(struct sigproc *proc, struct kitimerval *out)
{
	uint64_t now = ktime_monotonic_ns(), left = 0;

	if (proc->real_expires_ns)
		left = proc->real_expires_ns > now ? proc->real_expires_ns - now : 1;
	out->it_value = ns_to_tv(left);
	out->it_interval = ns_to_tv(proc->real_interval_ns);
}

static int tv_to_ns(const struct ktimeval *tv, uint64_t *ns)
{
	if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
		return -EINVAL;
	*ns = (uint64_t)tv->tv_sec * NS_PER_S + (uint64_t)tv->tv_usec * NS_PER_US;
	return 0;
}

static struct sigproc *current_proc(void)
{
	struct sigtask *st = sigstate(task_current());

	return st ? st->proc : NULL;
}

SYSCALL_DEFINE2(getitimer, int, which, struct kitimerval __user *, ucur)
{
	struct sigproc *proc = current_proc();
	struct kitimerval cur;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (!proc)
		return -ENOSYS;
	itimer_get(proc, &cur);
	return copy_to_user(ucur, &cur, sizeof(cur)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(setitimer, int, which, const struct kitimerval __user *, unew,
		struct kitimerval __user *, uold)
{
	struct sigproc *proc = current_proc();
	struct kitimerval nv = { { 0, 0 }, { 0, 0 } }, old;
	uint64_t value, interval;
	long err;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (!proc)
		return -ENOSYS;
	/* A NULL new value disarms (Linux accepts it, with a warning in its log). */
	if (unew && copy_from_user(&nv, unew, sizeof(nv)))
		return -EFAULT;
	err = tv_to_ns(&nv.it_value, &value);
	if (!err)
		err = tv_to_ns(&nv.it_interval, &interval);
	if (err)
		return err;
	itimer_get(proc, &old);
	itimer_arm(proc, value, interval);
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct sigproc *proc = current_proc();
	struct kitimerval old;
	long left;

	if (!proc)
		return -ENOSYS;
	itimer_get(proc, &old);
	itimer_arm(proc, (uint64_t)seconds * NS_PER_S, 0);
	/* Seconds left, rounded to nearest; a pending alarm never reports 0. */
	left = old.it_value.tv_sec + (old.it_value.tv_usec >= 500000);
	if (!left && (old.it_value.tv_usec || old.it_value.tv_sec))
		left = 1;
	return left;
}
