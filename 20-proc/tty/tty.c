/*
 * tty.c - COM1 as a terminal: the device nodes, read, write, the receive interrupt.
 *
 * Bytes arrive by interrupt: IRQ 4 fires when the UART holds received data
 * (its "received data available" interrupt, which serial_init() leaves off
 * and tty_console_init() turns on).  The handler empties the UART's FIFO
 * into the line discipline, which echoes at once and may ask for a signal
 * to the foreground process group, then wakes the readers.  Output, echo
 * included, is written with serial_putc(), which polls the transmitter:
 * nothing is buffered, so a write has "drained" when it returns.
 *
 * The line discipline is shared with the interrupt handler, so task code
 * calls it with interrupts off, one short step at a time; copies to and
 * from user memory happen in between, through a small buffer on the stack,
 * with interrupts on.  printk() writes to COM1 directly and may interleave
 * with terminal output, as kernel messages do on a Linux serial console.
 */
#include <arch/cpu.h>
#include <arch/io.h>
#include <arch/trap.h>
#include <compiler.h>
#include <initcall.h>
#include <vfs_poll.h>
#include <printk.h>
#include <serial.h>
#include <signal.h>
#include <task.h>
#include <timer.h>
#include <uaccess.h>

#include "tty_internal.h"

#define UART_IER 1		/* interrupt enable register */
#define UART_LSR 5		/* line status register */
#define IER_RX_AVAILABLE 0x01	/* interrupt when received data is available */

#define TTY_CHUNK 128		/* bytes moved between user memory and the ldisc at a time */

BUILD_BUG_ON(LDISC_SIGINT != SIGINT);
BUILD_BUG_ON(LDISC_SIGQUIT != SIGQUIT);
BUILD_BUG_ON(LDISC_SIGTSTP != SIGTSTP);

struct tty tty_console = {
	.read_wq = WAIT_QUEUE_INIT(tty_console.read_wq),
	.write_wq = WAIT_QUEUE_INIT(tty_console.write_wq),
	.winsize = { .ws_row = 24, .ws_col = 80 },
};

long (*tty_background_hook)(pid_t fg_pgrp, enum tty_background_op op);

static void tty_send(void *ctx, uint8_t c)
{
	serial_putc((char)c);
}

void tty_wake_all(struct tty *tty)
{
	wake_up(&tty->read_wq);
	wake_up(&tty->write_wq);
}

/*
 * IRQ 4.  Reading the data register until the line status says "empty" is
 * also what clears the UART's interrupt; leaving a byte behind would keep
 * the (edge-triggered) line high and no further interrupt would come.  The
 * bound only guards against a UART that never says empty.
 */
static void tty_receive_interrupt(struct trap_frame *tf)
{
	struct tty *tty = &tty_console;
	int budget = LDISC_BUF_SIZE, received = 0, c;

	while (budget-- > 0 && (c = serial_getc()) >= 0) {
		int sig = ldisc_receive(&tty->ld, (uint8_t)c);

		received = 1;
		/* No foreground group, no signal: as Linux, e.g. for init=/bin/sh. */
		if (sig && tty->pgrp > 0)
			signal_send_pgrp(tty->pgrp, sig);
	}
	if (received)
		tty_wake_all(tty);
}

long tty_check_background(struct tty *tty, enum tty_background_op op)
{
	struct task *me = task_current()->leader;

	if (!tty_background_hook || !tty->session || me->sid != tty->session ||
	    !tty->pgrp || me->pgid == tty->pgrp)
		return 0;
	return tty_background_hook(tty->pgrp, op);
}

void tty_session_exit(pid_t sid)
{
	struct tty *tty = &tty_console;

	if (sid && tty->session == sid) {
		tty->session = 0;
		WRITE_ONCE(tty->pgrp, 0);
	}
}

/*
 * Linux drops the controlling terminal when the session leader exits; this
 * is the same rule applied late, so a new session (BusyBox init respawning
 * a shell) can take the console even if the exit path never told us.
 */
void tty_forget_dead_session(struct tty *tty)
{
	struct task *leader;

	if (!tty->session)
		return;
	leader = task_find(tty->session);
	if (leader && leader->leader == leader && leader->sid == tty->session &&
	    leader->state != TASK_ZOMBIE && leader->state != TASK_DEAD)
		return;
	tty_session_exit(tty->session);
}

static size_t tty_readable(struct tty *tty)
{
	uint64_t flags = irq_save();
	size_t n = ldisc_readable(&tty->ld);

	irq_restore(flags);
	return n;
}

static int tty_output_stopped(struct tty *tty)
{
	uint64_t flags = irq_save();
	int stopped = ldisc_output_stopped(&tty->ld);

	irq_restore(flags);
	return stopped;
}

static uint64_t deciseconds_to_ticks(unsigned int ds)
{
	return (uint64_t)ds * TIMER_HZ / 10;
}

/* Take what the line discipline gives (one line at most, in canonical mode) into user memory. */
static ssize_t tty_copy_out(struct tty *tty, void __user *buf, size_t n)
{
	uint8_t kbuf[TTY_CHUNK];
	size_t done = 0;

	while (done < n) {
		size_t want = n - done < sizeof(kbuf) ? n - done : sizeof(kbuf);
		int line_done;
		uint64_t flags = irq_save();
		size_t got = ldisc_read(&tty->ld, kbuf, want, &line_done);

		irq_restore(flags);
		/* As Linux: bytes already taken are lost if the buffer is bad. */
		if (got && copy_to_user((char __user *)buf + done, kbuf, got))
			return done ? (ssize_t)done : -EFAULT;
		done += got;
		if (line_done || got < want)
			break;
	}
	return done;
}

