/*
 * ldisc.c - received bytes into lines: editing, echo, signal characters, reads.
 *
 * The behaviour is Linux's N_TTY (drivers/tty/n_tty.c), described in
 * termios(3): the order in which a received byte is tested (flow control,
 * then signals, then CR/NL mapping, then line editing), what each editing
 * character echoes, and how a canonical read ends.  A "special" byte is one
 * that some setting gives a meaning; every other byte is simply stored and
 * echoed (store()).  Erasing is in ldisc_erase.c, output processing and
 * echo in ldisc_output.c.
 */
#include "ldisc.h"
#include "ldisc_internal.h"

#include <string.h>

static int line_end_test(const struct ldisc *ld, uint32_t pos)
{
	pos = LDISC_MASK(pos);
	return (ld->line_end[pos / 8] >> (pos % 8)) & 1;
}

static void line_end_set(struct ldisc *ld, uint32_t pos, int on)
{
	pos = LDISC_MASK(pos);
	if (on)
		ld->line_end[pos / 8] |= (uint8_t)(1u << (pos % 8));
	else
		ld->line_end[pos / 8] &= (uint8_t)~(1u << (pos % 8));
}

/*
 * Whether some setting gives @c a meaning; Linux keeps the same answer in
 * its char_map bitmap, rebuilt whenever termios changes.  A 0 byte never
 * is: 0 in c_cc means "disabled".
 */
static int is_special(const struct ldisc *ld, uint8_t c)
{
	if (c == 0)
		return 0;
	if (c == '\r' && ldisc_iflag(ld, IGNCR | ICRNL))
		return 1;
	if (c == '\n' && ldisc_iflag(ld, INLCR))
		return 1;
	if (ldisc_lflag(ld, ICANON)) {
		if (c == '\n' || ldisc_is_erase(ld, c) || ldisc_is_cc(ld, VKILL, c) ||
		    ldisc_is_cc(ld, VEOF, c) || ldisc_is_cc(ld, VEOL, c))
			return 1;
		if (ldisc_lflag(ld, IEXTEN) &&
		    (ldisc_is_cc(ld, VWERASE, c) || ldisc_is_cc(ld, VLNEXT, c) ||
		     ldisc_is_cc(ld, VEOL2, c) ||
		     (ldisc_lflag(ld, ECHO) && ldisc_is_cc(ld, VREPRINT, c))))
			return 1;
	}
	if (ldisc_iflag(ld, IXON) && (ldisc_is_cc(ld, VSTART, c) || ldisc_is_cc(ld, VSTOP, c)))
		return 1;
	if (ldisc_lflag(ld, ISIG) &&
	    (ldisc_is_cc(ld, VINTR, c) || ldisc_is_cc(ld, VQUIT, c) || ldisc_is_cc(ld, VSUSP, c)))
		return 1;
	return 0;
}

/*
 * Room for @count more bytes?  In canonical mode the last slot is kept for
 * the byte that ends the line, so a full line can still be finished or
 * erased; other bytes are dropped (and not echoed) while the ring is full.
 */
static int has_room(const struct ldisc *ld, uint32_t count, int ends_line)
{
	uint32_t used = ld->read_head - ld->read_tail;
	uint32_t reserve = ldisc_lflag(ld, ICANON) && !ends_line;

	return used + count + reserve <= LDISC_BUF_SIZE;
}

static void put_byte(struct ldisc *ld, uint8_t c)
{
	line_end_set(ld, ld->read_head, 0);
	ld->buf[LDISC_MASK(ld->read_head)] = c;
	ld->read_head++;
}

/* Store the byte that ends a canonical line (0 for VEOF) and make the line readable. */
static void end_line(struct ldisc *ld, uint8_t c)
{
	uint32_t pos = ld->read_head;

	put_byte(ld, c);
	line_end_set(ld, pos, 1);
	ld->canon_head = ld->read_head;
}

/* Remember where the line starts on screen, before its first byte is echoed (for tab erasure). */
static void mark_line_start(struct ldisc *ld)
{
	if (ld->canon_head == ld->read_head)
		ld->canon_column = ld->column;
}

/*
 * Echo and store a byte that is data (Linux's n_tty_receive_char(), and the
 * tail of n_tty_receive_char_special()).  A newline that got here as a
 * special byte (mapped from CR, in non-canonical mode) echoes as a newline;
 * any other control byte, a typed ^J included, echoes as ^X under ECHOCTL.
 */
static void store(struct ldisc *ld, uint8_t c, int special)
{
	/* PARMRK marks errors with 0377; a real 0377 is therefore stored twice. */
	int doubled = c == 0xff && ldisc_iflag(ld, PARMRK);

	if (!has_room(ld, doubled ? 2 : 1, 0))
		return;
	if (ldisc_lflag(ld, ECHO)) {
		ldisc_finish_erasing(ld);
		if (special && c == '\n') {
			ldisc_echo_raw(ld, '\n');
		} else {
			mark_line_start(ld);
			ldisc_echo_char(ld, c);
		}
	}
	if (doubled)
		put_byte(ld, c);
	put_byte(ld, c);
}

