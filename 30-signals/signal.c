/*
 * signal.c - POSIX signals: sending, the pending sets, dequeueing in Linux's
 * order, default actions (terminate, core, stop, continue, ignore), job
 * control, and the `struct signal_ops` that layer 20 calls through.
 *
 * Where things happen:
 * - send (any context, interrupts included): the signal is recorded in the
 *   thread's or the process's pending set and the threads that may take it
 *   are woken, so a sleep in the kernel ends with -ERESTARTSYS.  SIGKILL ends
 *   the process at once; SIGCONT resumes a stopped one right away, as Linux.
 * - deliver (on every return to user mode): each deliverable signal is
 *   dequeued; a default action is applied here, and a handler gets a frame
 *   on the user stack (arch/x86_64/sigframe.c), one on top of the other when
 *   several are deliverable at once - Linux does the same.
 * One CPU: the pending sets are only touched with interrupts disabled.
 */
#include <arch/cpu.h>
#include <errno.h>
#include <initcall.h>
#include <kmalloc.h>
#include <printk.h>
#include <string.h>
#include <syscall.h>
#include <tty.h>
#include "sig.h"

#define RLIMIT_CORE 4
/* Faults are delivered before anything else pending (Linux's SYNCHRONOUS_MASK). */
#define SIG_SYNCHRONOUS (SIGBIT(SIGSEGV) | SIGBIT(SIGBUS) | SIGBIT(SIGILL) | SIGBIT(SIGTRAP) | \
			 SIGBIT(SIGFPE) | SIGBIT(SIGSYS))

int sig_valid(int sig)
{
	return sig >= 1 && sig <= NSIG_LINUX;
}

/* ------------------------------------------------------------ pending sets */

static void pending_init(struct sigpending *p)
{
	memset(p, 0, sizeof(*p));
	list_init(&p->rt);
}

/* Forget every pending signal of @set in @p. */
static void pending_flush(struct sigpending *p, uint64_t set)
{
	struct list_node *n, *tmp;

	p->set &= ~set;
	list_for_each_safe(n, tmp, &p->rt) {
		struct sigqueue *q = list_entry(n, struct sigqueue, node);

		if (set & SIGBIT(q->info.signo)) {
			list_del(&q->node);
			kfree(q);
		}
	}
}

/* Record @info in @p: a standard signal once, a real-time one as often as sent. */
static int pending_add(struct sigpending *p, const struct ksiginfo *info)
{
	int sig = info->signo;

	if (sig < 32) {
		if (!(p->set & SIGBIT(sig)))
			p->std[sig] = *info;
	} else {
		struct sigqueue *q = kmalloc(sizeof(*q));

		if (!q)
			return -EAGAIN;
		q->info = *info;
		list_add_tail(&q->node, &p->rt);
	}
	p->set |= SIGBIT(sig);
	return 0;
}

/* Take the lowest signal of @p in @mask (faults first); 0 if none. */
static int pending_take(struct sigpending *p, uint64_t mask, struct ksiginfo *info)
{
	uint64_t x = p->set & mask;
	struct list_node *n;
	int sig, taken = 0;

	if (!x)
		return 0;
	if (x & SIG_SYNCHRONOUS)
		x &= SIG_SYNCHRONOUS;
	sig = __builtin_ctzll(x) + 1;
	if (sig < 32) {
		*info = p->std[sig];
		p->set &= ~SIGBIT(sig);
		return sig;
	}
	/* Real-time: the oldest instance; the bit stays while another is queued. */
	p->set &= ~SIGBIT(sig);
	list_for_each(n, &p->rt) {
		struct sigqueue *q = list_entry(n, struct sigqueue, node);

		if (q->info.signo != sig)
			continue;
		if (!taken) {
			*info = q->info;
			list_del(&q->node);
			kfree(q);
			taken = 1;
			n = &p->rt;	/* start over: the list changed */
			continue;
		}
		p->set |= SIGBIT(sig);
		break;
	}
	return sig;
}

int sig_dequeue(struct sigtask *st, uint64_t mask, struct ksiginfo *info)
{
	uint64_t flags = irq_save();
	int sig = pending_take(&st->pending, mask, info);

	if (!sig)
		sig = pending_take(&st->proc->shared, mask, info);
	irq_restore(flags);
	return sig;
}

