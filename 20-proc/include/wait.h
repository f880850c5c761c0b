/**
 * @file wait.h
 * @brief Wait queues: how a task sleeps until something happens, and how it is woken.
 *
 * The pattern (Linux's): put yourself on the queue and mark yourself
 * sleeping, *then* test the condition, and only then give up the CPU.  A
 * wake-up that comes between the test and schedule() finds the task already
 * on the queue and marks it runnable again, so schedule() returns at once:
 * no wake-up is lost.  wake_up() may be called from interrupt handlers.
 *
 *     long err = wait_event(&pipe->readers_wq, pipe->len > 0 || !pipe->writers);
 *     if (err)
 *             return err;     // -ERESTARTSYS: a signal arrived
 */
#ifndef WAIT_H
#define WAIT_H

#include <errno.h>
#include <list.h>
#include <restart.h>
#include <stdint.h>
#include <timer.h>

struct task;

/** @brief Tasks waiting for one event. */
struct wait_queue {
	struct list_node waiters;	/**< struct wait_entry nodes */
};

/** @brief One task's place on a wait queue (lives on the waiter's stack). */
struct wait_entry {
	struct list_node node;	/**< link in wait_queue.waiters */
	struct task *task;	/**< the sleeper */
};

/** @brief A wait queue initialiser for static objects: `struct wait_queue q = WAIT_QUEUE_INIT(q);`. */
#define WAIT_QUEUE_INIT(q) { { &(q).waiters, &(q).waiters } }

/**
 * wait_queue_init() - Make @p wq an empty queue.
 * @param wq the queue
 */
void wait_queue_init(struct wait_queue *wq);

/**
 * wake_up() - Make every task sleeping on @p wq runnable.
 * @param wq the queue; callable from interrupt handlers
 */
void wake_up(struct wait_queue *wq);

/**
 * wait_prepare() - Join @p wq and mark the current task sleeping (step 1 of wait_event()).
 * @param wq the queue
 * @param we the entry, on the caller's stack
 */
void wait_prepare(struct wait_queue *wq, struct wait_entry *we);

/**
 * wait_finish() - Leave @p wq and mark the current task running (the last step of wait_event()).
 * @param wq the queue
 * @param we the entry given to wait_prepare()
 */
void wait_finish(struct wait_queue *wq, struct wait_entry *we);

/**
 * wait_interrupted() - Whether a sleep must end early because a signal is pending.
 * @return 1 if so (layer 30 answers; without signals, only a fatal kill does)
 */
int wait_interrupted(void);

/**
 * wait_killed() - Whether a sleep must end early because the task is being ended.
 * @return 1 if its process is exiting (a fatal signal, exit_group) or another thread exec'd
 */
int wait_killed(void);

/**
 * wait_sleep() - Give up the CPU until woken (or until @p deadline, if not 0).
 * @param deadline timer tick at which to wake anyway, 0 for none
 */
void wait_sleep(uint64_t deadline);

/**
 * @brief Sleep on @p wq until @p cond is true; evaluates to 0, or -ERESTARTSYS if a signal interrupted (see syscall_restart()).
 * @param wq   a struct wait_queue pointer
 * @param cond a C expression, re-tested after every wake-up
 * May sleep: call from a task, with interrupts enabled.
 */
#define wait_event(wq, cond) wait_event_deadline(wq, cond, 0)

/**
 * @brief Like wait_event() but also ends at timer tick @p deadline (0: never); -ETIMEDOUT then.
 * @param wq       a struct wait_queue pointer
 * @param cond     the condition
 * @param deadline absolute tick count (timer_ticks())
 */
#define wait_event_deadline(wq, cond, deadline) \
	__wait_event_until(wq, cond, deadline, wait_interrupted)

/**
 * @brief Like wait_event_deadline(), but only the end of the task interrupts it (Linux's TASK_KILLABLE).
 * @param wq       a struct wait_queue pointer
 * @param cond     the condition
 * @param deadline absolute tick count, 0 for none
 *
 * For waits a handled signal must not cut short, such as vfork's parent
 * waiting for its child.  A pending signal
 * would otherwise end every sleep at once and the loop around it would spin
 * in the kernel, where nothing preempts it.
 */
#define wait_event_killable_deadline(wq, cond, deadline) \
	__wait_event_until(wq, cond, deadline, wait_killed)

/** @brief Internal to the wait_event macros: @p interrupted() says when to give up (-ERESTARTSYS). */
#define __wait_event_until(wq, cond, deadline, interrupted)                \
	({                                                                  \
		long __ret = 0;                                             \
		uint64_t __deadline = (deadline);                           \
		struct wait_entry __we = { .task = NULL };                   \
		for (;;) {                                                  \
			wait_prepare((wq), &__we);                          \
			if (cond)                                           \
				break;                                      \
			if (interrupted()) {                                \
				__ret = -ERESTARTSYS;                       \
				break;                                      \
			}                                                   \
			if (__deadline && timer_ticks() >= __deadline) {    \
				__ret = -ETIMEDOUT;                         \
				break;                                      \
			}                                                   \
			wait_sleep(__deadline);                             \
		}                                                           \
		wait_finish((wq), &__we);                                   \
		__ret;                                                      \
	})

#endif /* WAIT_H */
