/*
 * ldisc.h - the terminal line discipline: Linux's N_TTY without the kernel around it.
 *
 * A struct ldisc turns received bytes into what read() returns and what the
 * terminal echoes, and written bytes into what the wire carries, following
 * the termios settings in it.  It is pure C (stdint, stddef, string.h,
 * errno.h and <tty.h> for the termios ABI): the same file runs in the kernel
 * and in the host tests.  It never sleeps and takes no locks.  The caller
 * (tty.c) serialises every call on one ldisc against the receive interrupt
 * (interrupts off around each call), does the waiting, and copies to and
 * from user memory.
 *
 * Input is a ring of LDISC_BUF_SIZE bytes with three free-running indices:
 *
 *     read_tail <= canon_head <= read_head
 *     [read_tail, canon_head)  complete lines (canonical mode) a reader may take
 *     [canon_head, read_head)  the line being edited (canonical mode)
 *
 * In non-canonical mode a reader takes everything in [read_tail, read_head).
 * Each byte that ends a line has its bit set in line_end; an end-of-file
 * (VEOF) is stored as a 0 byte with its bit set, and is consumed by a read
 * without being returned (Linux's __DISABLED_CHAR marker).
 *
 * Everything the terminal must show (echo, written data) goes out through
 * the output callback one byte at a time, after output processing.
 */
#ifndef TTY_LDISC_H
#define TTY_LDISC_H

#include <stddef.h>
#include <stdint.h>
#include <tty.h>

/* Input ring size in bytes, a power of two (Linux's N_TTY_BUF_SIZE). */
#define LDISC_BUF_SIZE 4096

/* Signals a received character asks for: Linux x86_64's numbers. */
#define LDISC_SIGINT 2
#define LDISC_SIGQUIT 3
#define LDISC_SIGTSTP 20

/* Sends one byte to the terminal, as is. */
typedef void (*ldisc_output_fn)(void *ctx, uint8_t c);

struct ldisc {
	struct termios termios;		/* current settings */
	ldisc_output_fn output;		/* where echo and written bytes go */
	void *output_ctx;		/* its first argument */
	uint32_t read_tail;		/* next byte a reader takes */
	uint32_t canon_head;		/* end of the complete lines */
	uint32_t read_head;		/* where the next received byte goes */
	unsigned int column;		/* output cursor column, for erasing tabs */
	unsigned int canon_column;	/* column where the line being edited began */
	uint8_t lnext;			/* the next byte is taken literally (VLNEXT) */
	uint8_t erasing;		/* inside an ECHOPRT "\erased/" sequence */
	uint8_t stopped;		/* output stopped: VSTOP or TCOOFF */
	uint8_t tco_stopped;		/* stopped by TCOOFF: only TCOON restarts */
	uint8_t buf[LDISC_BUF_SIZE];	/* the input ring */
	uint8_t line_end[LDISC_BUF_SIZE / 8];	/* one bit per ring slot: a line ends here */
};

/* How a read must wait, from VMIN and VTIME (termios(3), "Noncanonical mode"). */
struct ldisc_read_rule {
	size_t minimum;		/* return once ldisc_readable() reaches this */
	int wait_ds;		/* wait for it: -1 forever, 0 not at all, > 0 this many tenths of a second */
	unsigned int interbyte_ds;	/* > 0: after each new byte, give up this long after it */
};

void ldisc_default_termios(struct termios *t);
void ldisc_init(struct ldisc *ld, ldisc_output_fn output, void *output_ctx);
void ldisc_set_termios(struct ldisc *ld, const struct termios *t);

/* Feed one received byte; returns the signal it asks for (LDISC_SIG*) or 0. */
int ldisc_receive(struct ldisc *ld, uint8_t c);

/* Bytes a reader could take now (canonical: of complete lines, end-of-file markers included). */
size_t ldisc_readable(const struct ldisc *ld);
/* Take up to @n bytes; in canonical mode at most one line, *line_done set when its end was taken. */
size_t ldisc_read(struct ldisc *ld, uint8_t *dst, size_t n, int *line_done);
void ldisc_read_rule(const struct ldisc *ld, size_t n, struct ldisc_read_rule *rule);
/* What FIONREAD reports: readable bytes, end-of-file markers not counted. */
size_t ldisc_inq(const struct ldisc *ld);
void ldisc_flush_input(struct ldisc *ld);

/* Output processing (OPOST ...) of written bytes, sent through the callback. */
void ldisc_write(struct ldisc *ld, const uint8_t *src, size_t n);
int ldisc_output_stopped(const struct ldisc *ld);
/* TCXONC: TCOOFF, TCOON, TCIOFF, TCION; 0 or -EINVAL. */
int ldisc_flow(struct ldisc *ld, int action);

#endif /* TTY_LDISC_H */
