/*
 * test_ldisc.c - the line discipline, byte for byte against Linux's N_TTY.
 *
 * Each case feeds bytes as the receive interrupt would, then checks what a
 * read takes, what the terminal was sent (echo and output, exactly), and
 * which signal was asked for.  The expected bytes are what Linux sends
 * with the same settings (stty defaults unless the case changes one).
 */
#include "../../../00-boot/tests/host/host_test.h"
#include "../ldisc.h"
#include <errno.h>
#include <tty.h>

static struct ldisc ld;
static char sent[16384];	/* everything the terminal was sent */
static size_t sent_len;

static void capture(void *ctx, uint8_t c)
{
	if (sent_len < sizeof(sent) - 1)
		sent[sent_len++] = (char)c;
	sent[sent_len] = 0;
}

static void reset(void)
{
	ldisc_init(&ld, capture, NULL);
	sent_len = 0;
	sent[0] = 0;
}

static void clear_sent(void)
{
	sent_len = 0;
	sent[0] = 0;
}

/* Receive @n bytes; the last signal asked for, or 0. */
static int feed_n(const char *s, size_t n)
{
	int sig = 0;

	for (size_t i = 0; i < n; i++) {
		int r = ldisc_receive(&ld, (uint8_t)s[i]);

		if (r)
			sig = r;
	}
	return sig;
}

static int feed(const char *s)
{
	return feed_n(s, strlen(s));
}

static char got[LDISC_BUF_SIZE + 1];
static int got_line_end;

/* One read of up to @n bytes, as a string in got[]. */
static size_t take(size_t n)
{
	size_t k = ldisc_read(&ld, (uint8_t *)got, n, &got_line_end);

	got[k] = 0;
	return k;
}

static void set_lflag(uint32_t on, uint32_t off)
{
	struct termios t = ld.termios;

	t.c_lflag = (t.c_lflag | on) & ~off;
	ldisc_set_termios(&ld, &t);
}

/* Non-canonical mode with the given VMIN and VTIME. */
static void set_raw(uint8_t min, uint8_t time)
{
	struct termios t = ld.termios;

	t.c_lflag &= ~(ICANON | ECHO | ISIG);
	t.c_cc[VMIN] = min;
	t.c_cc[VTIME] = time;
	ldisc_set_termios(&ld, &t);
}

HOST_TEST(defaults_are_linux_tty_std_termios)
{
	static const uint8_t cc[NCCS] = { 3, 034, 0177, 025, 4, 0, 1, 0, 021, 023, 032, 0, 022, 017, 027, 026, 0 };

	reset();
	HT_EQ_INT(ld.termios.c_iflag, 0x0500);	/* ICRNL | IXON */
	HT_EQ_INT(ld.termios.c_oflag, 0x0005);	/* OPOST | ONLCR */
	HT_EQ_INT(ld.termios.c_cflag, 0x04bf);	/* B38400 | CS8 | CREAD | HUPCL */
	HT_EQ_INT(ld.termios.c_lflag, 0x8a3b);	/* ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN */
	HT_EQ_INT(ld.termios.c_line, 0);
	HT_ASSERT(memcmp(ld.termios.c_cc, cc, NCCS) == 0);
	HT_EQ_INT(sizeof(struct termios), 36);
}

HOST_TEST(canonical_read_waits_for_newline_and_returns_one_line)
{
	reset();
	feed("ab");
	HT_EQ_INT(ldisc_readable(&ld), 0);	/* a line being edited is not readable */
	feed("\ncd\n");
	HT_EQ_INT(take(100), 3);
	HT_EQ_STR(got, "ab\n");
	HT_ASSERT(got_line_end);
	HT_EQ_INT(take(100), 3);		/* the second line only on the next read */
	HT_EQ_STR(got, "cd\n");
	HT_EQ_INT(ldisc_readable(&ld), 0);
}

HOST_TEST(short_read_leaves_the_rest_of_the_line_for_the_next)
{
	reset();
	feed("hello\n");
	HT_EQ_INT(take(2), 2);
	HT_EQ_STR(got, "he");
	HT_ASSERT(!got_line_end);
	HT_EQ_INT(take(100), 4);
	HT_EQ_STR(got, "llo\n");
	HT_ASSERT(got_line_end);
}

