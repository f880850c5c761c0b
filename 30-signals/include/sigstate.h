/**
 * @file sigstate.h
 * @brief Layer 30's signal state: dispositions, masks, pending sets, the alternate stack.
 *
 * Linux splits a process's signal state three ways, and so does this layer:
 *
 * - struct sighand: the 64 dispositions (struct k_sigaction).  Threads
 *   share it (CLONE_SIGHAND); fork and vfork copy it; execve resets caught
 *   signals to SIG_DFL and keeps ignored ones.
 * - struct sigproc: what belongs to the whole process: the signals sent to
 *   the process (kill) rather than to one thread, the group stop of job
 *   control, and the ITIMER_REAL timer.  Shared by CLONE_THREAD.
 * - struct sigtask: what each thread has alone: its blocked mask, the
 *   signals sent to it (tkill, faults), its alternate stack, and the mask
 *   sigsuspend(2) will put back.
 *
 * Layer 20's struct task carries a `void *signal`, which here points to the
 * thread's struct sigtask; nothing about a delivery in progress is kept
 * there: the interrupted context lives in the frame on the user stack.
 */
#ifndef SIGSTATE_H
#define SIGSTATE_H

#include <list.h>
#include <signal.h>
#include <stdint.h>
#include <task.h>

/** @brief Bit of @p sig (1..64) in a 64-bit signal set. */
#define SIGBIT(sig) (1ULL << ((sig) - 1))

/** @name Dispositions (sa_handler values)
 * @{ */
#define SIG_DFL 0ULL		/**< the default action */
#define SIG_IGN 1ULL		/**< ignore */
/** @} */

/** @name sa_flags (Linux's)
 * @{ */
#define SA_NOCLDSTOP 0x00000001u	/**< no SIGCHLD when a child stops or continues */
#define SA_NOCLDWAIT 0x00000002u	/**< children are reaped at once, never zombies */
#define SA_SIGINFO 0x00000004u		/**< the handler takes (sig, siginfo *, ucontext *) */
#define SA_RESTORER 0x04000000u		/**< sa_restorer is the return trampoline (C libraries set it) */
#define SA_ONSTACK 0x08000000u		/**< run the handler on the alternate stack */
#define SA_RESTART 0x10000000u		/**< restart interrupted syscalls */
#define SA_NODEFER 0x40000000u		/**< do not block the signal in its own handler */
#define SA_RESETHAND 0x80000000u	/**< back to SIG_DFL once delivered */
/** @} */

/** @name sigaltstack flags
 * @{ */
#define SS_ONSTACK 1		/**< (reported) running on the alternate stack */
#define SS_DISABLE 2		/**< no alternate stack */
#define SS_AUTODISARM (1u << 31)	/**< disarm while a handler runs on it, rearm at sigreturn */
/** @} */

/** @brief sigaction as the rt_sigaction syscall passes it (the kernel's layout, not the C library's). */
struct k_sigaction {
	uint64_t handler;	/**< SIG_DFL, SIG_IGN or the handler's address */
	uint64_t flags;		/**< SA_* */
	uint64_t restorer;	/**< the trampoline that calls rt_sigreturn (SA_RESTORER) */
	uint64_t mask;		/**< signals blocked while the handler runs */
};

/** @brief Signals waiting for delivery: one instance per standard signal, a queue of real-time ones. */
struct sigpending {
	uint64_t set;			/**< SIGBIT() of each pending signal */
	struct ksiginfo std[32];	/**< the instance of standard signal i (1..31) */
	struct list_node rt;		/**< struct sigqueue entries, signals 32..64, in order sent */
};

/** @brief One queued real-time signal. */
struct sigqueue {
	struct list_node node;		/**< link in sigpending.rt */
	struct ksiginfo info;		/**< what it says */
};

/** @brief The dispositions, shared by the threads of a process. */
struct sighand {
	int refs;			/**< tasks using it */
	struct k_sigaction action[64];	/**< signal i's at [i - 1] */
};

/** @brief What belongs to the whole process. */
struct sigproc {
	int refs;			/**< threads using it */
	struct task *leader;		/**< the thread-group leader */
	struct sigpending shared;	/**< signals sent to the process */
	int stop_signal;		/**< a group stop in progress: the signal that asked for it */
	int stop_remaining;		/**< threads of the group stop that have not stopped yet */
	uint64_t real_expires_ns;	/**< ITIMER_REAL: monotonic deadline, 0 when disarmed */
	uint64_t real_interval_ns;	/**< ITIMER_REAL: reload value, 0 for one shot */
	struct list_node timer_node;	/**< link in the list of armed timers */
};

/** @brief What each thread has alone. */
struct sigtask {
	struct task *task;		/**< the thread */
	uint64_t blocked;		/**< its signal mask */
	uint64_t real_blocked;		/**< during sigtimedwait: the mask before the wait unblocked its set */
	uint64_t saved_blocked;		/**< the mask sigsuspend/pselect put back */
	int restore_blocked;		/**< 1: put saved_blocked back when the wait ends */
	int stopped;			/**< 1: this thread has joined the current group stop */
	struct sigpending pending;	/**< signals sent to this thread */
	uint64_t ss_sp;			/**< alternate stack base */
	uint64_t ss_size;		/**< and size */
	uint32_t ss_flags;		/**< SS_DISABLE or SS_AUTODISARM (0: armed) */
	struct sighand *hand;		/**< the dispositions */
	struct sigproc *proc;		/**< the process's part */
};

/**
 * sigstate() - The signal state of thread @p t.
 * @param t a task
 * @return its struct sigtask, or NULL (kernel threads, tasks already exiting)
 */
static inline struct sigtask *sigstate(const struct task *t)
{
	return t->signal;
}

#endif /* SIGSTATE_H */