uint64_t sig_pending_set(const struct sigtask *st)
{
	return st->pending.set | st->proc->shared.set;
}

/* Forget @set wherever it is pending in the process (all threads and the shared set). */
void sig_flush(struct sigproc *proc, uint64_t set)
{
	struct task *th;
	uint64_t flags = irq_save();

	pending_flush(&proc->shared, set);
	for_each_thread(proc->leader, th)
		if (sigstate(th))
			pending_flush(&sigstate(th)->pending, set);
	irq_restore(flags);
}

/* ------------------------------------------------------------ dispositions */

/* Signals whose default action is to do nothing (SIGCONT's "continue" happens at send time). */
static int default_ignores(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

int sig_is_ignored(const struct sighand *hand, int sig)
{
	uint64_t h = hand->action[sig - 1].handler;

	return h == SIG_IGN || (h == SIG_DFL && default_ignores(sig));
}

void sig_set_blocked(struct sigtask *st, uint64_t blocked)
{
	st->blocked = blocked & ~SIG_UNBLOCKABLE;
}

/* A signal the thread may take now, or a group stop to join. */
int sig_deliverable(const struct sigtask *st)
{
	return (sig_pending_set(st) & ~st->blocked) || (st->proc->stop_signal && !st->stopped);
}

/* ------------------------------------------------------------ state lifetime */

static struct sigproc *sigproc_new(struct task *leader)
{
	struct sigproc *proc = kzalloc(sizeof(*proc));

	if (!proc)
		return NULL;
	proc->refs = 1;
	proc->leader = leader;
	pending_init(&proc->shared);
	list_init(&proc->timer_node);
	return proc;
}

static struct sigtask *sigtask_new(struct task *t)
{
	struct sigtask *st = kzalloc(sizeof(*st));

	if (!st)
		return NULL;
	st->task = t;
	st->ss_flags = SS_DISABLE;
	pending_init(&st->pending);
	return st;
}

static void sigproc_put(struct sigproc *proc)
{
	if (--proc->refs)
		return;
	itimer_disarm(proc);
	pending_flush(&proc->shared, ~0ULL);
	kfree(proc);
}

static void sighand_put(struct sighand *hand)
{
	if (--hand->refs == 0)
		kfree(hand);
}

/* A task that never forked from a user process (init, started by a kernel thread) gets fresh state. */
static struct sigtask *sigstate_create(struct task *t)
{
	struct sigtask *st = sigtask_new(t);

	if (!st)
		return NULL;
	st->hand = kzalloc(sizeof(*st->hand));
	st->proc = sigproc_new(t->leader);
	if (!st->hand || !st->proc) {
		kfree(st->hand);
		kfree(st->proc);
		kfree(st);
		return NULL;
	}
	st->hand->refs = 1;
	return st;
}

static int sig_fork(struct task *child, uint64_t flags)
{
	struct sigtask *parent = sigstate(task_current());
	struct sigtask *st;

	if (!parent)
		return 0;	/* a kernel thread's child: state comes at its execve */
	st = sigtask_new(child);
	if (!st)
		return -ENOMEM;
	st->blocked = parent->blocked;
	/* A new thread (CLONE_VM without CLONE_VFORK) starts without the alternate stack. */
	if ((flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) {
		st->ss_sp = parent->ss_sp;
		st->ss_size = parent->ss_size;
		st->ss_flags = parent->ss_flags;
	}
	if (flags & CLONE_SIGHAND) {
		st->hand = parent->hand;
		st->hand->refs++;
	} else {
		st->hand = kmalloc(sizeof(*st->hand));
		if (!st->hand)
			goto fail;
		memcpy(st->hand, parent->hand, sizeof(*st->hand));
		st->hand->refs = 1;
	}
	if (flags & CLONE_THREAD) {
		st->proc = parent->proc;
		st->proc->refs++;
	} else {
		st->proc = sigproc_new(child);
		if (!st->proc) {
			sighand_put(st->hand);
			goto fail;
		}
	}
	child->signal = st;
	return 0;
fail:
	kfree(st);
	return -ENOMEM;
}

static void sig_exec(void)
{
	struct task *t = task_current();
	struct sigtask *st = sigstate(t);

	if (!st) {
		t->signal = sigstate_create(t);
		if (!t->signal)
			pr_err("signal: no memory for %s[%d]'s signal state\n", t->comm, t->tid);
		return;
	}
	/* Handlers shared with another process (CLONE_SIGHAND without CLONE_THREAD): take a copy. */
	if (st->hand->refs > 1) {
		struct sighand *copy = kmalloc(sizeof(*copy));

		if (copy) {
			memcpy(copy, st->hand, sizeof(*copy));
			copy->refs = 1;
			st->hand->refs--;
			st->hand = copy;
		}
	}
	/* Caught signals go back to the default; ignored ones stay ignored. The mask stays. */
	for (int i = 0; i < NSIG_LINUX; i++) {
		struct k_sigaction *ka = &st->hand->action[i];

		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = 0;
		ka->mask = 0;
	}
	altstack_disable(st);
}

static void exit_orphans(struct task *t);

static void sig_exit(struct task *t)
{
	struct sigtask *st = sigstate(t);
	uint64_t flags;

	if (!st)
		return;
	/* The process ends (its leader exits last or alone): groups it held together may be orphaned. */
	if (t == t->leader && list_empty(&t->threads))
		exit_orphans(t);
	flags = irq_save();
	t->signal = NULL;
	pending_flush(&st->pending, ~0ULL);
	irq_restore(flags);
	/* A group stop must not wait for a thread that is gone. */
	if (st->proc->stop_signal && !st->stopped && st->proc->stop_remaining > 0)
		st->proc->stop_remaining--;
	sigproc_put(st->proc);
	sighand_put(st->hand);
	kfree(st);
}

static int sig_child_autoreap(struct task *parent)
{
	struct sigtask *st = sigstate(parent);

	if (!st)
		return 0;
	return st->hand->action[SIGCHLD - 1].handler == SIG_IGN ||
	       (st->hand->action[SIGCHLD - 1].flags & SA_NOCLDWAIT);
}

/* ------------------------------------------------------------ job control */

/* Tell @leader's parent that it stopped (CLD_STOPPED) or continued (CLD_CONTINUED). */
static void notify_parent_jobctl(struct task *leader, int code, int status)
{
	struct task *p = leader->parent;
	struct sigtask *pst;

	if (!p)
		return;
	pst = sigstate(p);
	if (!pst || !(pst->hand->action[SIGCHLD - 1].flags & SA_NOCLDSTOP)) {
		struct ksiginfo info = {
			.signo = SIGCHLD, .code = code, .pid = leader->tgid, .uid = leader->uid,
			.status = status, .utime = leader->run_ticks,
		};

		signal_send(p, &info, 0);
	}
	wake_up(&p->child_exit);
}

static int live_thread_count(struct task *leader)
{
	struct task *th;
	int count = 0;

	for_each_thread(leader, th)
		if (sigstate(th))
			count++;
	return count;
}

/* Wake every thread of @leader's process: each re-checks what it must do. */
static void wake_group(struct task *leader, int resume)
{
	struct task *th;

	for_each_thread(leader, th) {
		task_wake(th);
		if (resume)
			task_resume(th);
	}
}

/* The group stop asked for by @sig: every thread stops on its way to user mode. */
static void group_stop_begin(struct sigproc *proc, int sig)
{
	if (proc->stop_signal)
		return;
	proc->stop_signal = sig;
	proc->stop_remaining = live_thread_count(proc->leader);
	wake_group(proc->leader, 0);
}

/* The current thread joins the group stop; returns once SIGCONT or SIGKILL resumes it. */
static void group_stop_join(struct sigtask *st)
{
	struct sigproc *proc = st->proc;
	struct task *leader = proc->leader;

	st->stopped = 1;
	if (--proc->stop_remaining <= 0) {
		leader->stop_signal = proc->stop_signal;
		leader->wait_report = TASK_REPORT_STOPPED;
		notify_parent_jobctl(leader, CLD_STOPPED, proc->stop_signal);
	}
	/* SIGCONT may have come while we were on the way here. */
	while (proc->stop_signal && !leader->group_exit)
		task_stop();
	st->stopped = 0;
}

/* SIGCONT: end a stop (or one in progress) at once, whatever the signal's disposition. */
static void group_continue(struct sigproc *proc)
{
	struct task *leader = proc->leader;
	int was_stopped = leader->stop_signal != 0;

	if (!proc->stop_signal && !was_stopped)
		return;
	proc->stop_signal = 0;
	proc->stop_remaining = 0;
	leader->stop_signal = 0;
	wake_group(leader, 1);
	if (was_stopped) {
		leader->wait_report = TASK_REPORT_CONTINUED;
		notify_parent_jobctl(leader, CLD_CONTINUED, SIGCONT);
	}
}

/*
 * A process group is orphaned when no member has a parent in another group
 * of the same session: nobody is left to continue it, so the terminal's
 * stop signals are not applied to it (POSIX).  As Linux, a parent that is
 * init does not count.
 */
static int pgrp_orphaned_without(pid_t pgrp, const struct task *leaving)
{
	struct list_node *n;

	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);
		struct task *p = t->parent;

		if (t->leader != t || t->pgid != pgrp || t->state == TASK_ZOMBIE ||
		    t->state == TASK_DEAD || (leaving && t == leaving))
			continue;
		if (p && !(leaving && p == leaving) && p->tid != 1 && p->pgid != pgrp &&
		    p->sid == t->sid)
			return 0;
	}
	return 1;
}

