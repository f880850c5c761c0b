/**
 * @file signal.h
 * @brief Signal numbers, and the hook through which layer 30 takes over signal delivery.
 *
 * Layer 20 knows signals only as reasons for a process to end: a fault, a
 * kill(2), SIGPIPE, ^C on the TTY.  Its default `struct signal_ops` applies
 * each signal's default action at once (terminate the thread group with the
 * signal as its wait status; ignore SIGCHLD, SIGURG, SIGWINCH, SIGCONT; stop
 * signals are ignored until layer 30 implements stopping) and never
 * interrupts a sleep except for a group exit.  Layer 30 installs its own ops
 * with signal_set_ops() and so adds handlers, masks and frames without layer
 * 20 naming it.
 */
#ifndef SIGNAL_H
#define SIGNAL_H

#include <arch/trap.h>
#include <stdint.h>
#include <types.h>

struct task;

#define SIGHUP 1	/**< hangup */
#define SIGINT 2	/**< interrupt (^C) */
#define SIGQUIT 3	/**< quit (^\\), core */
#define SIGILL 4	/**< illegal instruction, core */
#define SIGTRAP 5	/**< breakpoint, core */
#define SIGABRT 6	/**< abort, core */
#define SIGBUS 7	/**< bus error, core */
#define SIGFPE 8	/**< arithmetic error, core */
#define SIGKILL 9	/**< kill, cannot be caught */
#define SIGUSR1 10	/**< user signal 1 */
#define SIGSEGV 11	/**< invalid memory access, core */
#define SIGUSR2 12	/**< user signal 2 */
#define SIGPIPE 13	/**< write to a pipe with no reader */
#define SIGALRM 14	/**< alarm clock */
#define SIGTERM 15	/**< termination */
#define SIGSTKFLT 16	/**< stack fault (unused on x86) */
#define SIGCHLD 17	/**< child stopped or ended, ignored by default */
#define SIGCONT 18	/**< continue */
#define SIGSTOP 19	/**< stop, cannot be caught */
#define SIGTSTP 20	/**< terminal stop (^Z) */
#define SIGTTIN 21	/**< background read from the TTY */
#define SIGTTOU 22	/**< background write to the TTY */
#define SIGURG 23	/**< urgent socket data, ignored by default */
#define SIGXCPU 24	/**< CPU time limit, core */
#define SIGXFSZ 25	/**< file size limit, core */
#define SIGVTALRM 26	/**< virtual timer */
#define SIGPROF 27	/**< profiling timer */
#define SIGWINCH 28	/**< window size change, ignored by default */
#ifndef SIGIO		/* the host C library spells it SIGPOLL */
#define SIGIO 29	/**< I/O possible */
#endif
#define SIGPWR 30	/**< power failure */
#define SIGSYS 31	/**< bad syscall, core */
#define NSIG_LINUX 64	/**< signals 1..64 exist (32..64 are real-time) */

/** @name si_code values (Linux's)
 * A host unit test may have the C library's <signal.h>, which defines the
 * same names with the same values: then those stand.
 * @{ */
#ifndef SI_USER
#define SI_USER 0		/**< kill(2) */
#define SI_KERNEL 0x80		/**< sent by the kernel (TTY, timers) */
#define SI_QUEUE (-1)		/**< sigqueue(3) */
#define SI_TIMER (-2)		/**< a POSIX timer */
#define SI_TKILL (-6)		/**< tkill(2), tgkill(2) */
#define SEGV_MAPERR 1		/**< SIGSEGV: no mapping at the address */
#define SEGV_ACCERR 2		/**< SIGSEGV: the mapping forbids the access */
#define BUS_ADRERR 2		/**< SIGBUS: nonexistent physical address (past the end of a file) */
#define ILL_ILLOPN 2		/**< SIGILL: illegal operand (ud2) */
#define FPE_INTDIV 1		/**< SIGFPE: integer divide by zero */
#define FPE_FLTINV 7		/**< SIGFPE: invalid floating-point operation */
#define TRAP_BRKPT 1		/**< SIGTRAP: breakpoint (int3) */
#define CLD_EXITED 1		/**< SIGCHLD: the child exited */
#define CLD_KILLED 2		/**< SIGCHLD: a signal ended it */
#define CLD_DUMPED 3		/**< SIGCHLD: a signal ended it with a core */
#define CLD_STOPPED 5		/**< SIGCHLD: it stopped */
#define CLD_CONTINUED 6		/**< SIGCHLD: it continued */
#endif
/** @} */

/**
 * @brief What a signal says about its origin: the kernel's compact siginfo.
 *
 * Layer 30 lays it out as Linux's 128-byte siginfo_t for a handler, for
 * rt_sigtimedwait and for waitid; which fields are meaningful depends on
 * the signal and si_code, as there.
 */