/* With IXANY, any byte but VSTART and VSTOP restarts output stopped by VSTOP. */
static void restart_on_any(struct ldisc *ld)
{
	if (ldisc_iflag(ld, IXON) && ldisc_iflag(ld, IXANY))
		ldisc_start_output(ld);
}

/* INTR, QUIT, SUSP: flush the input unless NOFLSH, restart output, echo (Linux's isig()). */
static int receive_signal_char(struct ldisc *ld, int sig, uint8_t c)
{
	if (!ldisc_lflag(ld, NOFLSH))
		ldisc_flush_input(ld);
	if (ldisc_iflag(ld, IXON))
		ldisc_start_output(ld);
	if (ldisc_lflag(ld, ECHO))
		ldisc_echo_char(ld, c);
	return sig;
}

/* The editing characters of canonical mode; returns 0 if @c is none and must be stored. */
static int receive_canonical(struct ldisc *ld, uint8_t c)
{
	int extended = ldisc_lflag(ld, IEXTEN);

	if (ldisc_is_erase(ld, c) || ldisc_is_cc(ld, VKILL, c) ||
	    (extended && ldisc_is_cc(ld, VWERASE, c))) {
		ldisc_erase(ld, c);
		return 1;
	}
	if (extended && ldisc_is_cc(ld, VLNEXT, c)) {
		/* Shows "^" with the cursor on it until the quoted byte comes. */
		ld->lnext = 1;
		if (ldisc_lflag(ld, ECHO)) {
			ldisc_finish_erasing(ld);
			if (ldisc_lflag(ld, ECHOCTL)) {
				ldisc_echo_raw(ld, '^');
				ldisc_echo_raw(ld, '\b');
			}
		}
		return 1;
	}
	if (extended && ldisc_lflag(ld, ECHO) && ldisc_is_cc(ld, VREPRINT, c)) {
		ldisc_reprint(ld, c);
		return 1;
	}
	if (c == '\n') {
		if (!has_room(ld, 1, 1))
			return 1;
		if (ldisc_lflag(ld, ECHO | ECHONL))
			ldisc_echo_raw(ld, '\n');
		end_line(ld, c);
		return 1;
	}
	if (ldisc_is_cc(ld, VEOF, c)) {
		/* Not echoed; stored as a 0 marker a read consumes without returning. */
		if (has_room(ld, 1, 1))
			end_line(ld, 0);
		return 1;
	}
	if (ldisc_is_cc(ld, VEOL, c) || (extended && ldisc_is_cc(ld, VEOL2, c))) {
		if (!has_room(ld, 1, 1))
			return 1;
		if (ldisc_lflag(ld, ECHO)) {
			mark_line_start(ld);
			ldisc_echo_char(ld, c);
		}
		end_line(ld, c);
		return 1;
	}
	return 0;
}

/* A byte some setting gives a meaning (Linux's n_tty_receive_char_special()). */
static int receive_special(struct ldisc *ld, uint8_t c)
{
	if (ldisc_iflag(ld, IXON)) {
		if (ldisc_is_cc(ld, VSTART, c)) {
			ldisc_start_output(ld);
			return 0;
		}
		if (ldisc_is_cc(ld, VSTOP, c)) {
			ld->stopped = 1;
			return 0;
		}
	}
	if (ldisc_lflag(ld, ISIG)) {
		if (ldisc_is_cc(ld, VINTR, c))
			return receive_signal_char(ld, LDISC_SIGINT, c);
		if (ldisc_is_cc(ld, VQUIT, c))
			return receive_signal_char(ld, LDISC_SIGQUIT, c);
		if (ldisc_is_cc(ld, VSUSP, c))
			return receive_signal_char(ld, LDISC_SIGTSTP, c);
	}
	restart_on_any(ld);
	if (c == '\r') {
		if (ldisc_iflag(ld, IGNCR))
			return 0;
		if (ldisc_iflag(ld, ICRNL))
			c = '\n';
	} else if (c == '\n' && ldisc_iflag(ld, INLCR)) {
		c = '\r';
	}
	if (ldisc_lflag(ld, ICANON) && receive_canonical(ld, c))
		return 0;
	store(ld, c, 1);
	return 0;
}

int ldisc_receive(struct ldisc *ld, uint8_t c)
{
	/* CREAD off: the receiver is disabled and the byte is lost, as in the serial driver. */
	if (!(ld->termios.c_cflag & CREAD))
		return 0;
	if (ldisc_iflag(ld, ISTRIP))
		c &= 0x7f;
	if (ldisc_iflag(ld, IUCLC) && ldisc_lflag(ld, IEXTEN) && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ld->lnext) {
		/* Quoted by VLNEXT: stored as is, no mapping, no meaning. */
		ld->lnext = 0;
	} else if (is_special(ld, c)) {
		return receive_special(ld, c);
	}
	restart_on_any(ld);
	store(ld, c, 0);
	return 0;
}

