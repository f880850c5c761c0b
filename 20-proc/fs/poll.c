/*
 * poll.c - poll(2), ppoll(2), select(2) and pselect6(2): wait until one of
 * several files is ready, a timeout passes, or a signal arrives.
 *
 * Every variant becomes an array of (fd, wanted events) and goes through
 * do_poll().  The loop registers the task on the files' wait queues on its
 * first pass (poll_wait()), marks itself sleeping, asks the files again and
 * sleeps only if still nothing is ready - the wait_event() pattern, for
 * many queues at once.  The kernel stack holds no big arrays: the fd list
 * and the poll table are kmalloc'ed.
 */
#include <errno.h>
#include <file.h>
#include <kmalloc.h>
#include <ktime.h>
#include <vfs_poll.h>
#include <string.h>
#include <syscall.h>
#include <task.h>
#include <timer.h>
#include <uaccess.h>
#include <vfs.h>

#define POLL_FDS_MAX 4096	/* fds per call (RLIMIT_NOFILE's hard limit here) */
#define FD_SETSIZE_MAX 1024	/* select's fd_set size in glibc and musl */

struct pollfd {
	int fd;
	int16_t events;
	int16_t revents;
};

void poll_wait(struct poll_table *pt, struct wait_queue *wq)
{
	if (!pt || !pt->collecting || pt->count >= POLL_MAX_WAITS)
		return;
	pt->queues[pt->count] = wq;
	pt->entries[pt->count].task = NULL;
	wait_prepare(wq, &pt->entries[pt->count]);
	pt->count++;
}

unsigned int file_poll(struct file *f, struct poll_table *pt)
{
	if (f->ops->poll)
		return f->ops->poll(f, pt);
	return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
}

/* Fill each revents; return how many fds have something to report. */
static int poll_once(struct pollfd *fds, unsigned int n, struct poll_table *pt)
{
	int ready = 0;

	for (unsigned int i = 0; i < n; i++) {
		struct file *f;
		unsigned int mask;

		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		f = fd_get(fds[i].fd);
		if (!f) {
			fds[i].revents = POLLNVAL;
			ready++;
			continue;
		}
		mask = file_poll(f, pt);
		file_put(f);
		/* POLLERR and POLLHUP are reported whether asked for or not. */
		mask &= (uint16_t)fds[i].events | POLLERR | POLLHUP;
		fds[i].revents = (int16_t)mask;
		if (mask)
			ready++;
	}
	return ready;
}

/* Wait for @fds; @deadline_ns is monotonic, 0 = don't wait, UINT64_MAX = forever. */
static long do_poll(struct pollfd *fds, unsigned int n, uint64_t deadline_ns)
{
	struct poll_table *pt = kzalloc(sizeof(*pt));
	struct wait_queue none;		/* slept on when no file named a queue */
	struct wait_entry none_entry = { .task = NULL };
	long ready;

	if (!pt)
		return -ENOMEM;
	pt->collecting = 1;
	for (;;) {
		ready = poll_once(fds, n, pt);
		pt->collecting = 0;
		if (ready || !deadline_ns)
			break;
		if (wait_interrupted()) {
			/* Linux: poll and select run again only if no handler ran. */
			ready = -ERESTARTNOHAND;
			break;
		}
		uint64_t tick = 0;

		if (deadline_ns != UINT64_MAX) {
			if (ktime_monotonic_ns() >= deadline_ns)
				break;
			tick = ktime_deadline_tick(deadline_ns);
		}
		/* Registered on every queue: sleep until one is woken (or the deadline). */
		for (unsigned int i = 0; i < pt->count; i++)
			wait_prepare(pt->queues[i], &pt->entries[i]);
		if (!pt->count) {
			wait_queue_init(&none);
			wait_prepare(&none, &none_entry);
		}
		ready = poll_once(fds, n, NULL);
		if (ready)
			break;
		wait_sleep(tick);
	}
	for (unsigned int i = 0; i < pt->count; i++)
		wait_finish(pt->queues[i], &pt->entries[i]);
	if (none_entry.task)
		wait_finish(&none, &none_entry);
	kfree(pt);
	return ready;
}

static uint64_t deadline_after_ms(int ms)
{
	if (ms < 0)
		return UINT64_MAX;
	if (ms == 0)
		return 0;
	return ktime_deadline_after((uint64_t)ms * 1000000ULL);
}

static long poll_user(struct pollfd __user *ufds, unsigned int n, uint64_t deadline)
{
	struct pollfd *fds;
	long r;

	if (n > POLL_FDS_MAX)
		return -EINVAL;
	fds = kmalloc(n ? n * sizeof(*fds) : 1);
	if (!fds)
		return -ENOMEM;
	r = copy_from_user(fds, ufds, n * sizeof(*fds));
	if (!r)
		r = do_poll(fds, n, deadline);
	/* Results are written back even when a signal interrupted, as Linux does. */
	if (r >= 0 || r == -ERESTARTNOHAND) {
		for (unsigned int i = 0; i < n; i++)
			if (copy_to_user(&ufds[i].revents, &fds[i].revents, sizeof(int16_t))) {
				r = -EFAULT;
				break;
			}
	}
	kfree(fds);
	return r;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, n, int, timeout_ms)
{
	return poll_user(ufds, n, deadline_after_ms(timeout_ms));
}

