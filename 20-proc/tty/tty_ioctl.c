/*
 * tty_ioctl.c - the terminal ioctls: termios, window size, flow, flushing, the controlling terminal.
 *
 * Numbers and semantics are Linux's (ioctl_tty(2), tty_ioctl() and
 * n_tty_ioctl_helper() in drivers/tty/).  Any other request is -ENOTTY,
 * which is also what C libraries expect to hear from a non-terminal.
 *
 * The controlling-terminal rules need to know which session a process is
 * in; a process's session and process group live on its thread-group
 * leader.  With one terminal, "the caller's session has a controlling
 * terminal" is "tty->session is the caller's session".
 */
#include <arch/cpu.h>
#include <arch/io.h>
#include <serial.h>
#include <signal.h>
#include <string.h>
#include <task.h>
#include <timer.h>
#include <uaccess.h>

#include "tty_internal.h"

#define UART_LCR 3		/* line control register */
#define LCR_BREAK 0x40		/* hold the line at space: a break */

static struct task *caller(void)
{
	return task_current()->leader;
}

static int is_controlling_tty_of_caller(const struct tty *tty)
{
	return tty->session && caller()->sid == tty->session;
}

static long tty_get_termios(struct tty *tty, void __user *argp)
{
	struct termios t = tty->ld.termios;

	return copy_to_user(argp, &t, sizeof(t)) ? -EFAULT : 0;
}

/* TCSETS, and TCSETSW/TCSETSF, whose wait for output to drain is already over: output is synchronous. */
static long tty_set_termios(struct tty *tty, unsigned int cmd, const void __user *argp)
{
	struct termios t;
	uint64_t flags;
	long err = tty_check_background(tty, TTY_BG_CHANGE);

	if (err)
		return err;
	if (copy_from_user(&t, argp, sizeof(t)))
		return -EFAULT;
	flags = irq_save();
	if (cmd == TCSETSF)
		ldisc_flush_input(&tty->ld);
	ldisc_set_termios(&tty->ld, &t);
	irq_restore(flags);
	tty_wake_all(tty);
	return 0;
}

/*
 * TCSBRK: a non-zero argument is tcdrain(), done already; zero sends a
 * break, the line held at space for a quarter of a second (Linux's 250 ms).
 */
static long tty_send_break(struct tty *tty, uint64_t arg)
{
	long err = tty_check_background(tty, TTY_BG_CHANGE);
	uint8_t lcr;

	if (err || arg)
		return err;
	lcr = inb(SERIAL_COM1 + UART_LCR);
	outb(SERIAL_COM1 + UART_LCR, lcr | LCR_BREAK);
	err = sleep_until_tick(timer_ticks() + TIMER_HZ / 4);
	outb(SERIAL_COM1 + UART_LCR, lcr);
	return err;
}

static long tty_flow(struct tty *tty, uint64_t arg)
{
	long err = tty_check_background(tty, TTY_BG_CHANGE);
	uint64_t flags;

	if (err)
		return err;
	flags = irq_save();
	err = ldisc_flow(&tty->ld, arg > 3 ? -1 : (int)arg);
	irq_restore(flags);
	tty_wake_all(tty);
	return err;
}

