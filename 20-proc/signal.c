/*
 * signal.c - what layer 20 does with signals: each signal's default action,
 * applied at once, behind the `struct signal_ops` hook that layer 30
 * replaces; kill(2), tkill(2), tgkill(2); and user-mode faults turned into
 * the signal that ends the program.
 */
#include <arch/trap.h>
#include <errno.h>
#include <mm.h>
#include <printk.h>
#include <signal.h>
#include <syscall.h>
#include <uaccess.h>
#include "proc.h"

int signal_default_terminates(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return 0;
	default:
		return sig >= 1 && sig <= NSIG_LINUX;
	}
}

int signal_default_dumps_core(int sig)
{
	switch (sig) {
	case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS:
	case SIGFPE: case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
		return 1;
	default:
		return 0;
	}
}

void task_kill_group(struct task *t, int status)
{
	struct task *leader = t->leader, *th;

	if (leader->group_exit || leader->state == TASK_ZOMBIE)
		return;
	leader->group_exit = 1;
	leader->exit_status = status;
	for_each_thread(leader, th) {
		task_wake(th);
		task_resume(th);
	}
}

/*
 * Linux sets the "core dumped" bit (0x80) only when a core file was written;
 * layer 20 writes none and has no RLIMIT_CORE policy, so its statuses are the bare signal.
 */
static void default_send(struct task *t, const struct ksiginfo *info, int thread)
{
	if (signal_default_terminates(info->signo))
		task_kill_group(t, info->signo);
}

static void default_fault(struct trap_frame *tf, int sig, int code, uint64_t addr)
{
	struct task *t = task_current();

	pr_info("%s[%d]: %s at rip %#llx, address %#llx: killed by signal %d\n", t->comm,
		t->tid, trap_name(tf->vector), (unsigned long long)tf->rip,
		(unsigned long long)addr, sig);
	task_kill_group(t, sig);
	task_exit_group(t->leader->exit_status);
}

static int default_pending(void)
{
	return task_current()->leader->group_exit;
}

static void default_deliver(struct trap_frame *tf)
{
	/* No handlers here: an interrupted syscall always runs again. */
	syscall_restart(tf, 0, 0);
}

static const struct signal_ops default_ops = {
	.send = default_send,
	.fault = default_fault,
	.pending = default_pending,
	.deliver = default_deliver,
};

static const struct signal_ops *ops = &default_ops;

void signal_set_ops(const struct signal_ops *new_ops)
{
	ops = new_ops;
}

void signal_send(struct task *t, const struct ksiginfo *info, int thread)
{
	ops->send(t, info, thread);
}

void task_send_signal(struct task *t, int sig)
{
	struct ksiginfo info = { .signo = sig, .code = SI_KERNEL };

	ops->send(t, &info, 0);
}

void ksiginfo_user(struct ksiginfo *info, int sig)
{
	struct task *cur = task_current();

	*info = (struct ksiginfo){ .signo = sig, .code = SI_USER, .pid = cur->tgid, .uid = cur->uid };
}

int signal_child_autoreap(struct task *parent)
{
	return ops->child_autoreap ? ops->child_autoreap(parent) : 0;
}

void signal_fault(struct trap_frame *tf, int sig, int code, uint64_t addr)
{
	ops->fault(tf, sig, code, addr);
}

int signal_pending(void)
{
	/* A group exit ends every sleep, whatever layer 30 says. */
	struct task *t = task_current();

	return t->leader->group_exit || t->exec_killed || ops->pending();
}

/* Called on every return to user mode. */
void signal_deliver(struct trap_frame *tf)
{
	struct task *t = task_current();

	if (t->leader->group_exit)
		task_exit_group(t->leader->exit_status);
	if (t->exec_killed)
		task_exit(0);
	ops->deliver(tf);
}

int signal_fork_notify(struct task *child, uint64_t flags)
{
	return ops->fork ? ops->fork(child, flags) : 0;
}

void signal_exec_notify(void)
{
	if (ops->exec)
		ops->exec();
}

void signal_exit_notify(struct task *t)
{
	if (ops->exit)
		ops->exit(t);
}

int signal_send_pgrp(pid_t pgrp, int sig)
{
	struct list_node *n;
	int count = 0;

	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);

		if (t->leader == t && t->pgid == pgrp && t->state != TASK_ZOMBIE &&
		    t->state != TASK_DEAD && t->mm) {
			task_send_signal(t, sig);
			count++;
		}
	}
	return count;
}

/* ------------------------------------------------------------ faults */

