/*
 * exit.c - how tasks end: exit, exit_group, the zombie state, and the
 * parent's wait4/waitid that collects the exit status.
 *
 * A thread that exits disappears at once.  A process (thread-group leader)
 * becomes a zombie that keeps its exit status until its parent waits for it;
 * it is only reported once its last thread is gone.  Children of an exiting
 * process are handed to init (tid 1), which reaps them.
 */
#include <arch/cpu.h>
#include <errno.h>
#include <kmalloc.h>
#include <mm.h>
#include <power.h>
#include <printk.h>
#include <signal.h>
#include <syscall.h>
#include <uaccess.h>
#include <vfs.h>
#include "proc.h"

#define WNOHANG 1
#define WUNTRACED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

#define P_ALL 0
#define P_PID 1
#define P_PGID 2


/* True if some task still uses @id as its thread, process, group or session id. */
int task_group_in_use(pid_t id)
{
	struct list_node *n;

	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);

		if (t->state != TASK_DEAD && (t->tgid == id || t->pgid == id || t->sid == id))
			return 1;
	}
	return 0;
}

/* Drop @t's use of its address space; the last user destroys it. */
void mm_release(struct task *t)
{
	struct mm *mm = t->mm;

	t->mm = NULL;
	mm_put_unused(mm);
}

/* Destroy @mm unless a task still uses it (tasks hold no count: they are counted here). */
void mm_put_unused(struct mm *mm)
{
	struct list_node *n;

	if (!mm)
		return;
	list_for_each(n, &task_list) {
		if (list_entry(n, struct task, all_node)->mm == mm)
			return;
	}
	if (mm_current() == mm)
		mm_switch(NULL);
	mm_destroy(mm);
}

/* The vfork parent sleeps until its child execs or exits. */
void vfork_release(struct task *t)
{
	/* LAB 20 BEGIN vfork_wait */
	if (t->vfork_parent) {
		t->vfork_done = 1;
		wake_up(&t->vfork_wq);
		t->vfork_parent = NULL;
	}
	/* LAB 20 END vfork_wait */
}

static struct task *init_task(void)
{
	return init_process;
}

/* Give @t's children to init, waking it for the zombies among them. */
static void reparent_children(struct task *t)
{
	struct task *init = init_task();
	struct list_node *n, *tmp;

	list_for_each_safe(n, tmp, &t->children) {
		struct task *c = list_entry(n, struct task, sibling_node);

		list_del(&c->sibling_node);
		if (!init || init == t) {
			c->parent = NULL;
			continue;
		}
		c->parent = init;
		list_add_tail(&c->sibling_node, &init->children);
	}
	if (init && init != t)
		wake_up(&init->child_exit);
}

/* Free a zombie nobody will wait for: now, or once off the CPU if it is us. */
static void reap_unwaited(struct task *leader)
{
	leader->state = TASK_DEAD;
	if (leader != task_current())
		task_free(leader);
}

/* What a parent learns about a child that ended with wait status @status (si_code, si_status). */
static void exit_status_info(int status, int *code, int *value)
{
	if (status & 0x7f) {
		*code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		*value = status & 0x7f;
	} else {
		*code = CLD_EXITED;
		*value = (status >> 8) & 0xff;
	}
}

/* A leader whose threads are all gone is ready to be reported to its parent. */
static void notify_parent(struct task *leader)
{
	struct task *p = leader->parent;

	if (!p) {
		/* Nobody will wait: reap it now (kernel threads, orphans of init). */
		reap_unwaited(leader);
		return;
	}
	if (leader->exit_signal) {
		struct ksiginfo info = {
			.signo = leader->exit_signal,
			.pid = leader->tgid,
			.uid = leader->uid,
			.utime = leader->run_ticks,
		};

		exit_status_info(leader->exit_status, &info.code, &info.status);
		signal_send(p, &info, 0);
	}
	/* A parent ignoring SIGCHLD (or with SA_NOCLDWAIT) never sees its children as zombies. */
	if (leader->exit_signal == SIGCHLD && signal_child_autoreap(p)) {
		list_del(&leader->sibling_node);
		leader->parent = NULL;
		reap_unwaited(leader);
	}
	wake_up(&p->child_exit);
}