HOST_TEST(carriage_return_becomes_newline_with_icrnl_only)
{
	struct termios t;

	reset();
	feed("ab\r");
	HT_EQ_INT(take(100), 3);
	HT_EQ_STR(got, "ab\n");
	HT_EQ_STR(sent, "ab\r\n");
	t = ld.termios;
	t.c_iflag &= ~ICRNL;
	ldisc_set_termios(&ld, &t);
	clear_sent();
	feed("x\r");
	HT_EQ_INT(ldisc_readable(&ld), 0);	/* CR is data now, not a line end */
	HT_EQ_STR(sent, "x^M");
	feed("\n");
	HT_EQ_INT(take(100), 3);
	HT_EQ_STR(got, "x\r\n");
}

HOST_TEST(echo_is_the_typed_text_and_newline_as_crlf)
{
	reset();
	feed("hi there\r");
	HT_EQ_STR(sent, "hi there\r\n");
}

HOST_TEST(echoctl_shows_control_characters_as_caret_letter)
{
	reset();
	feed("a\x01\t\x7f");	/* ^A is data; tab echoes itself; DEL erases the tab */
	HT_EQ_STR(sent, "a^A\t\b\b\b\b\b");	/* tab from column 3 to 8, back 5 */
	clear_sent();
	set_lflag(0, ECHOCTL);
	feed("\x02");
	HT_EQ_STR(sent, "\x02");
}

HOST_TEST(no_echo_when_echo_is_off_but_input_still_kept)
{
	reset();
	set_lflag(0, ECHO);
	feed("secret\r");
	HT_EQ_INT(sent_len, 0);
	HT_EQ_INT(take(100), 7);
	HT_EQ_STR(got, "secret\n");
}

HOST_TEST(echonl_echoes_only_the_newline_without_echo)
{
	reset();
	set_lflag(ECHONL, ECHO);
	feed("pw\r");
	HT_EQ_STR(sent, "\r\n");
}

HOST_TEST(erase_removes_last_char_and_echoes_backspace_space_backspace)
{
	reset();
	feed("abc\x7f");
	HT_EQ_STR(sent, "abc\b \b");
	feed("\r");
	HT_EQ_INT(take(100), 3);
	HT_EQ_STR(got, "ab\n");
}

HOST_TEST(ctrl_h_erases_like_del_while_verase_is_del)
{
	reset();
	feed("ab\b\r");
	HT_EQ_STR(sent, "ab\b \b\r\n");
	take(100);
	HT_EQ_STR(got, "a\n");
}

HOST_TEST(erase_at_line_start_does_nothing)
{
	reset();
	feed("x\r\x7f\x7f");
	HT_EQ_STR(sent, "x\r\n");
	take(100);
	HT_EQ_STR(got, "x\n");			/* the completed line is untouched */
}

HOST_TEST(erase_of_control_char_rubs_out_both_columns_of_caret_form)
{
	reset();
	feed("\x01\x7f");
	HT_EQ_STR(sent, "^A\b \b\b \b");
}

HOST_TEST(erase_without_echoe_echoes_the_erase_character)
{
	reset();
	set_lflag(0, ECHOE);
	feed("ab\x7f");
	HT_EQ_STR(sent, "ab^?");
	feed("\r");
	take(100);
	HT_EQ_STR(got, "a\n");
}

HOST_TEST(kill_with_echoke_rubs_out_the_whole_line)
{
	reset();
	feed("abc\x15");
	HT_EQ_STR(sent, "abc\b \b\b \b\b \b");
	feed("x\r");
	HT_EQ_INT(take(100), 2);
	HT_EQ_STR(got, "x\n");
}

HOST_TEST(kill_without_echoke_echoes_caret_u_and_newline)
{
	reset();
	set_lflag(0, ECHOKE);
	feed("abc\x15");
	HT_EQ_STR(sent, "abc^U\r\n");
	feed("y\r");
	take(100);
	HT_EQ_STR(got, "y\n");
}

HOST_TEST(werase_erases_trailing_blanks_then_the_word)
{
	reset();
	feed("ls foo_1  ");
	clear_sent();
	feed("\x17");
	HT_EQ_INT(sent_len, 7 * 3);		/* "foo_1" and two blanks, "\b \b" each */
	feed("\x17");				/* then "ls " */
	HT_EQ_INT(sent_len, 10 * 3);
	feed("\r");
	take(100);
	HT_EQ_STR(got, "\n");
}

HOST_TEST(werase_stops_at_punctuation)
{
	reset();
	feed("cd /usr/lib\x17\r");
	take(100);
	HT_EQ_STR(got, "cd /usr/\n");
}

