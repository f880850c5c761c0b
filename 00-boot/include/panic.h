/**
 * @file panic.h
 * @brief Stopping the kernel loudly: panic(), BUG_ON() and WARN_ON().
 *
 * A panic prints its message, the caller's backtrace and "system halted",
 * then stops the CPU.  When the kernel was booted to run tests (`ktest=`),
 * or with `panic=N` (N not 0), it powers off with status 2 instead, so a
 * test runner does not have to wait for its timeout.  Nothing ever reboots
 * silently.
 */
#ifndef PANIC_H
#define PANIC_H

#include <compiler.h>

/**
 * panic() - Print a message and a backtrace, then stop for good.
 * @param fmt the reason, a kvsnprintf() format
 *
 * May be called from any context, with interrupts on or off.
 */
void panic(const char *fmt, ...) __printf(1, 2) __noreturn;

/**
 * panic_stop() - The end of a fatal report (a panic, an unhandled trap): power off or halt.
 *
 * Powers off with the panic status when the boot asked for it (`ktest=`,
 * `panic=N`), and otherwise says "system halted" and halts.
 */
void panic_stop(void) __noreturn;

/**
 * halt_forever() - Disable interrupts and halt the CPU, forever.
 */
void halt_forever(void) __noreturn;

/** @brief Panic, naming the file and line, if the invariant @p cond is false. */
#define BUG_ON(cond)                                                         \
	do {                                                                 \
		if (unlikely(cond))                                          \
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

/**
 * warn_at() - Print a warning with a backtrace and go on (used by WARN_ON()).
 * @param file source file
 * @param line line
 * @param what the condition that was true
 */
void warn_at(const char *file, int line, const char *what);

/** @brief Warn with a backtrace if @p cond is true; evaluates to @p cond. */
#define WARN_ON(cond)                                                 \
	({                                                            \
		int w_ = !!(cond);                                    \
		if (unlikely(w_))                                     \
			warn_at(__FILE__, __LINE__, #cond);           \
		w_;                                                   \
	})

#endif /* PANIC_H */