/*
 * read(2) on a terminal (termios(3)): canonical mode waits for a line;
 * non-canonical mode waits as VMIN and VTIME say (ldisc_read_rule()), the
 * inter-byte timer restarting whenever more input has come.
 */
static ssize_t tty_read(struct file *file, void __user *buf, size_t n, uint64_t *pos)
{
	struct tty *tty = file->private_data;
	struct ldisc_read_rule rule;
	uint64_t deadline = 0;
	size_t seen = 0;
	long err;

	if (!n)
		return 0;
	err = tty_check_background(tty, TTY_BG_READ);
	if (err)
		return err;
	ldisc_read_rule(&tty->ld, n, &rule);
	if (rule.wait_ds > 0)
		deadline = timer_ticks() + deciseconds_to_ticks(rule.wait_ds);
	for (;;) {
		size_t avail = tty_readable(tty);

		if (avail >= rule.minimum || rule.wait_ds == 0)
			break;
		if (avail > seen && rule.interbyte_ds)
			deadline = timer_ticks() + deciseconds_to_ticks(rule.interbyte_ds);
		seen = avail;
		if (file->flags & O_NONBLOCK) {
			if (avail)
				break;
			return -EAGAIN;
		}
		err = wait_event_deadline(&tty->read_wq, tty_readable(tty) != seen, deadline);
		if (err == -ETIMEDOUT)
			break;
		if (err)
			return err;
	}
	return tty_copy_out(tty, buf, n);
}

/* write(2): output processing, then straight to the UART; waits while output is stopped (^S). */
static ssize_t tty_write(struct file *file, const void __user *buf, size_t n, uint64_t *pos)
{
	struct tty *tty = file->private_data;
	uint8_t kbuf[TTY_CHUNK];
	size_t done = 0;
	long err;

	if (tty->ld.termios.c_lflag & TOSTOP) {
		err = tty_check_background(tty, TTY_BG_WRITE);
		if (err)
			return err;
	}
	while (done < n) {
		size_t chunk = n - done < sizeof(kbuf) ? n - done : sizeof(kbuf);

		if (tty_output_stopped(tty)) {
			if (file->flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			err = wait_event(&tty->write_wq, !tty_output_stopped(tty));
			if (err)
				return done ? (ssize_t)done : err;
		}
		if (copy_from_user(kbuf, (const char __user *)buf + done, chunk))
			return done ? (ssize_t)done : -EFAULT;
		/* Byte by byte, so the receive interrupt is never held off for long. */
		for (size_t i = 0; i < chunk; i++) {
			uint64_t flags = irq_save();

			ldisc_write(&tty->ld, &kbuf[i], 1);
			irq_restore(flags);
		}
		done += chunk;
	}
	return done;
}

static int tty_open(struct inode *inode, struct file *file)
{
	file->private_data = &tty_console;
	return 0;
}

/*
 * /dev/ttyS0 becomes the controlling terminal of a session leader that has
 * none, unless O_NOCTTY, and only for an open that can read (Linux's
 * tty_open_proc_set_tty()).  /dev/console and /dev/tty never do: that needs
 * TIOCSCTTY, as on Linux.
 */
static int tty_serial_open(struct inode *inode, struct file *file)
{
	struct tty *tty = &tty_console;
	struct task *me = task_current()->leader;

	tty_open(inode, file);
	tty_forget_dead_session(tty);
	if (!(file->flags & O_NOCTTY) && (file->flags & O_ACCMODE) != O_WRONLY &&
	    me->sid == me->tgid && !tty->session) {
		tty->session = me->sid;
		WRITE_ONCE(tty->pgrp, me->pgid);
	}
	return 0;
}

/* Readable once a read would return (a line, or bytes in raw mode, or EOF); always writable. */
static unsigned int tty_poll(struct file *file, struct poll_table *pt)
{
	struct tty *tty = file->private_data;
	unsigned int mask = POLLOUT | POLLWRNORM;

	poll_wait(pt, &tty->read_wq);
	if (tty_readable(tty))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

static const struct file_ops tty_console_ops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};

static const struct file_ops tty_serial_ops = {
	.open = tty_serial_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};

/* 5:0 /dev/tty (the controlling terminal: always this one) and 5:1 /dev/console. */
static const struct chrdev tty_console_dev = {
	.name = "console", .major = 5, .minor_first = 0, .minor_count = 2, .ops = &tty_console_ops,
};
CHRDEV_REGISTER(tty_console_dev);

/* 4:64 /dev/ttyS0, the same terminal under its own name. */
static const struct chrdev tty_serial_dev = {
	.name = "ttyS", .major = 4, .minor_first = 64, .minor_count = 1, .ops = &tty_serial_ops,
};
CHRDEV_REGISTER(tty_serial_dev);

void tty_console_init(void)
{
	int err;

	ldisc_init(&tty_console.ld, tty_send, NULL);
	/* A port that is not there reads as all ones, and would look ever-full. */
	if (inb(SERIAL_COM1 + UART_LSR) == 0xff) {
		pr_warn("tty: no UART at COM1: the console takes no input\n");
		return;
	}
	err = irq_set_handler(IRQ_COM1, tty_receive_interrupt);
	if (err) {
		pr_err("tty: cannot take IRQ %d (%d): the console takes no input\n", IRQ_COM1, err);
		return;
	}
	outb(SERIAL_COM1 + UART_IER, IER_RX_AVAILABLE);
	pr_info("tty: COM1 is /dev/console (5:1), /dev/ttyS0 (4:64) and /dev/tty (5:0)\n");
}

static int tty_console_initcall(void)
{
	tty_console_init();
	return 0;
}
INITCALL(INITCALL_DEVICE, tty_console_initcall);
