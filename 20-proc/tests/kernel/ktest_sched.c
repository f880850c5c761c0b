/*
 * ktest_sched.c - the scheduler's mechanisms, tested with kernel threads:
 * the context switch, wait queues, timed sleeps and the end of a thread.
 * The test itself runs as the idle task (the boot context).
 */
#include <arch/cpu.h>
#include <errno.h>
#include <ktest.h>
#include <task.h>
#include <timer.h>
#include "../../proc.h"

static int order[8];
static int order_len;

static void record(void *arg)
{
	order[order_len++] = (int)(uintptr_t)arg;
}

/* Give the CPU to the other tasks until none is runnable (the idle task is last). */
static void run_others(void)
{
	for (int i = 0; i < 100; i++)
		schedule();
}

KTEST(kthreads_run_in_creation_order_and_exit)
{
	order_len = 0;
	KT_ASSERT(kthread_create(record, (void *)1, "kt1") != NULL);
	KT_ASSERT(kthread_create(record, (void *)2, "kt2") != NULL);
	KT_ASSERT(kthread_create(record, (void *)3, "kt3") != NULL);
	run_others();
	KT_EQ(order_len, 3);
	KT_EQ(order[0], 1);
	KT_EQ(order[1], 2);
	KT_EQ(order[2], 3);
}

static volatile uint64_t seen_r12, seen_rbx;

/* Clobber every callee-saved register in another task. */
static void clobber(void *arg)
{
	__asm__ __volatile__("mov $0x1111, %%rbx; mov $0x2222, %%r12; mov $0x3333, %%r13;"
			     "mov $0x4444, %%r14; mov $0x5555, %%r15"
			     ::: "rbx", "r12", "r13", "r14", "r15");
	schedule();
}

KTEST(context_switch_keeps_callee_saved_registers)
{
	uint64_t r12, rbx;

	KT_ASSERT(kthread_create(clobber, NULL, "clobber") != NULL);
	__asm__ __volatile__("mov $0xabcd, %%r12; mov $0x1234, %%rbx; call schedule;"
			     "call schedule; mov %%r12, %0; mov %%rbx, %1"
			     : "=r"(r12), "=r"(rbx)
			     :
			     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
			       "r12", "rbx", "memory");
	KT_EQ(r12, 0xabcd);
	KT_EQ(rbx, 0x1234);
	run_others();
}

static struct wait_queue wq;
static int flag, woke_with;

static void sleeper(void *arg)
{
	woke_with = (int)wait_event(&wq, flag);
	order[order_len++] = 42;
}

KTEST(wait_event_sleeps_until_condition_and_wake_up)
{
	struct task *t;

	wait_queue_init(&wq);
	flag = 0;
	order_len = 0;
	t = kthread_create(sleeper, NULL, "sleeper");
	KT_ASSERT(t != NULL);
	run_others();
	KT_EQ(order_len, 0);		/* still asleep: nobody woke it */
	KT_EQ(t->state, TASK_SLEEPING);
	wake_up(&wq);			/* a wake-up with the condition still false */
	run_others();
	KT_EQ(order_len, 0);
	flag = 1;
	wake_up(&wq);
	run_others();
	KT_EQ(order_len, 1);
	KT_EQ(order[0], 42);
	KT_EQ(woke_with, 0);
}

static uint64_t slept_from, slept_to;

static void napper(void *arg)
{
	slept_from = timer_ticks();
	sleep_until_tick(slept_from + 5);
	slept_to = timer_ticks();
}

KTEST(sleep_until_tick_wakes_at_the_deadline_not_before)
{
	slept_to = 0;
	KT_ASSERT(kthread_create(napper, NULL, "napper") != NULL);
	while (!slept_to) {
		irq_enable();
		cpu_halt();
		schedule();
	}
	KT_ASSERT(slept_to >= slept_from + 5);
	KT_ASSERT(slept_to <= slept_from + 8);
}

KTEST(ended_kernel_threads_are_freed)
{
	struct task *t = kthread_create(record, (void *)7, "short");
	pid_t tid;

	KT_ASSERT(t != NULL);
	tid = t->tid;
	order_len = 0;
	run_others();
	KT_EQ(order_len, 1);
	KT_ASSERT(task_find(tid) == NULL);
}
