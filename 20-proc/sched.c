/*
 * sched.c - the scheduler: a round-robin run queue, the context switch, wait
 * queues and timed sleeps, and the idle task.
 *
 * Preemption happens only on the way back to user mode: the timer tick
 * marks the running task's time slice as used up (need_resched), and
 * sched_user_return() switches away before the return.  Code in the kernel
 * runs until it sleeps, which is why kernel data needs no locks beyond
 * disabling interrupts around what interrupt handlers touch (the run queue
 * and task states).
 */
#include <arch/cpu.h>
#include <arch/entry.h>
#include <errno.h>
#include <kmain.h>
#include <mm.h>
#include <signal.h>
#include <task.h>
#include <string.h>
#include <timer.h>
#include <uaccess.h>
#include "proc.h"

/* Timer ticks a task may run before another runnable task gets the CPU. */
#define TIME_SLICE_TICKS 2

static struct list_node run_queue = { &run_queue, &run_queue };
static struct task idle_task;
/* A task that ended and whose stack can be freed once we are off it. */
static struct task *finished;

void task_release_stack(struct task *t);

struct task *task_current(void)
{
	return percpu0.current;
}

/* The task that idles; 1 when @t is it. */
int task_is_idle(const struct task *t)
{
	return t == &idle_task;
}

/* Runs on the new task's stack right after every switch. */
static void finish_switch(void)
{
	if (finished) {
		struct task *t = finished;

		finished = NULL;
		task_release_stack(t);
	}
}

void sched_tail(void)
{
	struct task *cur = percpu0.current;

	finish_switch();
	irq_enable();
	if (cur->set_child_tid) {
		/* CLONE_CHILD_SETTID writes into the child's own memory, so the child does it. */
		put_user(&cur->tid, (pid_t __user *)cur->set_child_tid);
		cur->set_child_tid = 0;
	}
}

static void context_switch(struct task *prev, struct task *next)
{
	if (prev->mm != next->mm)
		mm_switch(next->mm);
	fpu_save(prev->fpu);
	fpu_restore(next->fpu);
	set_fs_base(next->fs_base);
	entry_set_kernel_stack(next->kstack_top);
	percpu0.current = next;
	if (prev->state == TASK_ZOMBIE || prev->state == TASK_DEAD)
		finished = prev;
	switch_stacks(&prev->saved_rsp, next->saved_rsp);
	finish_switch();
}

void schedule(void)
{
	uint64_t flags = irq_save();
	struct task *prev = percpu0.current, *next = &idle_task;

	if (prev->state == TASK_RUNNABLE && prev != &idle_task)
		list_add_tail(&prev->run_node, &run_queue);
	if (!list_empty(&run_queue)) {
		next = list_entry(run_queue.next, struct task, run_node);
		list_del(&next->run_node);
	}
	next->need_resched = 0;
	next->ticks_left = TIME_SLICE_TICKS;
	if (next != prev)
		context_switch(prev, next);
	irq_restore(flags);
}

void task_wake(struct task *t)
{
	uint64_t flags = irq_save();

	if (t->state == TASK_SLEEPING) {
		t->state = TASK_RUNNABLE;
		t->wake_at = 0;
		if (t != percpu0.current)
			list_add_tail(&t->run_node, &run_queue);
	}
	irq_restore(flags);
}

void task_stop(void)
{
	uint64_t flags = irq_save();

	percpu0.current->state = TASK_STOPPED;
	schedule();
	irq_restore(flags);
}

void task_resume(struct task *t)
{
	uint64_t flags = irq_save();

	if (t->state == TASK_STOPPED) {
		t->state = TASK_RUNNABLE;
		if (t != percpu0.current)
			list_add_tail(&t->run_node, &run_queue);
	}
	irq_restore(flags);
}

/* Make a task that was never scheduled runnable (a new thread or process). */
void task_start(struct task *t)
{
	uint64_t flags = irq_save();

	t->state = TASK_RUNNABLE;
	list_add_tail(&t->run_node, &run_queue);
	irq_restore(flags);
}

