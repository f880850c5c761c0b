/**
 * @file task.h
 * @brief Tasks (threads) and the processes they form; the scheduler's interface.
 *
 * A task is one thread of execution: its own kernel stack, saved registers
 * and scheduling state.  What threads may share is held by pointer and
 * reference counted, as clone(2) decides: the address space (struct mm), the
 * fd table (struct files), the working directory and umask (struct
 * fs_context).  A process is a thread group: the tasks sharing the leader's
 * tgid; its parent/child links, process group and session live on the leader.
 *
 * One CPU, and the kernel is never preempted: a task in the kernel runs until
 * it sleeps or returns to user mode, where a pending reschedule (set by the
 * timer) takes effect.  So kernel data needs no locks except against
 * interrupt handlers, which only touch wait queues and tick counters (with
 * interrupts disabled around the shared part).
 */
#ifndef TASK_H
#define TASK_H

#include <arch/trap.h>
#include <compiler.h>
#include <list.h>
#include <types.h>
#include <wait.h>

struct mm;
struct files;
struct fs_context;

/** @brief Scheduling state of a task. */
enum task_state {
	TASK_RUNNABLE,	/**< on the run queue (or running) */
	TASK_SLEEPING,	/**< waiting on a wait queue or a deadline */
	TASK_STOPPED,	/**< stopped by a job-control signal (layer 30) */
	TASK_ZOMBIE,	/**< exited; its exit status waits for the parent */
	TASK_DEAD,	/**< reaped; the memory is freed once off the CPU */
};

/** @brief Length of a task's command name (Linux's TASK_COMM_LEN). */
#define TASK_COMM_LEN 16

/** @brief A syscall's way to resume after -ERESTART_RESTARTBLOCK (Linux's struct restart_block). */
struct restart_block {
	/** @brief Continue the interrupted call; returns its result (or a restart code again). */
	long (*fn)(struct restart_block *rb);
	uint64_t arg[4];	/**< what @c fn needs, e.g. a deadline and a user pointer */
};

/** @name clone(2) flags (Linux's); a signal_ops.fork hook receives them
 * @{ */
#define CSIGNAL 0x000000ff	/**< the low byte: the signal sent to the parent at exit */
#define CLONE_VM 0x00000100	/**< share the address space */
#define CLONE_FS 0x00000200	/**< share cwd and umask */
#define CLONE_FILES 0x00000400	/**< share the fd table */
#define CLONE_SIGHAND 0x00000800	/**< share the signal dispositions */
#define CLONE_PIDFD 0x00001000	/**< return a pidfd (not supported) */
#define CLONE_PTRACE 0x00002000	/**< trace the child too (not supported) */
#define CLONE_VFORK 0x00004000	/**< the parent sleeps until the child execs or exits */
#define CLONE_PARENT 0x00008000	/**< the child gets the caller's parent */
#define CLONE_THREAD 0x00010000	/**< a thread in the caller's thread group */
#define CLONE_NEWNS 0x00020000	/**< a new mount namespace (not supported) */
#define CLONE_SYSVSEM 0x00040000	/**< share System V semaphore undo lists (ignored) */
#define CLONE_SETTLS 0x00080000	/**< set the FS base from the tls argument */
#define CLONE_PARENT_SETTID 0x00100000	/**< store the child's tid in the parent's memory */
#define CLONE_CHILD_CLEARTID 0x00200000	/**< clear and futex-wake the tid word when the child exits */
#define CLONE_DETACHED 0x00400000	/**< obsolete, ignored */
#define CLONE_UNTRACED 0x00800000	/**< ignored (no ptrace) */
#define CLONE_CHILD_SETTID 0x01000000	/**< store the tid in the child's memory */
#define CLONE_IO 0x80000000UL	/**< share the I/O context (ignored) */
/** @} */

/** @name Job-control reports a parent collects with wait4/waitid (set by layer 30)
 * @{ */
#define TASK_REPORT_STOPPED 1	/**< the process stopped and its parent has not been told (WUNTRACED) */
#define TASK_REPORT_CONTINUED 2	/**< the process continued and its parent has not been told (WCONTINUED) */
/** @} */

/** @brief One thread. */
struct task {
	uint64_t saved_rsp;		/**< kernel stack pointer while switched out (switch.S) */
	uint64_t kstack_top;		/**< top of its kernel stack: TSS rsp0 while it runs */
	void *kstack;			/**< the stack's base, as kstack_alloc() gave it */
	enum task_state state;		/**< see enum task_state */
	struct list_node run_node;	/**< link on the run queue */
	struct list_node all_node;	/**< link on the list of every task */
	uint64_t wake_at;		/**< tick to wake a sleeper at, 0 for none */
	int need_resched;		/**< 1: switch away before returning to user mode */
	unsigned int ticks_left;	/**< timer ticks left in its time slice */

	pid_t tid;			/**< thread id */
	pid_t tgid;			/**< thread group (process) id: the leader's tid */
	struct task *leader;		/**< the thread-group leader (itself for a leader) */
	struct list_node thread_node;	/**< link in the leader's thread list */
	struct list_node threads;	/**< the leader's list of its other threads */

	struct task *parent;		/**< the process to notify at exit (a leader) */
	struct list_node children;	/**< leaders of child processes */
	struct list_node sibling_node;	/**< link in the parent's children */
	struct wait_queue child_exit;	/**< woken when a child changes state (wait4) */
	pid_t pgid;			/**< process group (meaningful on the leader) */
	pid_t sid;			/**< session (meaningful on the leader) */
	uid_t uid;			/**< real user id */
	uid_t euid;			/**< effective user id */
	uid_t suid;			/**< saved user id */
	gid_t gid;			/**< real group id */
	gid_t egid;			/**< effective group id */
	gid_t sgid;			/**< saved group id */