void task_exit(int status)
{
	struct task *t = task_current();
	struct task *leader = t->leader;

	if (t->clear_child_tid) {
		uint32_t zero = 0;

		/* The thread library's join waits on this word (set_tid_address(2)). */
		if (put_user(&zero, (uint32_t __user *)t->clear_child_tid) == 0)
			futex_wake_addr(t->clear_child_tid, 1);
	}
	vfork_release(t);
	mm_release(t);
	signal_exit_notify(t);
	if (t->files) {
		files_put(t->files);
		t->files = NULL;
	}
	if (t->fs) {
		fs_context_put(t->fs);
		t->fs = NULL;
	}

	irq_disable();
	if (leader != t) {
		/* A thread: gone at once; the last one out reports a waiting leader. */
		list_del(&t->thread_node);
		t->state = TASK_DEAD;
		/* A thread that exec'd in place of a dead leader ends the process with its status. */
		if (t->exec_took_over && !leader->group_exit)
			leader->exit_status = status;
		if (leader->state == TASK_ZOMBIE && list_empty(&leader->threads))
			notify_parent(leader);
		schedule();
	}
	if (t == init_process) {
		pr_emerg("init: exited with status %#x; powering off\n", status);
		power_off((status & 0x7f) ? POWER_STATUS_PANIC :
			  ((status >> 8) & 0xff) ? POWER_STATUS_FAIL : POWER_STATUS_OK);
	}
	if (!leader->group_exit)
		leader->exit_status = status;
	reparent_children(t);
	t->state = TASK_ZOMBIE;
	if (list_empty(&t->threads))
		notify_parent(t);
	schedule();
	for (;;)
		;
}

/* End every thread of the current process with wait status @status. */
void task_exit_group(int status)
{
	struct task *t = task_current();
	struct task *leader = t->leader;
	struct list_node *n;

	if (!leader->group_exit) {
		leader->group_exit = 1;
		leader->exit_status = status;
	}
	if (leader != t && leader->state != TASK_ZOMBIE)
		task_wake(leader);
	list_for_each(n, &leader->threads) {
		struct task *th = list_entry(n, struct task, thread_node);

		if (th != t)
			task_wake(th);
	}
	task_exit(leader->exit_status);
}

void kthread_exit(void)
{
	task_exit(0);
}