HOST_TEST(eof_at_line_start_reads_zero_bytes)
{
	reset();
	feed("\x04");
	HT_EQ_INT(ldisc_readable(&ld), 1);	/* a read must not wait */
	HT_EQ_INT(ldisc_inq(&ld), 0);		/* but there is no data */
	HT_EQ_INT(take(100), 0);
	HT_ASSERT(got_line_end);
	HT_EQ_INT(ldisc_readable(&ld), 0);	/* consumed: the next read waits */
	HT_EQ_INT(sent_len, 0);			/* ^D is not echoed */
}

HOST_TEST(eof_mid_line_delivers_the_partial_line_without_newline)
{
	reset();
	feed("ab\x04");
	HT_EQ_INT(take(100), 2);
	HT_EQ_STR(got, "ab");
	HT_ASSERT(got_line_end);
	HT_EQ_INT(ldisc_readable(&ld), 0);
	HT_EQ_STR(sent, "ab");
}

HOST_TEST(eof_after_exact_length_read_comes_as_zero_next)
{
	reset();
	feed("ab\x04");
	HT_EQ_INT(take(2), 2);			/* the marker is beyond the 2 bytes asked */
	HT_ASSERT(!got_line_end);
	HT_EQ_INT(take(100), 0);		/* Linux's behaviour: then end of file */
	HT_ASSERT(got_line_end);
}

HOST_TEST(intr_asks_sigint_flushes_input_and_echoes_caret_c)
{
	reset();
	feed("done\rabc");
	HT_EQ_INT(feed("\x03"), LDISC_SIGINT);
	HT_EQ_STR(sent, "done\r\nabc^C");
	HT_EQ_INT(ldisc_readable(&ld), 0);	/* the complete line went too */
	feed("x\r");
	take(100);
	HT_EQ_STR(got, "x\n");
}

HOST_TEST(quit_and_susp_ask_sigquit_and_sigtstp)
{
	reset();
	HT_EQ_INT(feed("\x1c"), LDISC_SIGQUIT);
	HT_EQ_INT(feed("\x1a"), LDISC_SIGTSTP);
	HT_EQ_STR(sent, "^\\^Z");
	HT_EQ_INT(feed("a"), 0);
}

HOST_TEST(noflsh_keeps_the_input_on_a_signal_character)
{
	reset();
	set_lflag(NOFLSH, 0);
	feed("ab\rcd");
	HT_EQ_INT(feed("\x03"), LDISC_SIGINT);
	feed("\r");
	take(100);
	HT_EQ_STR(got, "ab\n");
	take(100);
	HT_EQ_STR(got, "cd\n");
}

HOST_TEST(without_isig_intr_is_an_ordinary_byte)
{
	reset();
	set_lflag(0, ISIG);
	HT_EQ_INT(feed("\x03\r"), 0);
	HT_EQ_INT(take(100), 2);
	HT_EQ_INT(got[0], 3);
}

HOST_TEST(lnext_quotes_a_control_character)
{
	reset();
	HT_EQ_INT(feed("\x16\x03\x16\x7f\r"), 0);
	HT_EQ_STR(sent, "^\b^C^\b^?\r\n");
	HT_EQ_INT(take(100), 3);
	HT_EQ_INT(got[0], 3);
	HT_EQ_INT((uint8_t)got[1], 0x7f);
}

HOST_TEST(reprint_shows_the_line_again_on_a_new_line)
{
	reset();
	feed("ab\x01\x12");
	HT_EQ_STR(sent, "ab^A^R\r\nab^A");
}

HOST_TEST(raw_mode_returns_bytes_at_once_unedited)
{
	reset();
	set_raw(1, 0);
	feed("a\x7f\x04\r");
	HT_EQ_INT(ldisc_readable(&ld), 4);
	HT_EQ_INT(take(100), 4);
	HT_EQ_STR(got, "a\x7f\x04\n");		/* DEL and ^D are data; ICRNL still maps */
	HT_ASSERT(!got_line_end);
	HT_EQ_INT(sent_len, 0);			/* set_raw turned ECHO off */
}

