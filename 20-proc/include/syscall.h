/**
 * @file syscall.h
 * @brief The syscall table as a registry: each layer defines the syscalls it owns with SYSCALL_DEFINEn().
 *
 * A user program enters with `syscall`: the number in rax, up to six
 * arguments in rdi, rsi, rdx, r10, r8, r9, the result back in rax (a
 * negative errno on failure), rcx and r11 clobbered.  The numbers are Linux's
 * (`__NR_name`, generated at build time from the C library's
 * <asm/unistd_64.h> into <syscall_nr.h>), so one table serves BusyBox, musl and glibc.
 *
 * Example, in the layer that owns the concept:
 *
 *     SYSCALL_DEFINE3(read, int, fd, void __user *, buf, size_t, count)
 *     {
 *             ...
 *     }
 *
 * defines `static long sys_read(int fd, void __user *buf, size_t count)` and
 * registers it under `__NR_read`.  A number nobody registers returns -ENOSYS
 * and is logged once with its name; two definitions of one number stop the
 * boot with both names.
 */
#ifndef SYSCALL_H
#define SYSCALL_H

#include <arch/trap.h>
#include <compiler.h>
#include <registry.h>
#include <restart.h>
#include <stdint.h>
#include <syscall_nr.h>

/** @brief One registered syscall. */
struct syscall_def {
	unsigned int nr;			/**< Linux x86_64 syscall number */
	const char *name;			/**< its name, for logs */
	long (*call)(const uint64_t *args);	/**< the six raw argument registers */
};

REGISTRY_DECLARE(struct syscall_def, syscalls);

/** @brief How many syscall numbers the table has room for (Linux's go up to ~460). */
#define SYSCALL_MAX 512

/** @brief Internal to SYSCALL_DEFINEn(): the registry entry of `sys_name` and its wrapper's declaration. */
#define __SYSCALL_REGISTER(name)                                                    \
	static long __sysw_##name(const uint64_t *a);                                \
	static const struct syscall_def __sysdef_##name = { __NR_##name, #name,      \
							    __sysw_##name };          \
	REGISTRY_ADD(syscalls, 0, __sysdef_##name)
/** @brief Internal to SYSCALL_DEFINEn(): raw argument register @p i as type @p t. */
#define __SA(t, i) ((t)(uintptr_t)a[i])

/** @brief Define and register `sys_name` taking no arguments. */
#define SYSCALL_DEFINE0(name)                                              \
	static long sys_##name(void);                                       \
	__SYSCALL_REGISTER(name);                                           \
	static long __sysw_##name(const uint64_t *a) { (void)a; return sys_##name(); } \
	static long sys_##name(void)

/** @brief Define and register `sys_name` taking one argument (type, name). */
#define SYSCALL_DEFINE1(name, t1, a1)                                      \
	static long sys_##name(t1 a1);                                      \
	__SYSCALL_REGISTER(name);                                           \
	static long __sysw_##name(const uint64_t *a) { return sys_##name(__SA(t1, 0)); } \
	static long sys_##name(t1 a1)

/** @brief Define and register `sys_name` taking two arguments. */
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)                              \
	static long sys_##name(t1 a1, t2 a2);                               \
	__SYSCALL_REGISTER(name);                                           \
	static long __sysw_##name(const uint64_t *a)                        \
	{ return sys_##name(__SA(t1, 0), __SA(t2, 1)); }                    \
	static long sys_##name(t1 a1, t2 a2)

/** @brief Define and register `sys_name` taking three arguments. */
#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)                      \
	static long sys_##name(t1 a1, t2 a2, t3 a3);                        \
	__SYSCALL_REGISTER(name);                                           \
	static long __sysw_##name(const uint64_t *a)                        \
	{ return sys_##name(__SA(t1, 0), __SA(t2, 1), __SA(t3, 2)); }       \
	static long sys_##name(t1 a1, t2 a2, t3 a3)

/** @brief Define and register `sys_name` taking four arguments. */
#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4)              \
	static long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4);                 \
	__SYSCALL_REGISTER(name);                                           \
	static long __sysw_##name(const uint64_t *a)                        \
	{ return sys_##name(__SA(t1, 0), __SA(t2, 1), __SA(t3, 2), __SA(t4, 3)); } \
	static long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4)

/** @brief Define and register `sys_name` taking five arguments. */
#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)      \
	static long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5);          \
	__SYSCALL_REGISTER(name);                                           \
	static long __sysw_##name(const uint64_t *a)                        \
	{ return sys_##name(__SA(t1, 0), __SA(t2, 1), __SA(t3, 2), __SA(t4, 3), \
			    __SA(t5, 4)); }                                 \
	static long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)

/** @brief Define and register `sys_name` taking six arguments. */
#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	static long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6);   \
	__SYSCALL_REGISTER(name);                                           \
	static long __sysw_##name(const uint64_t *a)                        \
	{ return sys_##name(__SA(t1, 0), __SA(t2, 1), __SA(t3, 2), __SA(t4, 3), \
			    __SA(t5, 4), __SA(t6, 5)); }                    \
	static long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)

/**
 * syscall_restart() - Settle a syscall that a signal interrupted, before returning to user mode.
 * @param tf        the user's registers; rax holds the syscall's result
 * @param handler   1 if a signal handler is about to run, 0 if none will
 * @param sa_restart 1 if that handler was installed with SA_RESTART
 *
 * If @p tf is a syscall's frame whose result is a restart code, either
 * rewinds rip over the `syscall` instruction with rax = the syscall number
 * again (or restart_syscall's, for -ERESTART_RESTARTBLOCK), or makes the
 * result -EINTR.  Anything else is left alone.  Called by the signal
 * operations' deliver step (layer 20's default, layer 30's).
 */
void syscall_restart(struct trap_frame *tf, int handler, int sa_restart);

/**
 * syscall_frame_forget() - Make @p tf no longer look like a syscall's frame (no restart of it).
 * @param tf registers about to be replaced wholesale (rt_sigreturn)
 */
void syscall_frame_forget(struct trap_frame *tf);

/**
 * syscall_name() - The Linux name of syscall @p nr.
 * @param nr a syscall number
 * @return its name, or "?" for a number Linux does not have
 */
const char *syscall_name(unsigned int nr);

/**
 * syscall_dispatch() - Run the syscall whose registers are in @p tf (called by the entry path).
 * @param tf the user's registers; rax receives the result
 */
void syscall_dispatch(struct trap_frame *tf);

#endif /* SYSCALL_H */
