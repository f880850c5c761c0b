/*
 * task.c - creating and freeing tasks, thread ids, and kernel threads.
 */
#include <arch/cpu.h>
#include <arch/entry.h>
#include <errno.h>
#include <kmalloc.h>
#include <kstack.h>
#include <printk.h>
#include <string.h>
#include <task.h>
#include "proc.h"

/* Every task except the idle task, for task_find() and the timer's wake-ups. */
struct list_node task_list = { &task_list, &task_list };
static pid_t last_tid;

struct task *task_find(pid_t tid)
{
	struct list_node *n;

	if (tid <= 0)
		return NULL;
	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);

		if (t->tid == tid && t->state != TASK_DEAD)
			return t;
	}
	return NULL;
}

/* Thread ids count up like Linux's and wrap at PID_MAX, skipping ids in use. */
static pid_t tid_alloc(void)
{
	for (int tries = 0; tries < TASK_PID_MAX; tries++) {
		last_tid = last_tid >= TASK_PID_MAX ? 1 : last_tid + 1;
		if (!task_find(last_tid) && !task_group_in_use(last_tid))
			return last_tid;
	}
	return -EAGAIN;
}

struct task *task_alloc(void)
{
	struct task *t = kzalloc(sizeof(*t));
	uint64_t flags;

	if (!t)
		return NULL;
	t->tid = tid_alloc();
	t->kstack_top = kstack_alloc();
	if (t->tid < 0 || !t->kstack_top) {
		if (t->kstack_top)
			kstack_free(t->kstack_top);
		kfree(t);
		return NULL;
	}
	t->tgid = t->tid;
	t->leader = t;
	t->state = TASK_SLEEPING;	/* not runnable until task_start() */
	t->frame = (struct trap_frame *)(t->kstack_top - sizeof(struct trap_frame));
	list_init(&t->run_node);
	list_init(&t->thread_node);
	list_init(&t->threads);
	list_init(&t->children);
	list_init(&t->sibling_node);
	wait_queue_init(&t->child_exit);
	wait_queue_init(&t->vfork_wq);
	fpu_init_state(t->fpu);
	task_rlimits_default(t);
	flags = irq_save();
	list_add_tail(&t->all_node, &task_list);
	irq_restore(flags);
	return t;
}

void task_release_stack(struct task *t)
{
	if (t->kstack_top) {
		kstack_free(t->kstack_top);
		t->kstack_top = 0;
		t->frame = NULL;
	}
	if (t->state == TASK_DEAD)
		task_free(t);
}

void task_free(struct task *t)
{
	uint64_t flags = irq_save();

	list_del(&t->all_node);
	irq_restore(flags);
	if (t->kstack_top)
		kstack_free(t->kstack_top);
	kfree(t);
}

/*
 * Lay out a new task's kernel stack as switch_stacks() left it: below the
 * trap frame at the top, the six callee-saved registers and the return
 * address task_first_return.  r12 and r13 carry a kernel thread's function
 * and argument (r12 = 0: a user task returning through its frame).
 */
void task_prepare_stack(struct task *t, void (*fn)(void *), void *arg)
{
	uint64_t *sp = (uint64_t *)t->frame;

	*--sp = (uint64_t)task_first_return;
	*--sp = 0;			/* rbp */
	*--sp = 0;			/* rbx */
	*--sp = (uint64_t)fn;		/* r12 */
	*--sp = (uint64_t)arg;		/* r13 */
	*--sp = 0;			/* r14 */
	*--sp = 0;			/* r15 */
	t->saved_rsp = (uint64_t)sp;
}

struct task *kthread_create(void (*fn)(void *arg), void *arg, const char *name)
{
	struct task *t = task_alloc();

	if (!t)
		return NULL;
	strlcpy(t->comm, name, sizeof(t->comm));
	t->pgid = t->sid = 0;
	task_prepare_stack(t, fn, arg);
	task_start(t);
	return t;
}
