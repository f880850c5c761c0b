/*
 * test_cmdline.c - the command-line tokenizer and the ktest= glob.
 */
#include "host_test.h"
#include <cmdline.h>
#include <errno.h>
#include <ktest.h>

HOST_TEST(cmdline_splits_keys_and_values)
{
	const char *c = "  ktest=all loglevel=7\tquiet ";
	struct cmdline_word w;

	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.key, "ktest");
	HT_EQ_STR(w.value, "all");
	HT_EQ_INT(w.has_value, 1);
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.key, "loglevel");
	HT_EQ_STR(w.value, "7");
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.key, "quiet");
	HT_EQ_INT(w.has_value, 0);
	HT_EQ_INT(cmdline_next(&c, &w), 0);
	HT_EQ_INT(cmdline_next(&c, &w), 0);	/* stays at the end */
}

HOST_TEST(cmdline_quoted_value_keeps_blanks)
{
	const char *c = "init=\"/bin/sh -c 'echo hi'\" x=\"\" y=a\"b c\"d";
	struct cmdline_word w;

	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.key, "init");
	HT_EQ_STR(w.value, "/bin/sh -c 'echo hi'");
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.key, "x");
	HT_EQ_STR(w.value, "");
	HT_EQ_INT(w.has_value, 1);
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.value, "ab cd");
	HT_EQ_INT(cmdline_next(&c, &w), 0);
}

HOST_TEST(cmdline_empty_line_has_no_words)
{
	const char *c = "";
	struct cmdline_word w;

	HT_EQ_INT(cmdline_next(&c, &w), 0);
	c = " \t\r\n ";
	HT_EQ_INT(cmdline_next(&c, &w), 0);
}

HOST_TEST(cmdline_malformed_word_is_skipped_and_the_rest_still_parses)
{
	const char *c = "=novalue a=1 \"quoted\"key b=2";
	struct cmdline_word w;

	HT_EQ_INT(cmdline_next(&c, &w), -EINVAL);	/* empty key */
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.key, "a");
	HT_EQ_INT(cmdline_next(&c, &w), -EINVAL);	/* quote in a key */
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.key, "b");
	HT_EQ_STR(w.value, "2");
}

HOST_TEST(cmdline_unterminated_quote_is_an_error)
{
	const char *c = "a=\"never closed b=2";
	struct cmdline_word w;

	HT_EQ_INT(cmdline_next(&c, &w), -EINVAL);
	HT_EQ_INT(cmdline_next(&c, &w), 0);
}

HOST_TEST(cmdline_too_long_key_or_value_is_rejected_not_truncated)
{
	char line[600];
	struct cmdline_word w;
	const char *c;

	memset(line, 'k', CMDLINE_KEY_MAX);
	strcpy(line + CMDLINE_KEY_MAX, "=1 ok=2");
	c = line;
	HT_EQ_INT(cmdline_next(&c, &w), -EINVAL);
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.key, "ok");

	strcpy(line, "v=");
	memset(line + 2, 'v', CMDLINE_VALUE_MAX);
	strcpy(line + 2 + CMDLINE_VALUE_MAX, " ok=3");
	c = line;
	HT_EQ_INT(cmdline_next(&c, &w), -EINVAL);
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_STR(w.value, "3");

	/* The longest value that fits is kept whole. */
	strcpy(line, "v=");
	memset(line + 2, 'v', CMDLINE_VALUE_MAX - 1);
	line[2 + CMDLINE_VALUE_MAX - 1] = '\0';
	c = line;
	HT_EQ_INT(cmdline_next(&c, &w), 1);
	HT_EQ_INT(strlen(w.value), CMDLINE_VALUE_MAX - 1);
}

HOST_TEST(glob_star_matches_any_run)
{
	HT_EQ_INT(ktest_glob_match("traps_*", "traps_breakpoint"), 1);
	HT_EQ_INT(ktest_glob_match("traps_*", "trap_x"), 0);
	HT_EQ_INT(ktest_glob_match("*fault*", "traps_page_fault_reports"), 1);
	HT_EQ_INT(ktest_glob_match("*", ""), 1);
	HT_EQ_INT(ktest_glob_match("", "x"), 0);
	HT_EQ_INT(ktest_glob_match("a*b*c", "aXbYbZc"), 1);
	HT_EQ_INT(ktest_glob_match("a*b*c", "aXbYbZ"), 0);
	HT_EQ_INT(ktest_glob_match("exact", "exact"), 1);
	HT_EQ_INT(ktest_glob_match("exact", "exactly"), 0);
	HT_EQ_INT(ktest_glob_match("**x", "abx"), 1);
}
