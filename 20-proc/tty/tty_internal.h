/*
 * tty_internal.h - the console TTY's state, shared by tty.c and tty_ioctl.c.
 */
#ifndef TTY_INTERNAL_H
#define TTY_INTERNAL_H

#include <errno.h>
#include <file.h>
#include <stdint.h>
#include <tty.h>
#include <types.h>
#include <vfs.h>
#include <wait.h>

#include "ldisc.h"

/*
 * One terminal.  The receive interrupt touches `ld` and reads `pgrp`; task
 * code therefore disables interrupts around every ldisc call.  Everything
 * else is changed only by task code, which the kernel never preempts.
 */
struct tty {
	struct ldisc ld;		/* line discipline: input ring, settings, echo */
	struct wait_queue read_wq;	/* readers waiting for input */
	struct wait_queue write_wq;	/* writers waiting for stopped output to restart */
	struct winsize winsize;		/* what TIOCGWINSZ reports */
	pid_t session;			/* session this is the controlling terminal of, 0: none */
	pid_t pgrp;			/* foreground process group, 0: none */
};

extern struct tty tty_console;

long tty_ioctl(struct file *file, unsigned int cmd, uint64_t arg);
/* 0, or the errno tty_background_hook gives for a caller outside the foreground group. */
long tty_check_background(struct tty *tty, enum tty_background_op op);
/* Drop the session (and foreground group) if the session's leader is gone. */
void tty_forget_dead_session(struct tty *tty);
/* Wake readers and writers: input, settings or flow control changed. */
void tty_wake_all(struct tty *tty);

#endif /* TTY_INTERNAL_H */
