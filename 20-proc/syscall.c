/*
 * syscall.c - the syscall table, built at boot from the registry that every
 * layer adds to with SYSCALL_DEFINEn(), and the dispatcher.
 */
#include <arch/entry.h>
#include <errno.h>
#include <initcall.h>
#include <panic.h>
#include <printk.h>
#include <syscall.h>
#include <task.h>
#include "proc.h"

REGISTRY_DEFINE(struct syscall_def, syscalls);

extern const char *const syscall_names[];
extern const unsigned int syscall_names_count;

static const struct syscall_def *table[SYSCALL_MAX];
/* One bit per number: was its absence already logged? */
static uint64_t logged_missing[SYSCALL_MAX / 64];

const char *syscall_name(unsigned int nr)
{
	if (nr < syscall_names_count && syscall_names[nr])
		return syscall_names[nr];
	return "?";
}

static int syscall_table_init(void)
{
	const struct syscall_def *const *it;
	unsigned int count = 0;

	registry_for_each(it, syscalls) {
		const struct syscall_def *d = *it;

		if (d->nr >= SYSCALL_MAX)
			panic("syscall %s: number %u is beyond the table", d->name, d->nr);
		if (table[d->nr])
			panic("syscall %u is defined twice: %s and %s", d->nr, table[d->nr]->name,
			      d->name);
		table[d->nr] = d;
		count++;
	}
	pr_info("syscall: %u syscalls registered\n", count);
	return 0;
}
INITCALL(INITCALL_CORE, syscall_table_init);

void syscall_dispatch(struct trap_frame *tf)
{
	uint64_t nr = tf->rax;

	/* LAB 20 BEGIN syscall_dispatch */
	/* LAB STUB: (void)table; */
	uint64_t args[6] = { tf->rdi, tf->rsi, tf->rdx, tf->r10, tf->r8, tf->r9 };

	if (nr < SYSCALL_MAX && table[nr]) {
		tf->rax = (uint64_t)table[nr]->call(args);
		return;
	}
	/* LAB 20 END syscall_dispatch */
	if (nr < SYSCALL_MAX && !(logged_missing[nr / 64] & (1ULL << (nr % 64)))) {
		logged_missing[nr / 64] |= 1ULL << (nr % 64);
		pr_warn("syscall: %s[%d] called unimplemented syscall %llu (%s): -ENOSYS\n",
			task_current()->comm, task_current()->tid, (unsigned long long)nr,
			syscall_name(nr));
	}
	tf->rax = (uint64_t)-ENOSYS;
}

void syscall_restart(struct trap_frame *tf, int handler, int sa_restart)
{
	long r = (long)tf->rax;

	/* error_code holds the syscall number on a syscall's frame (syscall_entry.S). */
	if (tf->vector != TRAP_SYSCALL || (int64_t)tf->error_code < 0)
		return;
	switch (r) {
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		if (handler) {
			tf->rax = (uint64_t)-EINTR;
			return;
		}
		break;
	case -ERESTARTSYS:
		if (handler && !sa_restart) {
			tf->rax = (uint64_t)-EINTR;
			return;
		}
		break;
	case -ERESTARTNOINTR:
		break;
	default:
		return;
	}
	tf->rax = r == -ERESTART_RESTARTBLOCK ? __NR_restart_syscall : tf->error_code;
	tf->rip -= 2;		/* back over the two-byte `syscall` instruction */
}

void syscall_frame_forget(struct trap_frame *tf)
{
	tf->error_code = (uint64_t)-1;
}

/* restart_syscall(2): what an interrupted -ERESTART_RESTARTBLOCK call left to do. */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *rb = &task_current()->restart;

	if (!rb->fn)
		return -EINTR;
	long (*fn)(struct restart_block *) = rb->fn;

	rb->fn = NULL;
	return fn(rb);
}

/* From syscall_entry.S, with interrupts on: the syscall, then the work due before user mode. */
void syscall_from_user(struct trap_frame *tf)
{
	syscall_dispatch(tf);
	sched_user_return(tf);
}
