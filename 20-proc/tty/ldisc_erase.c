/*
 * ldisc_erase.c - canonical-mode editing: erasing a character, a word or the line, and reprinting it.
 *
 * What is erased follows Linux's eraser() in n_tty.c; so does what the
 * screen is sent to show it: "\b \b" per column under ECHOE, two of them
 * for a control character shown as ^X, enough backspaces to return over
 * a tab, or with ECHOPRT the erased text between "\" and "/".
 *
 * One deliberate difference: while VERASE is DEL (the default), ^H erases
 * too, because serial terminals send either byte for the Backspace key.
 * Linux would store ^H and echo it as "^H".
 */
#include "ldisc.h"
#include "ldisc_internal.h"

static int is_alnum(uint8_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * VERASE, or ^H standing in for it while VERASE is DEL and ^H has no other
 * job in c_cc (see the top of the file).
 */
int ldisc_is_erase(const struct ldisc *ld, uint8_t c)
{
	if (ldisc_is_cc(ld, VERASE, c))
		return 1;
	if (c != '\b' || ld->termios.c_cc[VERASE] != 0x7f)
		return 0;
	for (int i = 0; i < NCCS; i++)
		if (i != VTIME && i != VMIN && ld->termios.c_cc[i] == '\b')
			return 0;
	return 1;
}

/* Rub out one column on screen. */
static void rubout(struct ldisc *ld)
{
	ldisc_echo_raw(ld, '\b');
	ldisc_echo_raw(ld, ' ');
	ldisc_echo_raw(ld, '\b');
}

/*
 * Back the cursor over an erased tab: to the tab stop before it, counting
 * the columns of what the line holds since its start or the previous tab.
 * The tab itself is already gone from [canon_head, read_head).
 */
static void erase_tab(struct ldisc *ld)
{
	unsigned int cols = 0, back;
	uint32_t pos = ld->read_head;
	int after_tab = 0;

	while (pos != ld->canon_head) {
		uint8_t c = ld->buf[LDISC_MASK(--pos)];

		if (c == '\t') {
			after_tab = 1;
			break;
		}
		if (ldisc_is_ctrl(c)) {
			if (ldisc_lflag(ld, ECHOCTL))
				cols += 2;
		} else if (!ldisc_is_continuation(ld, c)) {
			cols++;
		}
	}
	if (!after_tab)
		cols += ld->canon_column;
	for (back = 8 - (cols & 7); back; back--)
		ldisc_backspace(ld);
}

/* Show on screen that the byte(s) [@head, @head + @count) were erased. */
static void echo_erased(struct ldisc *ld, uint32_t head, uint32_t count, int plain_erase)
{
	uint8_t c = ld->buf[LDISC_MASK(head)];

	if (ldisc_lflag(ld, ECHOPRT)) {
		if (!ld->erasing) {
			ldisc_echo_raw(ld, '\\');
			ld->erasing = 1;
		}
		ldisc_echo_char(ld, c);
		while (--count)
			ldisc_echo_raw(ld, ld->buf[LDISC_MASK(++head)]);
	} else if (plain_erase && !ldisc_lflag(ld, ECHOE)) {
		ldisc_echo_char(ld, ld->termios.c_cc[VERASE]);
	} else if (c == '\t') {
		erase_tab(ld);
	} else {
		/* "^X" takes two columns, another control character none. */
		if (ldisc_is_ctrl(c) && ldisc_lflag(ld, ECHOCTL))
			rubout(ld);
		if (!ldisc_is_ctrl(c) || ldisc_lflag(ld, ECHOCTL))
			rubout(ld);
	}
}

/* VERASE, VWERASE or VKILL: take characters back off the line being edited (Linux's eraser()). */
void ldisc_erase(struct ldisc *ld, uint8_t c)
{
	enum { ERASE_CHAR, ERASE_WORD, ERASE_LINE } kind;
	int seen_alnums = 0;

	if (ld->read_head == ld->canon_head)
		return;
	if (ldisc_is_erase(ld, c)) {
		kind = ERASE_CHAR;
	} else if (ldisc_is_cc(ld, VWERASE, c)) {
		kind = ERASE_WORD;
	} else {
		/* Without ECHOKE (or ECHOE) the line is not rubbed out: show ^U, maybe a newline. */
		if (!ldisc_lflag(ld, ECHO)) {
			ld->read_head = ld->canon_head;
			return;
		}
		if (!ldisc_lflag(ld, ECHOK) || !ldisc_lflag(ld, ECHOKE) || !ldisc_lflag(ld, ECHOE)) {
			ld->read_head = ld->canon_head;
			ldisc_finish_erasing(ld);
			ldisc_echo_char(ld, c);
			if (ldisc_lflag(ld, ECHOK))
				ldisc_echo_raw(ld, '\n');
			return;
		}
		kind = ERASE_LINE;
	}

	while (ld->read_head != ld->canon_head) {
		uint32_t head = ld->read_head, count;
		uint8_t e;

		/* One character: with IUTF8, a lead byte and its continuation bytes. */
		do {
			e = ld->buf[LDISC_MASK(--head)];
		} while (ldisc_is_continuation(ld, e) && head != ld->canon_head);
		if (ldisc_is_continuation(ld, e))
			break;
		/* A word: trailing non-word characters, then letters, digits and '_'. */
		if (kind == ERASE_WORD) {
			if (is_alnum(e) || e == '_')
				seen_alnums++;
			else if (seen_alnums)
				break;
		}
		count = ld->read_head - head;
		ld->read_head = head;
		if (ldisc_lflag(ld, ECHO))
			echo_erased(ld, head, count, kind == ERASE_CHAR);
		if (kind == ERASE_CHAR)
			break;
	}
	if (ld->read_head == ld->canon_head && ldisc_lflag(ld, ECHO))
		ldisc_finish_erasing(ld);
}

/* VREPRINT: show the line being edited again on a fresh line. */
void ldisc_reprint(struct ldisc *ld, uint8_t c)
{
	ldisc_finish_erasing(ld);
	ldisc_echo_char(ld, c);
	ldisc_echo_raw(ld, '\n');
	for (uint32_t pos = ld->canon_head; pos != ld->read_head; pos++)
		ldisc_echo_char(ld, ld->buf[LDISC_MASK(pos)]);
}

