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
#define SIGIO 29	/**< I/O possible */
#define SIGPWR 30	/**< power failure */
#define SIGSYS 31	/**< bad syscall, core */
#define NSIG_LINUX 64	/**< signals 1..64 exist (32..64 are real-time) */

/** @brief What the kernel does with signals; layer 20 has a default, layer 30 replaces it. */
struct signal_ops {
	/** @brief Send @p sig to thread @p t (kill, tkill, SIGPIPE, the TTY). */
	void (*send)(struct task *t, int sig);
	/** @brief The current task's user code faulted: deliver @p sig with si_code @p code and si_addr @p addr. */
	void (*fault)(struct trap_frame *tf, int sig, int code, uint64_t addr);
	/** @brief Whether the current task must leave a sleep (wait_event() returns -EINTR). */
	int (*pending)(void);
	/** @brief Last step before returning to user mode with @p tf: deliver what is pending. */
	void (*deliver)(struct trap_frame *tf);
	/** @brief A new task @p child was cloned from the current one with clone @p flags (may be NULL). */
	int (*fork)(struct task *child, uint64_t flags);
	/** @brief The current task has just exec'd a new program (may be NULL). */
	void (*exec)(void);
	/** @brief Task @p t is ending: free its signal state (may be NULL). */
	void (*exit)(struct task *t);
};

/**
 * signal_set_ops() - Replace the signal operations (layer 30 calls it from an init call).
 * @param ops the new operations; every member must be set
 */
void signal_set_ops(const struct signal_ops *ops);

/**
 * task_send_signal() - Send @p sig to thread @p t through the current signal operations.
 * @param t the target
 * @param sig 1..64
 */
void task_send_signal(struct task *t, int sig);

/**
 * signal_send_pgrp() - Send @p sig to every process of process group @p pgrp.
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