static int pgrp_orphaned(pid_t pgrp)
{
	return pgrp_orphaned_without(pgrp, NULL);
}

/*
 * POSIX: when a process group becomes orphaned while some of its members
 * are stopped, nobody is left to continue them, so each gets SIGHUP and
 * then SIGCONT (Linux's kill_orphaned_pgrp()).  @leaving is the process
 * whose exit may orphan @pgrp.
 */
static void orphaned_pgrp_check(pid_t pgrp, const struct task *leaving)
{
	struct list_node *n;
	int stopped = 0;

	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);

		if (t->leader == t && t->pgid == pgrp && t != leaving && t->stop_signal)
			stopped = 1;
	}
	if (stopped && pgrp_orphaned_without(pgrp, leaving)) {
		signal_send_pgrp(pgrp, SIGHUP);
		signal_send_pgrp(pgrp, SIGCONT);
	}
}

/* Process @t is exiting: its own group and its children's may become orphaned. */
static void exit_orphans(struct task *t)
{
	struct task *p = t->parent;
	struct list_node *n;

	if (p && p->pgid != t->pgid && p->sid == t->sid)
		orphaned_pgrp_check(t->pgid, t);
	list_for_each(n, &t->children) {
		struct task *c = list_entry(n, struct task, sibling_node);

		if (c->pgid != t->pgid && c->sid == t->sid)
			orphaned_pgrp_check(c->pgid, t);
	}
}