HOST_TEST(raw_mode_vmin_sets_how_many_bytes_a_read_waits_for)
{
	struct ldisc_read_rule rule;

	reset();
	set_raw(3, 0);
	ldisc_read_rule(&ld, 100, &rule);
	HT_EQ_INT(rule.minimum, 3);
	HT_EQ_INT(rule.wait_ds, -1);		/* no timer: wait for ever */
	HT_EQ_INT(rule.interbyte_ds, 0);
	feed("ab");
	HT_ASSERT(ldisc_readable(&ld) < rule.minimum);
	feed("c");
	HT_ASSERT(ldisc_readable(&ld) >= rule.minimum);
	ldisc_read_rule(&ld, 2, &rule);
	HT_EQ_INT(rule.minimum, 2);		/* never more than the read asked for */
}

HOST_TEST(raw_mode_vtime_gives_interbyte_or_overall_timeout)
{
	struct ldisc_read_rule rule;

	reset();
	set_raw(2, 5);				/* MIN 2, TIME 0.5 s between bytes */
	ldisc_read_rule(&ld, 10, &rule);
	HT_EQ_INT(rule.minimum, 2);
	HT_EQ_INT(rule.wait_ds, -1);
	HT_EQ_INT(rule.interbyte_ds, 5);
	set_raw(0, 7);				/* MIN 0, TIME 0.7 s overall */
	ldisc_read_rule(&ld, 10, &rule);
	HT_EQ_INT(rule.minimum, 1);
	HT_EQ_INT(rule.wait_ds, 7);
	set_raw(0, 0);				/* polling */
	ldisc_read_rule(&ld, 10, &rule);
	HT_EQ_INT(rule.wait_ds, 0);
}

HOST_TEST(switching_to_raw_makes_the_partial_line_readable)
{
	reset();
	feed("par");
	HT_EQ_INT(ldisc_readable(&ld), 0);
	set_raw(1, 0);
	HT_EQ_INT(ldisc_readable(&ld), 3);
	HT_EQ_INT(take(100), 3);
	HT_EQ_STR(got, "par");
}

HOST_TEST(switching_to_canonical_makes_pending_bytes_one_line)
{
	reset();
	set_raw(1, 0);
	feed("xy");
	set_lflag(ICANON, 0);
	HT_EQ_INT(ldisc_readable(&ld), 2);
	HT_EQ_INT(take(100), 2);
	HT_EQ_STR(got, "xy");
	HT_ASSERT(got_line_end);
}

HOST_TEST(output_onlcr_turns_newline_into_crlf_and_opost_off_sends_raw)
{
	struct termios t;

	reset();
	ldisc_write(&ld, (const uint8_t *)"a\nb\n", 4);
	HT_EQ_STR(sent, "a\r\nb\r\n");
	clear_sent();
	t = ld.termios;
	t.c_oflag &= ~OPOST;
	ldisc_set_termios(&ld, &t);
	ldisc_write(&ld, (const uint8_t *)"a\nb\n", 4);
	HT_EQ_STR(sent, "a\nb\n");
}

HOST_TEST(output_xtabs_expands_tabs_to_the_next_stop)
{
	struct termios t;

	reset();
	t = ld.termios;
	t.c_oflag |= XTABS;
	ldisc_set_termios(&ld, &t);
	ldisc_write(&ld, (const uint8_t *)"ab\tc", 4);
	HT_EQ_STR(sent, "ab      c");
}

HOST_TEST(ixon_stop_and_start_characters_control_output_and_are_not_input)
{
	reset();
	feed("\x13");
	HT_ASSERT(ldisc_output_stopped(&ld));
	feed("a");
	HT_ASSERT(ldisc_output_stopped(&ld));	/* no IXANY: only ^Q restarts */
	feed("\x11");
	HT_ASSERT(!ldisc_output_stopped(&ld));
	feed("\r");
	take(100);
	HT_EQ_STR(got, "a\n");
	HT_EQ_INT(ldisc_flow(&ld, TCOOFF), 0);
	feed("\x11");
	HT_ASSERT(ldisc_output_stopped(&ld));	/* TCOOFF is undone by TCOON only */
	HT_EQ_INT(ldisc_flow(&ld, TCOON), 0);
	HT_ASSERT(!ldisc_output_stopped(&ld));
	HT_EQ_INT(ldisc_flow(&ld, 9), -EINVAL);
}

HOST_TEST(disabled_control_character_never_matches_nul)
{
	struct termios t;

	reset();
	t = ld.termios;
	t.c_cc[VINTR] = 0;			/* _POSIX_VDISABLE */
	ldisc_set_termios(&ld, &t);
	HT_EQ_INT(feed_n("\0\x03\r", 3), 0);
	HT_EQ_INT(take(100), 3);
	HT_EQ_INT(got[0], 0);
	HT_EQ_INT(got[1], 3);
}

