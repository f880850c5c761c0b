/**
 * @file initcall.h
 * @brief Init calls: how each subsystem of each layer gets started, in order, without kmain() naming it.
 *
 * kmain() runs every registered init call once, level by level; within a
 * level, in link order (lower layers link first).  An init call that fails
 * is logged with its name and error, and booting goes on.
 */
#ifndef INITCALL_H
#define INITCALL_H

#include <registry.h>

#define INITCALL_CORE 1   /**< core kernel state: nothing from the hardware yet */
#define INITCALL_ARCH 2   /**< processor set-up: interrupt controllers */
#define INITCALL_MM 3     /**< memory management (layer 10) */
#define INITCALL_SUBSYS 4 /**< subsystems: scheduler, VFS, sockets */
#define INITCALL_DEVICE 5 /**< device drivers: timer, disks, network */
#define INITCALL_LATE 6   /**< after everything: self-tests, starting init */

/** @brief A registered init call. */
struct initcall {
	int (*fn)(void);  /**< returns 0 or a negative errno */
	const char *name; /**< the function's name, for the log */
	int level;	  /**< an INITCALL_* level */
};

REGISTRY_DECLARE(struct initcall, initcalls);

/**
 * @brief Run @p fn at boot, at level @p lvl (one of the INITCALL_* macros).
 * @param lvl the level, a macro expanding to a digit
 * @param fn  int fn(void)
 */
#define INITCALL(lvl, fn)                                                    \
	static const struct initcall initcall_##fn = { fn, #fn, lvl };       \
	REGISTRY_ADD(initcalls, lvl, initcall_##fn)

/**
 * initcalls_run() - Run every init call, level by level.
 * @return the number that failed
 *
 * Called once by kmain(), with interrupts disabled.
 */
int initcalls_run(void);

#endif /* INITCALL_H */
