/*
 * ldisc_output.c - what the terminal is sent: output processing, echo, flow control.
 *
 * Written bytes and echoed bytes take the same path, so the line
 * discipline always knows the cursor's column; erasing a tab needs it to
 * know how far to back up.  As on Linux, the column is only followed while
 * OPOST is on.
 */
#include "ldisc.h"
#include "ldisc_internal.h"

#include <errno.h>

static void send(struct ldisc *ld, uint8_t c)
{
	ld->output(ld->output_ctx, c);
}

/* One byte through OPOST processing (Linux's do_output_char()). */
static void output_char(struct ldisc *ld, uint8_t c)
{
	if (!ldisc_oflag(ld, OPOST)) {
		send(ld, c);
		return;
	}
	switch (c) {
	case '\n':
		if (ldisc_oflag(ld, ONLRET))
			ld->column = 0;
		if (ldisc_oflag(ld, ONLCR)) {
			ld->canon_column = ld->column = 0;
			send(ld, '\r');
			break;
		}
		ld->canon_column = ld->column;
		break;
	case '\r':
		if (ldisc_oflag(ld, ONOCR) && ld->column == 0)
			return;
		if (ldisc_oflag(ld, OCRNL)) {
			c = '\n';
			if (ldisc_oflag(ld, ONLRET))
				ld->canon_column = ld->column = 0;
			break;
		}
		ld->canon_column = ld->column = 0;
		break;
	case '\t': {
		unsigned int spaces = 8 - (ld->column & 7);

		ld->column += spaces;
		if ((ld->termios.c_oflag & TABDLY) == XTABS) {
			while (spaces--)
				send(ld, ' ');
			return;
		}
		break;
	}
	case '\b':
		if (ld->column > 0)
			ld->column--;
		break;
	default:
		if (!ldisc_is_ctrl(c)) {
			if (ldisc_oflag(ld, OLCUC) && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			if (!ldisc_is_continuation(ld, c))
				ld->column++;
		}
		break;
	}
	send(ld, c);
}

void ldisc_echo_raw(struct ldisc *ld, uint8_t c)
{
	output_char(ld, c);
}

void ldisc_echo_char(struct ldisc *ld, uint8_t c)
{
	if (ldisc_lflag(ld, ECHOCTL) && ldisc_is_ctrl(c) && c != '\t') {
		/* ^C for 0x03, ^? for DEL: the byte with bit 6 flipped. */
		send(ld, '^');
		send(ld, c ^ 0x40);
		ld->column += 2;
		return;
	}
	output_char(ld, c);
}

void ldisc_backspace(struct ldisc *ld)
{
	send(ld, '\b');
	if (ld->column > 0)
		ld->column--;
}

void ldisc_finish_erasing(struct ldisc *ld)
{
	if (ld->erasing) {
		output_char(ld, '/');
		ld->erasing = 0;
	}
}

void ldisc_start_output(struct ldisc *ld)
{
	if (!ld->tco_stopped)
		ld->stopped = 0;
}

void ldisc_write(struct ldisc *ld, const uint8_t *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		output_char(ld, src[i]);
}

int ldisc_output_stopped(const struct ldisc *ld)
{
	return ld->stopped;
}

/* tcflow(3).  TCIOFF and TCION send the character as is, ahead of any processing. */
int ldisc_flow(struct ldisc *ld, int action)
{
	switch (action) {
	case TCOOFF:
		ld->tco_stopped = 1;
		ld->stopped = 1;
		return 0;
	case TCOON:
		if (ld->tco_stopped) {
			ld->tco_stopped = 0;
			ld->stopped = 0;
		}
		return 0;
	case TCIOFF:
		if (ld->termios.c_cc[VSTOP])
			send(ld, ld->termios.c_cc[VSTOP]);
		return 0;
	case TCION:
		if (ld->termios.c_cc[VSTART])
			send(ld, ld->termios.c_cc[VSTART]);
		return 0;
	default:
		return -EINVAL;
	}
}
