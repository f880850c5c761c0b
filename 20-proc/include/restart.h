/**
 * @file restart.h
 * @brief Restart codes: how an interrupted syscall says whether it may run again.
 *
 * Kernel-internal results (Linux's values) of a syscall that a signal
 * interrupted.  They never reach user mode: on the way out,
 * syscall_restart() (<syscall.h>) turns them into -EINTR or into running
 * the syscall again, depending on whether a handler runs and how it was
 * installed.  wait_event() returns -ERESTARTSYS when a signal interrupts
 * the sleep; a syscall with other rules (pause, poll, nanosleep) returns
 * its own code instead.
 */
#ifndef RESTART_H
#define RESTART_H

#define ERESTARTSYS 512		/**< restart, unless a handler without SA_RESTART runs */
#define ERESTARTNOINTR 513	/**< always restart */
#define ERESTARTNOHAND 514	/**< restart only if no handler runs (pause, poll, sigsuspend) */
#define ERESTART_RESTARTBLOCK 516 /**< like NOHAND, but continue through restart_syscall(2) */

#endif /* RESTART_H */