/* Called on every timer tick with interrupts off. */
static void sched_tick(void)
{
	struct task *cur = percpu0.current;
	uint64_t now = timer_ticks();
	extern struct list_node task_list;
	struct list_node *n;

	list_for_each(n, &task_list) {
		struct task *t = list_entry(n, struct task, all_node);

		if (t->state == TASK_SLEEPING && t->wake_at && t->wake_at <= now)
			task_wake(t);
	}
	if (cur == &idle_task)
		return;
	cur->run_ticks++;
	if (cur->ticks_left)
		cur->ticks_left--;
	if (!cur->ticks_left && !list_empty(&run_queue))
		cur->need_resched = 1;
}

void sched_user_return(struct trap_frame *tf)
{
	struct task *cur = percpu0.current;

	for (;;) {
		irq_enable();
		if (cur->need_resched) {
			schedule();
			continue;
		}
		signal_deliver(tf);
		irq_disable();
		if (!cur->need_resched)
			break;
	}
}

void wait_queue_init(struct wait_queue *wq)
{
	list_init(&wq->waiters);
}

void wait_prepare(struct wait_queue *wq, struct wait_entry *we)
{
	uint64_t flags = irq_save();
	struct task *cur = percpu0.current;

	if (!we->task) {
		we->task = cur;
		list_add_tail(&we->node, &wq->waiters);
	}
	cur->state = TASK_SLEEPING;
	irq_restore(flags);
}

void wait_finish(struct wait_queue *wq, struct wait_entry *we)
{
	uint64_t flags = irq_save();

	percpu0.current->state = TASK_RUNNABLE;
	percpu0.current->wake_at = 0;
	if (we->task)
		list_del(&we->node);
	we->task = NULL;
	irq_restore(flags);
}

void wake_up(struct wait_queue *wq)
{
	uint64_t flags = irq_save();
	struct list_node *n;

	list_for_each(n, &wq->waiters)
		task_wake(list_entry(n, struct wait_entry, node)->task);
	irq_restore(flags);
}

int wait_interrupted(void)
{
	return signal_pending();
}

int wait_killed(void)
{
	struct task *t = percpu0.current;

	return t->leader->group_exit || t->exec_killed;
}

void wait_sleep(uint64_t deadline)
{
	percpu0.current->wake_at = deadline;
	schedule();
}

long sleep_until_tick(uint64_t deadline)
{
	struct wait_queue never;
	long r;

	wait_queue_init(&never);
	r = wait_event_deadline(&never, 0, deadline);
	return r == -ETIMEDOUT ? 0 : r;
}

/*
 * The boot context becomes the idle task: it runs when nothing else can,
 * does the idle work of lower layers (layer 10 pre-zeroes pages), and halts
 * until the next interrupt.  "sti; hlt" is one step for interrupts: a wake-up
 * cannot slip in between the check and the halt.
 */
void sched_idle_loop(void)
{
	for (;;) {
		irq_disable();
		if (!list_empty(&run_queue)) {
			irq_enable();
			schedule();
			continue;
		}
		irq_enable();
		idle_run_hook();
		irq_disable();
		if (list_empty(&run_queue))
			__asm__ __volatile__("sti; hlt" ::: "memory");
	}
}

void sched_init(void)
{
	idle_task.state = TASK_RUNNABLE;
	idle_task.leader = &idle_task;
	list_init(&idle_task.children);
	list_init(&idle_task.threads);
	list_init(&idle_task.thread_node);
	list_init(&idle_task.sibling_node);
	wait_queue_init(&idle_task.child_exit);
	wait_queue_init(&idle_task.vfork_wq);
	strlcpy(idle_task.comm, "idle", sizeof(idle_task.comm));
	fpu_init_state(idle_task.fpu);
	list_init(&idle_task.run_node);
	percpu0.current = &idle_task;
	timer_add_tick_hook(sched_tick);
}