/* Layer 20's TTY asks what a background process may do with the terminal. */
static long sig_tty_background(pid_t fg_pgrp, enum tty_background_op op)
{
	struct task *me = task_current();
	struct sigtask *st = sigstate(me);
	int sig = op == TTY_BG_READ ? SIGTTIN : SIGTTOU;
	int shielded;

	if (!st)
		return 0;
	shielded = st->hand->action[sig - 1].handler == SIG_IGN || (st->blocked & SIGBIT(sig));
	if (shielded)
		return op == TTY_BG_READ ? -EIO : 0;
	if (pgrp_orphaned(me->leader->pgid))
		return -EIO;
	signal_send_pgrp(me->leader->pgid, sig);
	return -ERESTARTSYS;
}

/* ------------------------------------------------------------ sending */

/* Which thread's state of @t's process to use: @t's, or any live thread's once @t is gone. */
static struct sigtask *process_state(struct task *t)
{
	struct task *th;

	if (sigstate(t))
		return sigstate(t);
	for_each_thread(t->leader, th)
		if (sigstate(th))
			return sigstate(th);
	return NULL;
}

/*
 * Wake @t if it sleeps.  A signal is urgent: the sender gives up the rest of
 * its time slice at its next return to user mode, so that a process waiting
 * in sigsuspend runs at once rather than a time slice later.
 */