/* Page faults the address space could not resolve (layer 10's report hook). */
static int report_fault(struct trap_frame *tf, uint64_t addr, int kind)
{
	if (!(tf->cs & 3))
		/* A copy helper touching a bad user address: -EFAULT, not a crash. */
		return uaccess_fixup(&tf->rip);
	if (kind == MM_FAULT_OOM && mmap_beyond_eof(task_current()->mm, addr)) {
		signal_fault(tf, SIGBUS, BUS_ADRERR, addr);
	} else if (kind == MM_FAULT_OOM) {
		pr_err("%s[%d]: out of memory at %#llx\n", task_current()->comm, task_current()->tid,
		       (unsigned long long)addr);
		signal_fault(tf, SIGKILL, SI_KERNEL, addr);
	} else {
		signal_fault(tf, SIGSEGV, kind == MM_FAULT_ACCERR ? SEGV_ACCERR : SEGV_MAPERR, addr);
	}
	return 1;
}

/* Exceptions in user mode end in a signal; in kernel mode they stay bugs. */
static int user_exception(struct trap_frame *tf)
{
	int sig = SIGSEGV, code = SI_KERNEL;
	uint64_t addr = tf->rip;

	if (!(tf->cs & 3))
		return 0;
	switch (tf->vector) {
	case TRAP_DIVIDE:
		sig = SIGFPE, code = FPE_INTDIV;
		break;
	case TRAP_INVALID_OPCODE:
		sig = SIGILL, code = ILL_ILLOPN;
		break;
	case TRAP_BREAKPOINT:	/* int3: Linux says SI_KERNEL, without an address */
		sig = SIGTRAP, addr = 0;
		break;
	case TRAP_DEBUG:
		sig = SIGTRAP, code = TRAP_BRKPT;
		break;
	case TRAP_X87:
	case TRAP_SIMD:
		sig = SIGFPE, code = FPE_FLTINV;
		break;
	case TRAP_ALIGNMENT:
		sig = SIGBUS, code = BUS_ADRERR;
		break;
	default:		/* #GP, #SS, #NP, #OF, #BR: Linux sends SIGSEGV (SI_KERNEL) */
		addr = 0;
		break;
	}
	signal_fault(tf, sig, code, addr);
	return 1;
}

void signal_faults_init(void)
{
	static const unsigned int vectors[] = {
		TRAP_DIVIDE, TRAP_DEBUG, TRAP_BREAKPOINT, TRAP_OVERFLOW, TRAP_BOUND,
		TRAP_INVALID_OPCODE, TRAP_SEGMENT_NP, TRAP_STACK, TRAP_GP, TRAP_X87,
		TRAP_ALIGNMENT, TRAP_SIMD,
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(vectors); i++)
		trap_set_handler(vectors[i], user_exception);
	mm_set_fault_report(report_fault);
}

/* ------------------------------------------------------------ kill */

static int may_signal(const struct task *t)
{
	const struct task *cur = task_current();

	return cur->euid == 0 || cur->euid == t->uid || cur->uid == t->uid;
}

/* Signal 0 only checks that the target exists and may be signalled. */
static long signal_one(struct task *t, int sig, int code, int thread)
{
	struct ksiginfo info;

	if (!may_signal(t))
		return -EPERM;
	if (sig) {
		ksiginfo_user(&info, sig);
		info.code = code;
		signal_send(t, &info, thread);
	}
	return 0;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct task *cur = task_current();
	struct list_node *n;
	int found = 0;
	long err = 0;

	if (sig < 0 || sig > NSIG_LINUX)
		return -EINVAL;
	if (pid > 0) {
		struct task *t = task_find(pid);

		if (!t || t->leader->state == TASK_ZOMBIE || t->tgid != pid)
			return -ESRCH;
		return signal_one(t->leader, sig, SI_USER, 0);
	}
	/* 0: our group; -1: everyone we may signal but init and ourselves; < -1: group -pid. */
	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);

		if (t->leader != t || t->state == TASK_ZOMBIE || t->state == TASK_DEAD || !t->mm)
			continue;
		if (pid == 0 && t->pgid != cur->leader->pgid)
			continue;
		if (pid < -1 && t->pgid != -pid)
			continue;
		if (pid == -1 && (t->tid == 1 || t == cur->leader))
			continue;
		found = 1;
		long one = signal_one(t, sig, SI_USER, 0);

		if (one)
			err = one;
	}
	if (pid == -1 && sig && found)
		return 0;
	return found ? err : -ESRCH;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, tid, int, sig)
{
	struct task *t = task_find(tid);

	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > NSIG_LINUX)
		return -EINVAL;
	if (!t || t->tgid != tgid || t->state == TASK_ZOMBIE)
		return -ESRCH;
	return signal_one(t, sig, SI_TKILL, 1);
}

SYSCALL_DEFINE2(tkill, pid_t, tid, int, sig)
{
	struct task *t = task_find(tid);

	if (tid <= 0 || sig < 0 || sig > NSIG_LINUX)
		return -EINVAL;
	if (!t || t->state == TASK_ZOMBIE)
		return -ESRCH;
	return signal_one(t, sig, SI_TKILL, 1);
}