/* TCFLSH: only input is buffered; unsent output does not exist. */
static long tty_flush(struct tty *tty, uint64_t arg)
{
	long err = tty_check_background(tty, TTY_BG_CHANGE);
	uint64_t flags;

	if (err)
		return err;
	switch (arg) {
	case TCIFLUSH:
	case TCIOFLUSH:
		flags = irq_save();
		ldisc_flush_input(&tty->ld);
		irq_restore(flags);
		return 0;
	case TCOFLUSH:
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * TIOCSCTTY (Linux's tiocsctty()): the caller must lead a session without a
 * controlling terminal; a terminal that belongs to another session is
 * taken from it only with arg 1 by root.  The caller's process group
 * becomes the foreground group.
 */
static long tiocsctty(struct tty *tty, struct file *file, uint64_t arg)
{
	struct task *me = caller();
	int leader = me->sid == me->tgid;

	if (leader && tty->session == me->sid)
		return 0;
	if (!leader)
		return -EPERM;
	if (tty->session && !(arg == 1 && me->euid == 0))
		return -EPERM;
	/* Only a file that can read may make the terminal controlling, unless root. */
	if ((file->flags & O_ACCMODE) == O_WRONLY && me->euid != 0)
		return -EPERM;
	tty->session = me->sid;
	WRITE_ONCE(tty->pgrp, me->pgid);
	return 0;
}

/*
 * TIOCNOTTY: a session leader gives the terminal up for its whole session,
 * and the foreground group gets SIGHUP and SIGCONT (Linux's
 * disassociate_ctty()).  Another process only loses its own access, which
 * this kernel does not record per process: for it this succeeds and
 * changes nothing.
 */
static long tiocnotty(struct tty *tty)
{
	struct task *me = caller();
	pid_t fg = tty->pgrp;

	if (!is_controlling_tty_of_caller(tty))
		return -ENOTTY;
	if (me->sid != me->tgid)
		return 0;
	tty_session_exit(me->sid);
	if (fg > 0) {
		signal_send_pgrp(fg, SIGHUP);
		signal_send_pgrp(fg, SIGCONT);
	}
	return 0;
}

static long tiocgpgrp(struct tty *tty, void __user *argp)
{
	pid_t pgrp = tty->pgrp;

	if (!is_controlling_tty_of_caller(tty))
		return -ENOTTY;
	return put_user(&pgrp, (pid_t __user *)argp) ? -EFAULT : 0;
}

/*
 * TIOCSPGRP (Linux's tiocspgrp()), checks in Linux's order.  A group whose
 * leader is alive must be in the caller's session; a group whose leader
 * has exited cannot be looked up here and is accepted.
 */
static long tiocspgrp(struct tty *tty, const void __user *argp)
{
	long err = tty_check_background(tty, TTY_BG_CHANGE);
	struct task *group_leader;
	pid_t pgrp;

	if (err == -EIO)
		return -ENOTTY;
	if (err)
		return err;
	if (get_user(&pgrp, (const pid_t __user *)argp))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (!is_controlling_tty_of_caller(tty))
		return -ENOTTY;
	if (pgrp == 0)
		return -ESRCH;
	group_leader = task_find(pgrp);
	if (group_leader && group_leader->leader == group_leader &&
	    group_leader->pgid == pgrp && group_leader->sid != tty->session)
		return -EPERM;
	WRITE_ONCE(tty->pgrp, pgrp);
	return 0;
}

static long tiocgsid(struct tty *tty, void __user *argp)
{
	pid_t sid = tty->session;

	if (!is_controlling_tty_of_caller(tty))
		return -ENOTTY;
	return put_user(&sid, (pid_t __user *)argp) ? -EFAULT : 0;
}

/* TIOCSWINSZ: a new size is announced to the foreground group with SIGWINCH (Linux's tty_do_resize()). */
static long tty_set_winsize(struct tty *tty, const void __user *argp)
{
	struct winsize ws;

	if (copy_from_user(&ws, argp, sizeof(ws)))
		return -EFAULT;
	if (memcmp(&ws, &tty->winsize, sizeof(ws)) == 0)
		return 0;
	tty->winsize = ws;
	if (tty->pgrp > 0)
		signal_send_pgrp(tty->pgrp, SIGWINCH);
	return 0;
}

/* FIONREAD (TIOCINQ): what a read could return now, as an int. */
static long tty_inq(struct tty *tty, void __user *argp)
{
	uint64_t flags = irq_save();
	int n = (int)ldisc_inq(&tty->ld);

	irq_restore(flags);
	return put_user(&n, (int __user *)argp) ? -EFAULT : 0;
}

long tty_ioctl(struct file *file, unsigned int cmd, uint64_t arg)
{
	struct tty *tty = file->private_data;
	void __user *argp = (void __user *)(uintptr_t)arg;
	struct winsize ws;
	int zero = 0;

	tty_forget_dead_session(tty);
	switch (cmd) {
	case TCGETS:
		return tty_get_termios(tty, argp);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return tty_set_termios(tty, cmd, argp);
	case TCSBRK:
		return tty_send_break(tty, arg);
	case TCXONC:
		return tty_flow(tty, arg);
	case TCFLSH:
		return tty_flush(tty, arg);
	case TIOCSCTTY:
		return tiocsctty(tty, file, arg);
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCGPGRP:
		return tiocgpgrp(tty, argp);
	case TIOCSPGRP:
		return tiocspgrp(tty, argp);
	case TIOCGSID:
		return tiocgsid(tty, argp);
	case TIOCGWINSZ:
		ws = tty->winsize;
		return copy_to_user(argp, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return tty_set_winsize(tty, argp);
	case FIONREAD:
		return tty_inq(tty, argp);
	case TIOCOUTQ:
		/* Output is written before write() returns: nothing is ever queued. */
		return put_user(&zero, (int __user *)argp) ? -EFAULT : 0;
	default:
		return -ENOTTY;
	}
}