struct ksiginfo {
	int signo;		/**< the signal, 1..64 */
	int code;		/**< SI_USER, SI_KERNEL, SEGV_MAPERR, CLD_EXITED, ... */
	int err;		/**< si_errno */
	pid_t pid;		/**< sender (kill) or child (SIGCHLD) */
	uid_t uid;		/**< its real user id */
	int status;		/**< SIGCHLD: exit code or signal */
	uint64_t addr;		/**< faults: the address; sigqueue: the value */
	uint64_t utime;		/**< SIGCHLD: the child's user time in clock ticks */
};

/** @brief What the kernel does with signals; layer 20 has a default, layer 30 replaces it. */
struct signal_ops {
	/**
	 * @brief Send a signal to thread @p t (@p thread = 1: tkill, faults) or to its process (0).
	 * May be called from an interrupt handler (TTY, timers).
	 */
	void (*send)(struct task *t, const struct ksiginfo *info, int thread);
	/** @brief The current task's user code faulted: deliver @p sig with si_code @p code and si_addr @p addr. */
	void (*fault)(struct trap_frame *tf, int sig, int code, uint64_t addr);
	/** @brief Whether the current task must leave a sleep (wait_event() returns -ERESTARTSYS). */
	int (*pending)(void);
	/** @brief Last step before returning to user mode with @p tf: settle restarts, deliver what is pending. */
	void (*deliver)(struct trap_frame *tf);
	/** @brief A new task @p child was cloned from the current one with clone @p flags (may be NULL). */
	int (*fork)(struct task *child, uint64_t flags);
	/** @brief The current task has just exec'd a new program (may be NULL). */
	void (*exec)(void);
	/** @brief Task @p t is ending: free its signal state (may be NULL). */
	void (*exit)(struct task *t);
	/** @brief Whether process @p parent reaps its children at once (SIGCHLD ignored, SA_NOCLDWAIT) (may be NULL). */
	int (*child_autoreap)(struct task *parent);
};

/**
 * signal_set_ops() - Replace the signal operations (layer 30 calls it from an init call).
 * @param ops the new operations; every member must be set
 */
void signal_set_ops(const struct signal_ops *ops);

/**
 * signal_send() - Send a signal through the current signal operations.
 * @param t      the target thread
 * @param info   the signal and what it says about its origin
 * @param thread 1: to @p t alone; 0: to @p t's process (any thread may take it)
 */
void signal_send(struct task *t, const struct ksiginfo *info, int thread);

/**
 * task_send_signal() - Send @p sig from the kernel (SI_KERNEL) to the process of thread @p t.
 * @param t the target
 * @param sig 1..64
 */
void task_send_signal(struct task *t, int sig);

/**
 * ksiginfo_user() - Fill @p info for @p sig sent by the current process (SI_USER, its pid and uid).
 * @param info what to fill
 * @param sig 1..64
 */
void ksiginfo_user(struct ksiginfo *info, int sig);

/**
 * task_kill_group() - Make @p t's whole process end with wait status @p status at once.
 * @param t      any thread of the process
 * @param status its wait status (a signal, maybe with the core bit 0x80)
 *
 * Every thread is woken (or resumed, if stopped) and leaves the kernel by
 * exiting; a process already ending keeps its first status.
 */
void task_kill_group(struct task *t, int status);

/**
 * signal_child_autoreap() - Whether @p parent reaps its children at once (see struct signal_ops).
 * @param parent a process (leader)
 * @return 1 if so
 */
int signal_child_autoreap(struct task *parent);

/**
 * signal_send_pgrp() - Send @p sig from the kernel to every process of process group @p pgrp.
 * @param pgrp the group
 * @param sig 1..64
 * @return the number of processes signalled
 */
int signal_send_pgrp(pid_t pgrp, int sig);

/**
 * signal_fault() - A user-mode fault the kernel cannot resolve becomes signal @p sig.
 * @param tf   the user's registers at the fault
 * @param sig  SIGSEGV, SIGBUS, SIGFPE, SIGILL or SIGTRAP
 * @param code the si_code (SEGV_MAPERR, ...)
 * @param addr the si_addr
 */
void signal_fault(struct trap_frame *tf, int sig, int code, uint64_t addr);

/**
 * signal_pending() - Whether a sleep of the current task must be interrupted.
 * @return 1 if so
 */
int signal_pending(void);

/**
 * signal_default_terminates() - Whether @p sig's default action ends the process.
 * @param sig 1..64
 * @return 1 for terminate or core, 0 for ignore, stop and continue
 */
int signal_default_terminates(int sig);

/**
 * signal_default_dumps_core() - Whether @p sig's default action is "core" (the wait status has 0x80).
 * @param sig 1..64
 * @return 1 or 0
 */
int signal_default_dumps_core(int sig);

#endif /* SIGNAL_H */