static void wake_for_signal(struct task *t)
{
	if (t->state != TASK_SLEEPING)
		return;
	task_wake(t);
	if (!task_is_idle(task_current()))
		task_current()->need_resched = 1;
}

/* Wake the threads that may take @sig, so that a sleep ends. */
static void wake_takers(struct task *t, int sig, int thread)
{
	struct task *th;

	if (thread) {
		wake_for_signal(t);
		return;
	}
	for_each_thread(t->leader, th)
		if (sigstate(th) && !(sigstate(th)->blocked & SIGBIT(sig)))
			wake_for_signal(th);
}

/* Blocked, or waited for by sigtimedwait (blocked before the wait): kept even if ignored. */
static int sig_held(const struct sigtask *st, int sig)
{
	return ((st->blocked | st->real_blocked) & SIGBIT(sig)) != 0;
}

/* @force: a fault's signal, which reaches even process 1. */
static int send_signal(struct task *t, const struct ksiginfo *info, int thread, int force)
{
	int sig = info->signo;
	struct sigtask *st;
	struct sigproc *proc;
	uint64_t flags;
	int err = 0;

	flags = irq_save();
	st = thread ? sigstate(t) : process_state(t);
	if (!st || t->leader->group_exit || t->leader->state == TASK_ZOMBIE) {
		/* No signal state (a kernel-made test task): only the default action can apply. */
		if (!st && signal_default_terminates(sig))
			task_kill_group(t, sig);
		goto out;
	}
	proc = st->proc;
	/*
	 * As Linux: process 1 only gets the signals it has a handler for.  A
	 * blocked one is kept all the same, for sigwaitinfo (delivery drops it
	 * if it is ever unblocked with the default action).
	 */
	if (!force && t->leader->tid == 1 && st->hand->action[sig - 1].handler == SIG_DFL &&
	    !sig_held(st, sig))
		goto out;
	if (sig == SIGKILL) {
		task_kill_group(t, SIGKILL);
		goto out;
	}
	/* A stop signal cancels a pending SIGCONT, and SIGCONT cancels stops (and ends a stop). */
	if (SIGBIT(sig) & SIG_STOPS)
		sig_flush(proc, SIGBIT(SIGCONT));
	if (sig == SIGCONT) {
		sig_flush(proc, SIG_STOPS);
		group_continue(proc);
	}
	/* Ignored and not blocked: dropped now, as if never sent. */
	if (sig_is_ignored(st->hand, sig) && !sig_held(st, sig))
		goto out;
	err = pending_add(thread ? &st->pending : &proc->shared, info);
	if (!err)
		wake_takers(st->task, sig, thread);
out:
	irq_restore(flags);
	return err;
}

int sig_send_info(struct task *t, const struct ksiginfo *info, int thread)
{
	return send_signal(t, info, thread, 0);
}

static void sig_send(struct task *t, const struct ksiginfo *info, int thread)
{
	sig_send_info(t, info, thread);
}

/* ------------------------------------------------------------ faults */

/*
 * A fault cannot wait: if the signal is blocked or ignored, it goes back to
 * the default action and is unblocked (Linux's force_sig_info), so a fault
 * that cannot be handled ends the process instead of looping.
 */
static void sig_fault(struct trap_frame *tf, int sig, int code, uint64_t addr)
{
	struct task *t = task_current();
	struct sigtask *st = sigstate(t);
	struct ksiginfo info = { .signo = sig, .code = code, .addr = addr };
	struct k_sigaction *ka;

	/* LAB 30 BEGIN fault_signal */
	/* LAB STUB: (void)ka; (void)info; (void)st; */
	/* LAB STUB: task_kill_group(t, sig); */
	/* LAB STUB: task_exit_group(t->leader->exit_status); */
	if (!st) {
		task_kill_group(t, sig);
		task_exit_group(t->leader->exit_status);
	}
	ka = &st->hand->action[sig - 1];
	if (ka->handler == SIG_IGN || (st->blocked & SIGBIT(sig))) {
		ka->handler = SIG_DFL;
		st->blocked &= ~SIGBIT(sig);
	}
	if (ka->handler == SIG_DFL)
		pr_info("%s[%d]: %s at rip %#llx, address %#llx: killed by signal %d\n", t->comm,
			t->tid, trap_name(tf->vector), (unsigned long long)tf->rip,
			(unsigned long long)addr, sig);
	send_signal(t, &info, 1, 1);
	/* LAB 30 END fault_signal */
}

