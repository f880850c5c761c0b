/*
 * syscalls.c - the signal syscalls: rt_sigaction, rt_sigprocmask,
 * rt_sigpending, rt_sigsuspend, pause, rt_sigtimedwait, rt_sigqueueinfo and
 * rt_tgsigqueueinfo.  (kill, tkill and tgkill are layer 20's; they send
 * through the signal operations this layer installs.  rt_sigreturn and
 * sigaltstack live with the frame, in arch/x86_64/sigframe.c.)
 *
 * Signal sets cross the boundary as the kernel's 64-bit sigset: a
 * sigsetsize other than 8 is -EINVAL, as on Linux.
 */
#include <errno.h>
#include <ktime.h>
#include <string.h>
#include <syscall.h>
#include <uaccess.h>
#include <wait.h>
#include "sig.h"

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* The calling thread's state; every user task has one (see sig_exec()). */
static struct sigtask *current_state(void)
{
	return sigstate(task_current());
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct sigtask *st = current_state();
	struct k_sigaction new, old;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (!st)
		return -ENOSYS;
	if (!sig_valid(sig) || (act && (SIGBIT(sig) & SIG_UNBLOCKABLE)))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	old = st->hand->action[sig - 1];
	if (act) {
		new.mask &= ~SIG_UNBLOCKABLE;
		st->hand->action[sig - 1] = new;
		/* POSIX: setting a pending signal to be ignored discards it. */
		if (sig_is_ignored(st->hand, sig))
			sig_flush(st->proc, SIGBIT(sig));
	}
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const uint64_t __user *, uset, uint64_t __user *, uoset,
		size_t, sigsetsize)
{
	struct sigtask *st = current_state();
	uint64_t old, set;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (!st)
		return -ENOSYS;
	old = st->blocked;
	/* LAB 30 BEGIN sigprocmask */
	/* LAB STUB: (void)set; (void)how; */
	if (uset) {
		if (copy_from_user(&set, uset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			sig_set_blocked(st, old | set);
			break;
		case SIG_UNBLOCK:
			sig_set_blocked(st, old & ~set);
			break;
		case SIG_SETMASK:
			sig_set_blocked(st, set);
			break;
		default:
			return -EINVAL;
		}
	}
	/* LAB 30 END sigprocmask */
	if (uoset && copy_to_user(uoset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, uint64_t __user *, uset, size_t, sigsetsize)
{
	struct sigtask *st = current_state();
	uint64_t set;

	if (sigsetsize > sizeof(uint64_t))
		return -EINVAL;
	if (!st)
		return -ENOSYS;
	/* Pending and blocked: what waits for an unblock. */
	set = sig_pending_set(st) & st->blocked;
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* Sleep until a signal is deliverable; the caller's -ERESTARTNOHAND makes a handler's return EINTR. */
static long wait_for_signal(void)
{
	struct wait_queue never;

	wait_queue_init(&never);
	wait_event(&never, 0);
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE0(pause)
{
	return wait_for_signal();
}

SYSCALL_DEFINE2(rt_sigsuspend, const uint64_t __user *, umask, size_t, sigsetsize)
{
	struct sigtask *st = current_state();
	uint64_t mask;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (!st)
		return -ENOSYS;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	/* The handler's frame saves the old mask; with no handler, delivery puts it back. */
	st->saved_blocked = st->blocked;
	st->restore_blocked = 1;
	sig_set_blocked(st, mask);
	return wait_for_signal();
}

SYSCALL_DEFINE4(rt_sigtimedwait, const uint64_t __user *, uset, void __user *, uinfo,
		const struct ktimespec __user *, uts, size_t, sigsetsize)
{
	struct sigtask *st = current_state();
	struct ksiginfo info;
	uint64_t set, timeout_ns = 0, deadline = 0, blocked;
	uint8_t linux_info[128];
	long err = 0;
	int sig;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (!st)
		return -ENOSYS;
	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	set &= ~SIG_UNBLOCKABLE;
	if (uts) {
		err = ktimespec_from_user(uts, &timeout_ns);
		if (err)
			return err;
		deadline = ktime_deadline_tick(ktime_deadline_after(timeout_ns));
	}
	sig = sig_dequeue(st, set, &info);
	if (!sig && !(uts && timeout_ns == 0)) {
		/* While waiting, the awaited signals are unblocked so that they end the sleep. */
		struct wait_queue never;

		blocked = st->blocked;
		st->real_blocked = blocked;
		st->blocked &= ~set;
		wait_queue_init(&never);
		err = wait_event_deadline(&never, 0, deadline);
		st->blocked = blocked;
		st->real_blocked = 0;
		sig = sig_dequeue(st, set, &info);
	}
	if (!sig)
		return err == -ETIMEDOUT || err == 0 ? -EAGAIN : -EINTR;
	if (uinfo) {
		siginfo_to_linux(&info, linux_info);
		if (copy_to_user(uinfo, linux_info, sizeof(linux_info)))
			return -EFAULT;
	}
	return sig;
}

/* The part of a user's siginfo_t kept: si_code, si_pid, si_uid, si_value. */
static long queue_from_user(struct task *t, int sig, const void __user *uinfo, int thread)
{
	struct task *cur = task_current();
	uint8_t raw[128];
	int32_t head[3], ids[2];
	struct ksiginfo info = { .signo = sig };

	if (copy_from_user(raw, uinfo, sizeof(raw)))
		return -EFAULT;
	memcpy(head, raw, sizeof(head));
	memcpy(ids, raw + 16, sizeof(ids));
	/* Only the kernel may claim kill's or tkill's codes for a signal to someone else. */
	if ((head[2] >= 0 || head[2] == SI_TKILL) && t->tgid != cur->tgid)
		return -EPERM;
	info.err = head[1];
	info.code = head[2];
	info.pid = ids[0];
	info.uid = (uid_t)ids[1];
	memcpy(&info.addr, raw + 24, sizeof(info.addr));
	if (cur->euid != 0 && cur->euid != t->uid && cur->uid != t->uid)
		return -EPERM;
	return sig ? sig_send_info(t, &info, thread) : 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, tgid, int, sig, const void __user *, uinfo)
{
	struct task *t = task_find(tgid);

	if (sig < 0 || sig > NSIG_LINUX)
		return -EINVAL;
	if (!t || t->tgid != tgid || t->leader->state == TASK_ZOMBIE)
		return -ESRCH;
	return queue_from_user(t->leader, sig, uinfo, 0);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, tid, int, sig, const void __user *, uinfo)
{
	struct task *t = task_find(tid);

	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > NSIG_LINUX)
		return -EINVAL;
	if (!t || t->tgid != tgid || t->state == TASK_ZOMBIE)
		return -ESRCH;
	return queue_from_user(t, sig, uinfo, 1);
}
