/**
 * @file signal.h
 * @brief Signal numbers the TTY sends, and sending a signal to a process group.
 *
 * Minimal stand-in written on the TTY branch because the process core's
 * signal.h was not in this tree yet; the core's own header (a superset,
 * same values and the same signal_send_pgrp() prototype) replaces it on merge.
 */
#ifndef SIGNAL_H
#define SIGNAL_H

#include <types.h>

#define SIGHUP 1	/**< hangup */
#define SIGINT 2	/**< interrupt (^C) */
#define SIGQUIT 3	/**< quit (^\\) */
#define SIGCONT 18	/**< continue */
#define SIGTSTP 20	/**< terminal stop (^Z) */
#define SIGWINCH 28	/**< window size change, ignored by default */

/**
 * signal_send_pgrp() - Send @p sig to every process of process group @p pgrp.
 * @param pgrp the group
 * @param sig 1..64
 * @return the number of processes signalled
 */
int signal_send_pgrp(pid_t pgrp, int sig);

#endif /* SIGNAL_H */