/* A relative timespec from user memory as a deadline; NULL means forever. */
static long deadline_from_timespec(const struct ktimespec __user *uts, uint64_t *deadline)
{
	uint64_t ns;
	long err;

	if (!uts) {
		*deadline = UINT64_MAX;
		return 0;
	}
	err = ktimespec_from_user(uts, &ns);
	if (!err)
		*deadline = ns ? ktime_deadline_after(ns) : 0;
	return err;
}

/*
 * The signal mask argument of ppoll and pselect6 belongs to layer 30; until
 * it exists there are no handlers a temporary mask could matter for, so it
 * is accepted and ignored.
 */
SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, n,
		const struct ktimespec __user *, uts, const void __user *, sigmask, size_t, sigsetsize)
{
	uint64_t deadline;
	long err = deadline_from_timespec(uts, &deadline);

	return err ? err : poll_user(ufds, n, deadline);
}

/* select: fd_sets of up to FD_SETSIZE_MAX bits, turned into a pollfd array. */
static long do_select(int nfds, uint64_t __user *rfds, uint64_t __user *wfds,
		      uint64_t __user *efds, uint64_t deadline)
{
	uint64_t in[3][FD_SETSIZE_MAX / 64] = { { 0 } }, out[3][FD_SETSIZE_MAX / 64];
	uint64_t __user *sets[3] = { rfds, wfds, efds };
	size_t bytes = ALIGN_UP((size_t)nfds, 64) / 8;
	struct pollfd *fds;
	unsigned int n = 0;
	long r;

	if (nfds < 0 || nfds > FD_SETSIZE_MAX)
		return -EINVAL;
	for (int s = 0; s < 3; s++)
		if (sets[s] && copy_from_user(in[s], sets[s], bytes))
			return -EFAULT;
	fds = kmalloc((nfds ? nfds : 1) * sizeof(*fds));
	if (!fds)
		return -ENOMEM;
	for (int fd = 0; fd < nfds; fd++) {
		int16_t ev = 0;

		if (in[0][fd / 64] & (1ULL << (fd % 64)))
			ev |= POLLIN | POLLRDNORM | POLLHUP | POLLERR;
		if (in[1][fd / 64] & (1ULL << (fd % 64)))
			ev |= POLLOUT | POLLWRNORM | POLLERR;
		if (in[2][fd / 64] & (1ULL << (fd % 64)))
			ev |= POLLPRI;
		if (ev) {
			fds[n].fd = fd;
			fds[n].events = ev;
			n++;
		}
	}
	r = do_poll(fds, n, deadline);
	if (r < 0)
		goto out;
	memset(out, 0, sizeof(out));
	r = 0;
	for (unsigned int i = 0; i < n; i++) {
		int fd = fds[i].fd, re = fds[i].revents;

		if (re & POLLNVAL) {
			r = -EBADF;
			goto out;
		}
		if ((re & (POLLIN | POLLHUP | POLLERR)) && (in[0][fd / 64] & (1ULL << (fd % 64)))) {
			out[0][fd / 64] |= 1ULL << (fd % 64);
			r++;
		}
		if ((re & (POLLOUT | POLLERR)) && (in[1][fd / 64] & (1ULL << (fd % 64)))) {
			out[1][fd / 64] |= 1ULL << (fd % 64);
			r++;
		}
		if ((re & POLLPRI) && (in[2][fd / 64] & (1ULL << (fd % 64)))) {
			out[2][fd / 64] |= 1ULL << (fd % 64);
			r++;
		}
	}
	for (int s = 0; s < 3; s++)
		if (sets[s] && copy_to_user(sets[s], out[s], bytes))
			r = -EFAULT;
out:
	kfree(fds);
	return r;
}

struct ktimeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

SYSCALL_DEFINE5(select, int, nfds, uint64_t __user *, rfds, uint64_t __user *, wfds,
		uint64_t __user *, efds, struct ktimeval __user *, utv)
{
	uint64_t deadline = UINT64_MAX;
	struct ktimeval tv;

	if (utv) {
		if (copy_from_user(&tv, utv, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		uint64_t ns = (uint64_t)tv.tv_sec * 1000000000ULL + (uint64_t)tv.tv_usec * 1000;

		deadline = ns ? ktime_deadline_after(ns) : 0;
	}
	return do_select(nfds, rfds, wfds, efds, deadline);
}

SYSCALL_DEFINE6(pselect6, int, nfds, uint64_t __user *, rfds, uint64_t __user *, wfds,
		uint64_t __user *, efds, const struct ktimespec __user *, uts,
		const void __user *, sigmask)
{
	uint64_t deadline;
	long err = deadline_from_timespec(uts, &deadline);

	return err ? err : do_select(nfds, rfds, wfds, efds, deadline);
}