	int exit_status;		/**< wait status once a zombie (Linux encoding) */
	int exit_signal;		/**< signal sent to the parent at exit (SIGCHLD, or 0 for threads) */
	int group_exit;			/**< 1: exit_group in progress, threads must exit */
	int exec_killed;		/**< 1: another thread of the group called execve; this one must end */
	int exec_took_over;		/**< 1: this thread exec'd while not the leader: its exit is the process's */
	struct task *vfork_parent;	/**< the parent sleeping in vfork until we exec or exit */
	int vfork_done;			/**< set when the vfork child released its parent */
	struct wait_queue vfork_wq;	/**< the vfork parent sleeps here */
	uint64_t clear_child_tid;	/**< user address zeroed and futex-woken at exit (set_tid_address) */
	uint64_t set_child_tid;		/**< user address the new thread writes its tid to when it first runs (CLONE_CHILD_SETTID) */
	uint64_t run_ticks;		/**< timer ticks this task was running for (CPU time) */
	uint64_t child_ticks;		/**< run ticks of reaped children (RUSAGE_CHILDREN) */

	struct mm *mm;			/**< address space, shared with CLONE_VM */
	struct files *files;		/**< fd table, shared with CLONE_FILES */
	struct fs_context *fs;		/**< cwd and umask, shared with CLONE_FS */
	struct trap_frame *frame;	/**< user registers saved at the last kernel entry */
	uint64_t fs_base;		/**< user FS base (TLS), arch_prctl(ARCH_SET_FS) */
	uint64_t rlimits[16][2];	/**< getrlimit/setrlimit values (cur, max) */
	char comm[TASK_COMM_LEN];	/**< command name: the last path element of the program */
	void *signal;			/**< signal state owned by layer 30 (NULL below it) */
	struct restart_block restart;	/**< how restart_syscall(2) continues an interrupted call */
	int stop_signal;		/**< leader: the signal that stopped the process, while stopped */
	int wait_report;		/**< leader: TASK_REPORT_* bits not yet collected by the parent */
	uint8_t fpu[512] __aligned(16);	/**< user x87/SSE state (fxsave area) while switched out */
};

/**
 * task_next_thread() - The thread after @p t in @p leader's process (the leader comes first).
 * @param leader a thread-group leader
 * @param t      the leader or one of its threads
 * @return the next thread, or NULL after the last
 */
static inline struct task *task_next_thread(struct task *leader, struct task *t)
{
	struct list_node *n = t == leader ? leader->threads.next : t->thread_node.next;

	return n == &leader->threads ? NULL : list_entry(n, struct task, thread_node);
}

/** @brief Visit @p th = @p leader, then each of its threads (none may leave the list meanwhile). */
#define for_each_thread(leader, th) \
	for ((th) = (leader); (th); (th) = task_next_thread((leader), (th)))

/** @brief Every task, linked by struct task.all_node (walk it with interrupts enabled, never sleeping). */
extern struct list_node task_list;

/**
 * task_current() - The task running on this CPU.
 * @return it (the idle task while nothing else runs)
 */
struct task *task_current(void);

/**
 * task_is_idle() - Whether @p t is the idle task (what runs when nothing else can).
 * @param t a task
 * @return 1 if so
 */
int task_is_idle(const struct task *t);

/**
 * task_find() - The task with thread id @p tid.
 * @param tid the id
 * @return the task (not a dead one), or NULL
 */
struct task *task_find(pid_t tid);

/**
 * schedule() - Switch to the next runnable task; returns when this one is picked again.
 *
 * A task that called it while TASK_SLEEPING leaves the run queue until woken.
 */
void schedule(void);

/**
 * task_wake() - Make a sleeping task runnable (from any context, IRQs included).
 * @param t the task; nothing happens unless it is TASK_SLEEPING
 */
void task_wake(struct task *t);

/**
 * task_exit() - End the current thread with wait status @p status (Linux encoding).
 * @param status for a leader: what its parent's wait reports
 */
void task_exit(int status) __noreturn;

/**
 * task_exit_group() - End every thread of the current process; the first caller's @p status stands.
 * @param status the process's wait status (Linux encoding: code << 8, or the signal)
 */
void task_exit_group(int status) __noreturn;

/**
 * task_stop() - Stop the current task (TASK_STOPPED) until task_resume(); job control's stop.
 */
void task_stop(void);

/**
 * task_resume() - Make a stopped task runnable again (SIGCONT, SIGKILL).
 * @param t the task; nothing happens unless it is TASK_STOPPED
 */
void task_resume(struct task *t);

/**
 * sleep_until_tick() - Sleep until timer tick @p deadline or a signal, whichever is first.
 * @param deadline absolute tick count
 * @return 0 when the deadline passed, -EINTR when interrupted
 */
long sleep_until_tick(uint64_t deadline);

/**
 * kthread_create() - A kernel thread running @p fn(@p arg), made runnable at once.
 * @param fn   the thread's body; returning ends the thread
 * @param arg  its argument
 * @param name its name (comm)
 * @return the task, or NULL when out of memory
 */
struct task *kthread_create(void (*fn)(void *arg), void *arg, const char *name);

#endif /* TASK_H */