size_t ldisc_readable(const struct ldisc *ld)
{
	if (ldisc_lflag(ld, ICANON))
		return ld->canon_head - ld->read_tail;
	return ld->read_head - ld->read_tail;
}

/*
 * In canonical mode a read stops after the first line end, and only looks
 * for it among the first @n bytes: so "ab^D" read 2 bytes at a time gives
 * "ab" and then 0 (end of file), as on Linux.
 */
size_t ldisc_read(struct ldisc *ld, uint8_t *dst, size_t n, int *line_done)
{
	size_t avail = ldisc_readable(ld), copied = 0;

	*line_done = 0;
	if (n > avail)
		n = avail;
	while (copied < n) {
		uint32_t pos = ld->read_tail;
		uint8_t c = ld->buf[LDISC_MASK(pos)];

		ld->read_tail++;
		if (ldisc_lflag(ld, ICANON) && line_end_test(ld, pos)) {
			line_end_set(ld, pos, 0);
			*line_done = 1;
			if (c)
				dst[copied++] = c;
			break;
		}
		dst[copied++] = c;
	}
	return copied;
}

/*
 * termios(3): MIN > 0 waits for MIN bytes (or @n, if fewer were asked
 * for), with TIME > 0 giving up TIME tenths after the latest byte once one
 * came; MIN == 0 returns as soon as one byte is there, waiting at most TIME
 * tenths (TIME == 0: not at all, so a read may return 0).  Canonical mode
 * waits as long as it takes for a line.
 */
void ldisc_read_rule(const struct ldisc *ld, size_t n, struct ldisc_read_rule *rule)
{
	uint8_t min = ld->termios.c_cc[VMIN], time = ld->termios.c_cc[VTIME];

	rule->minimum = 1;
	rule->wait_ds = -1;
	rule->interbyte_ds = 0;
	if (ldisc_lflag(ld, ICANON))
		return;
	if (min) {
		rule->minimum = min < n ? min : n;
		rule->interbyte_ds = time;
	} else {
		rule->wait_ds = time;
	}
}

size_t ldisc_inq(const struct ldisc *ld)
{
	size_t n = ldisc_readable(ld);

	if (ldisc_lflag(ld, ICANON)) {
		for (uint32_t pos = ld->read_tail; pos != ld->canon_head; pos++)
			if (line_end_test(ld, pos) && ld->buf[LDISC_MASK(pos)] == 0)
				n--;
	}
	return n;
}

void ldisc_flush_input(struct ldisc *ld)
{
	ld->read_tail = ld->canon_head = ld->read_head = 0;
	memset(ld->line_end, 0, sizeof(ld->line_end));
	ld->erasing = 0;
	ld->lnext = 0;
}

void ldisc_default_termios(struct termios *t)
{
	static const uint8_t cc[NCCS] = {
		[VINTR] = 0x03,   [VQUIT] = 0x1c,    [VERASE] = 0x7f,   [VKILL] = 0x15,
		[VEOF] = 0x04,    [VTIME] = 0,       [VMIN] = 1,        [VSTART] = 0x11,
		[VSTOP] = 0x13,   [VSUSP] = 0x1a,    [VREPRINT] = 0x12, [VDISCARD] = 0x0f,
		[VWERASE] = 0x17, [VLNEXT] = 0x16,
	};

	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B38400 | CS8 | CREAD | HUPCL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(t->c_cc, cc, sizeof(cc));
}

void ldisc_init(struct ldisc *ld, ldisc_output_fn output, void *output_ctx)
{
	memset(ld, 0, sizeof(*ld));
	ldisc_default_termios(&ld->termios);
	ld->output = output;
	ld->output_ctx = output_ctx;
}

/*
 * Switching ICANON re-cuts the input as Linux's n_tty_set_termios() does:
 * to non-canonical, the line being edited becomes readable at once; to
 * canonical, whatever is unread becomes one complete line.
 */
void ldisc_set_termios(struct ldisc *ld, const struct termios *t)
{
	uint32_t old_lflag = ld->termios.c_lflag, old_iflag = ld->termios.c_iflag;

	ld->termios = *t;
	if ((old_lflag ^ t->c_lflag) & ICANON) {
		memset(ld->line_end, 0, sizeof(ld->line_end));
		if (!(t->c_lflag & ICANON) || ld->read_head == ld->read_tail) {
			ld->canon_head = ld->read_tail;
		} else {
			line_end_set(ld, ld->read_head - 1, 1);
			ld->canon_head = ld->read_head;
		}
		ld->erasing = 0;
		ld->lnext = 0;
	}
	/* Turning IXON off must not leave output stopped by an earlier ^S. */
	if ((old_iflag & IXON) && !(t->c_iflag & IXON))
		ldisc_start_output(ld);
}