HOST_TEST(fionread_counts_data_but_not_eof_markers)
{
	reset();
	feed("ab\r\x04" "cd");
	HT_EQ_INT(ldisc_inq(&ld), 3);		/* "ab\n"; the line being edited is not counted */
	set_raw(1, 0);
	HT_EQ_INT(ldisc_inq(&ld), 6);		/* "ab\n", the 0 marker, "cd" */
}

HOST_TEST(full_line_still_takes_erase_and_newline)
{
	static char line[LDISC_BUF_SIZE + 10];

	reset();
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = 0;
	feed(line);
	HT_EQ_INT(ld.read_head - ld.read_tail, LDISC_BUF_SIZE - 1);
	feed("\x7f\r");
	HT_EQ_INT(take(LDISC_BUF_SIZE), LDISC_BUF_SIZE - 1);
	HT_EQ_INT(got[LDISC_BUF_SIZE - 3], 'x');
	HT_EQ_INT(got[LDISC_BUF_SIZE - 2], '\n');
}

HOST_TEST(cread_off_drops_received_bytes)
{
	struct termios t;

	reset();
	t = ld.termios;
	t.c_cflag &= ~CREAD;
	ldisc_set_termios(&ld, &t);
	HT_EQ_INT(feed("a\x03\r"), 0);
	HT_EQ_INT(ld.read_head, 0);
	HT_EQ_INT(sent_len, 0);
}

HOST_TEST(flush_input_discards_lines_and_the_line_being_edited)
{
	reset();
	feed("one\rtw");
	ldisc_flush_input(&ld);
	HT_EQ_INT(ldisc_readable(&ld), 0);
	feed("o\r");
	take(100);
	HT_EQ_STR(got, "o\n");
}

HOST_TEST(iutf8_erase_removes_a_whole_character)
{
	struct termios t;

	reset();
	t = ld.termios;
	t.c_iflag |= IUTF8;
	ldisc_set_termios(&ld, &t);
	feed("a\xc3\xa9");			/* "a" and U+00E9 */
	clear_sent();
	feed("\x7f");
	HT_EQ_STR(sent, "\b \b");		/* one column rubbed out */
	feed("\r");
	take(100);
	HT_EQ_STR(got, "a\n");
}

HOST_TEST(erasing_a_tab_after_a_prompt_backs_up_to_where_the_tab_began)
{
	reset();
	ldisc_write(&ld, (const uint8_t *)"$ ", 2);	/* the prompt leaves the cursor at column 2 */
	feed("\t");				/* to column 8 */
	clear_sent();
	feed("\x7f");
	HT_EQ_STR(sent, "\b\b\b\b\b\b");	/* 6 columns back, not 8 */
	feed("x\t");				/* column 3, tab to 8 */
	clear_sent();
	feed("\x7f");
	HT_EQ_STR(sent, "\b\b\b\b\b");
}

HOST_TEST(ixany_restarts_stopped_output_on_any_byte)
{
	struct termios t;

	reset();
	t = ld.termios;
	t.c_iflag |= IXANY;
	ldisc_set_termios(&ld, &t);
	feed("\x13");
	HT_ASSERT(ldisc_output_stopped(&ld));
	feed("k");
	HT_ASSERT(!ldisc_output_stopped(&ld));
	feed("\r");
	take(100);
	HT_EQ_STR(got, "k\n");			/* the restarting byte is input too */
}

HOST_TEST(line_end_into_a_ring_full_of_lines_is_dropped_not_overwriting)
{
	static char line[LDISC_BUF_SIZE - 1];

	reset();
	memset(line, 'x', sizeof(line) - 1);	/* 4094 bytes, then the line end */
	line[sizeof(line) - 1] = 0;
	feed(line);
	feed("\r\r");				/* the ring is now full: 4096 bytes */
	HT_EQ_INT(ldisc_readable(&ld), LDISC_BUF_SIZE);
	feed("\r");
	HT_EQ_INT(ldisc_readable(&ld), LDISC_BUF_SIZE);
	HT_EQ_INT(take(LDISC_BUF_SIZE), LDISC_BUF_SIZE - 1);
	HT_EQ_INT(got[0], 'x');			/* the oldest byte was not overwritten */
	HT_EQ_INT(take(LDISC_BUF_SIZE), 1);
	HT_EQ_INT(ldisc_readable(&ld), 0);
}