SYSCALL_DEFINE1(exit, int, code)
{
	task_exit((code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, code)
{
	task_exit_group((code & 0xff) << 8);
}

/* Which children a wait selects (wait4's pid argument, in waitid's terms). */
struct wait_select {
	int idtype;
	pid_t id;
	int options;
};

static int wait_matches(const struct task *self, const struct task *c, const struct wait_select *s)
{
	switch (s->idtype) {
	case P_PID:
		return c->tgid == s->id;
	case P_PGID:
		return c->pgid == (s->id ? s->id : self->leader->pgid);
	default:
		return 1;
	}
}

/* What a wait can report about a child. */
enum wait_kind { WAIT_NONE, WAIT_EXITED, WAIT_STOPPED, WAIT_CONTINUED };

/* What @c has to report that the wait's options ask for (WUNTRACED is WSTOPPED). */
static enum wait_kind wait_kind(const struct task *c, int options)
{
	if ((options & WEXITED) && c->state == TASK_ZOMBIE && list_empty(&c->threads))
		return WAIT_EXITED;
	if ((options & WUNTRACED) && (c->wait_report & TASK_REPORT_STOPPED))
		return WAIT_STOPPED;
	if ((options & WCONTINUED) && (c->wait_report & TASK_REPORT_CONTINUED))
		return WAIT_CONTINUED;
	return WAIT_NONE;
}

/* A reportable child: a zombie whose threads are all gone, or a stop or continue asked for. */
static struct task *wait_find(struct task *self, const struct wait_select *s, int *any,
			      enum wait_kind *kind)
{
	struct list_node *n;

	*any = 0;
	list_for_each(n, &self->leader->children) {
		struct task *c = list_entry(n, struct task, sibling_node);

		if (!wait_matches(self, c, s))
			continue;
		*any = 1;
		*kind = wait_kind(c, s->options);
		if (*kind != WAIT_NONE)
			return c;
	}
	return NULL;
}

static void reap(struct task *self, struct task *c)
{
	self->leader->child_ticks += c->run_ticks + c->child_ticks;
	list_del(&c->sibling_node);
	c->state = TASK_DEAD;
	/* The zombie's stack was freed when it last switched away. */
	task_free(c);
}

/* Sleep until a selected child can be reported; return it, NULL (WNOHANG), or an error. */
static struct task *wait_for_child(const struct wait_select *s, enum wait_kind *kind, long *err)
{
	struct task *self = task_current();
	struct task *c = NULL;
	int any = 0;

	*err = wait_event(&self->leader->child_exit,
			  (c = wait_find(self, s, &any, kind)) != NULL || !any ||
			  (s->options & WNOHANG));
	if (*err)
		return NULL;
	if (!c && !any)
		*err = -ECHILD;
	return c;
}

/* The parent has been told: an exited child is reaped, a stop or continue report is used up. */
static void wait_collect(struct task *c, enum wait_kind kind)
{
	if (kind == WAIT_EXITED)
		reap(task_current(), c);
	else if (kind == WAIT_STOPPED)
		c->wait_report &= ~TASK_REPORT_STOPPED;
	else
		c->wait_report &= ~TASK_REPORT_CONTINUED;
}

/* Fill a struct rusage (144 bytes) with the CPU time we account: ticks as user time. */
static int put_rusage(void __user *ru, uint64_t ticks)
{
	int64_t r[18] = { 0 };

	if (!ru)
		return 0;
	r[0] = ticks / TIMER_HZ;			/* ru_utime.tv_sec */
	r[1] = (ticks % TIMER_HZ) * (1000000 / TIMER_HZ);	/* ru_utime.tv_usec */
	return copy_to_user(ru, r, sizeof(r));
}

SYSCALL_DEFINE4(wait4, pid_t, pid, int __user *, wstatus, int, options, void __user *, ru)
{
	struct wait_select s = { P_ALL, 0, options | WEXITED };
	enum wait_kind kind;
	struct task *c;
	long err;
	pid_t id;
	int status;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (pid > 0) {
		s.idtype = P_PID;
		s.id = pid;
	} else if (pid == 0) {
		s.idtype = P_PGID;
	} else if (pid < -1) {
		s.idtype = P_PGID;
		s.id = -pid;
	}
	c = wait_for_child(&s, &kind, &err);
	if (!c)
		return err;
	if (kind == WAIT_STOPPED)
		status = (c->stop_signal << 8) | 0x7f;
	else if (kind == WAIT_CONTINUED)
		status = 0xffff;
	else
		status = c->exit_status;
	if (wstatus && put_user(&status, wstatus))
		return -EFAULT;
	if (put_rusage(ru, c->run_ticks + c->child_ticks))
		return -EFAULT;
	id = c->tgid;
	wait_collect(c, kind);
	return id;
}

SYSCALL_DEFINE5(waitid, int, idtype, pid_t, id, void __user *, infop, int, options,
		void __user *, ru)
{
	struct wait_select s = { idtype, id, options };
	int32_t info[32] = { 0 };	/* siginfo_t is 128 bytes */
	enum wait_kind kind;
	struct task *c;
	long err;

	if (idtype != P_ALL && idtype != P_PID && idtype != P_PGID)
		return -EINVAL;
	if (idtype == P_PID && id <= 0)
		return -EINVAL;
	if (!(options & (WEXITED | WUNTRACED | WCONTINUED)) ||
	    (options & ~(WNOHANG | WNOWAIT | WEXITED | WUNTRACED | WCONTINUED |
			 __WNOTHREAD | __WALL | __WCLONE)))
		return -EINVAL;
	c = wait_for_child(&s, &kind, &err);
	if (!c) {
		/* WNOHANG with nothing to report: Linux zeroes si_pid (and the rest). */
		if (!err && infop && copy_to_user(infop, info, sizeof(info)))
			return -EFAULT;
		return err;
	}
	info[0] = SIGCHLD;			/* si_signo */
	if (kind == WAIT_STOPPED) {
		info[2] = CLD_STOPPED;
		info[6] = c->stop_signal;
	} else if (kind == WAIT_CONTINUED) {
		info[2] = CLD_CONTINUED;
		info[6] = SIGCONT;
	} else {
		/* si_code and si_status: the exit code, or the signal that ended it */
		exit_status_info(c->exit_status, &info[2], &info[6]);
	}
	info[4] = c->tgid;			/* si_pid */
	info[5] = c->uid;			/* si_uid */
	if (infop && copy_to_user(infop, info, sizeof(info)))
		return -EFAULT;
	if (put_rusage(ru, c->run_ticks + c->child_ticks))
		return -EFAULT;
	if (options & WNOWAIT)
		return 0;
	wait_collect(c, kind);
	return 0;
}
