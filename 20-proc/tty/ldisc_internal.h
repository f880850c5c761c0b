/*
 * ldisc_internal.h - what ldisc.c (input), ldisc_erase.c (editing) and ldisc_output.c
 * (output, echo) share.
 */
#ifndef TTY_LDISC_INTERNAL_H
#define TTY_LDISC_INTERNAL_H

#include "ldisc.h"

/* Ring slot of a free-running index. */
#define LDISC_MASK(i) ((uint32_t)(i) & (LDISC_BUF_SIZE - 1))

/* Whether any of the termios bits @f is set. */
static inline int ldisc_iflag(const struct ldisc *ld, uint32_t f)
{
	return (ld->termios.c_iflag & f) != 0;
}

static inline int ldisc_oflag(const struct ldisc *ld, uint32_t f)
{
	return (ld->termios.c_oflag & f) != 0;
}

static inline int ldisc_lflag(const struct ldisc *ld, uint32_t f)
{
	return (ld->termios.c_lflag & f) != 0;
}

/* Whether @c is the control character c_cc[@idx]; 0 there disables it (_POSIX_VDISABLE). */
static inline int ldisc_is_cc(const struct ldisc *ld, int idx, uint8_t c)
{
	return c != 0 && ld->termios.c_cc[idx] == c;
}

/* ASCII control characters: what ECHOCTL shows as ^X and what takes no column. */
static inline int ldisc_is_ctrl(uint8_t c)
{
	return c < 0x20 || c == 0x7f;
}

/* With IUTF8, a UTF-8 continuation byte: part of the character before it. */
static inline int ldisc_is_continuation(const struct ldisc *ld, uint8_t c)
{
	return ldisc_iflag(ld, IUTF8) && (c & 0xc0) == 0x80;
}

/* VERASE, or ^H standing in for it (see ldisc_erase.c). */
int ldisc_is_erase(const struct ldisc *ld, uint8_t c);
/* VERASE, VWERASE or VKILL @c: take characters back off the line being edited. */
void ldisc_erase(struct ldisc *ld, uint8_t c);
/* VREPRINT @c: show the line being edited again on a fresh line. */
void ldisc_reprint(struct ldisc *ld, uint8_t c);

/* Echo @c as typed: under ECHOCTL a control character other than tab shows as ^X. */
void ldisc_echo_char(struct ldisc *ld, uint8_t c);
/* Echo @c through output processing only ("\n" as "\r\n" under ONLCR). */
void ldisc_echo_raw(struct ldisc *ld, uint8_t c);
/* Move the cursor one column left. */
void ldisc_backspace(struct ldisc *ld);
/* Close an ECHOPRT erase sequence with '/'. */
void ldisc_finish_erasing(struct ldisc *ld);
/* Restart output stopped by VSTOP (not output stopped by TCOOFF). */
void ldisc_start_output(struct ldisc *ld);

#endif /* TTY_LDISC_INTERNAL_H */