/* ------------------------------------------------------------ delivery */

static int sig_pending(void)
{
	struct sigtask *st = sigstate(task_current());

	return st && sig_deliverable(st);
}

/* The default action of @sig for the current thread; returns only if the process goes on. */
static void default_action(struct sigtask *st, const struct ksiginfo *info)
{
	struct task *t = task_current();
	int sig = info->signo, status = sig;

	if (default_ignores(sig))
		return;
	/* Process 1 takes no default action but a fault's (the kernel's own SIGSEGV, ...). */
	if (t->leader->tid == 1 && !((SIGBIT(sig) & SIG_SYNCHRONOUS) && info->code > 0))
		return;
	if (SIGBIT(sig) & SIG_STOPS) {
		/* The terminal's stop signals do not stop an orphaned process group. */
		if (sig == SIGSTOP || !pgrp_orphaned(t->leader->pgid))
			group_stop_begin(st->proc, sig);
		return;
	}
	/* "core": no file is written; the wait status says it would have been, if RLIMIT_CORE allows one. */
	if (signal_default_dumps_core(sig) && t->leader->rlimits[RLIMIT_CORE][0] != 0)
		status |= 0x80;
	task_exit_group(status);
}

static void sig_deliver(struct trap_frame *tf)
{
	struct task *t = task_current();
	struct sigtask *st = sigstate(t);
	struct ksiginfo info;
	int handled = 0;

	/* The common case, on every return to user mode: nothing to do. */
	if (!st || (!sig_deliverable(st) && !st->restore_blocked)) {
		syscall_restart(tf, 0, 0);
		return;
	}
	for (;;) {
		if (t->leader->group_exit)
			task_exit_group(t->leader->exit_status);
		if (st->proc->stop_signal && !st->stopped) {
			group_stop_join(st);
			continue;
		}
		int sig = sig_dequeue(st, ~st->blocked, &info);

		if (!sig)
			break;
		struct k_sigaction *ka = &st->hand->action[sig - 1];

		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler == SIG_DFL) {
			default_action(st, &info);
			continue;
		}
		/* A handler: first settle the interrupted syscall, so the frame saves the outcome. */
		syscall_restart(tf, 1, !!(ka->flags & SA_RESTART));
		uint64_t saved = st->restore_blocked ? st->saved_blocked : st->blocked;

		if (sigframe_setup(tf, &info, ka, st, saved) < 0) {
			/* No room for the frame (or no restorer): the process dies of SIGSEGV. */
			pr_info("%s[%d]: cannot set up the frame for signal %d at rsp %#llx\n",
				t->comm, t->tid, sig, (unsigned long long)tf->rsp);
			st->hand->action[SIGSEGV - 1].handler = SIG_DFL;
			task_exit_group(SIGSEGV);
		}
		st->restore_blocked = 0;
		/* LAB 30 BEGIN handler_mask */
		sig_set_blocked(st, st->blocked | ka->mask |
				    ((ka->flags & SA_NODEFER) ? 0 : SIGBIT(sig)));
		if (ka->flags & SA_RESETHAND)
			ka->handler = SIG_DFL;
		/* LAB 30 END handler_mask */
		handled = 1;
	}
	if (!handled) {
		syscall_restart(tf, 0, 0);
		/* sigsuspend and friends: no handler ran, so the old mask comes back now. */
		if (st->restore_blocked) {
			st->restore_blocked = 0;
			st->blocked = st->saved_blocked;
		}
	}
}

static const struct signal_ops layer30_ops = {
	.send = sig_send,
	.fault = sig_fault,
	.pending = sig_pending,
	.deliver = sig_deliver,
	.fork = sig_fork,
	.exec = sig_exec,
	.exit = sig_exit,
	.child_autoreap = sig_child_autoreap,
};

static int signals_init(void)
{
	sigframe_init();
	signal_set_ops(&layer30_ops);
	tty_background_hook = sig_tty_background;
	pr_info("signal: POSIX signals, handlers on the user stack, job control\n");
	return 0;
}
INITCALL(INITCALL_CORE, signals_init);
