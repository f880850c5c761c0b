/*
 * test_shebang.c - shebang_parse() splits "#!" lines the way Linux's
 * binfmt_script does: one interpreter, at most ONE argument holding the
 * rest of the line, and refusal of a path that may have been cut.
 *
 * Every input is copied into a buffer of exactly its length, so
 * AddressSanitizer catches a read past what exec would have read.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include "../shebang.h"
#include <errno.h>

static struct shebang sb;

/* Parse the first @len bytes of @text from an exact-size copy. */
static int parse_n(const char *text, size_t len)
{
	char *copy = malloc(len ? len : 1);
	int err;

	memcpy(copy, text, len);
	memset(&sb, 0x5a, sizeof(sb));
	err = shebang_parse(copy, len, &sb);
	free(copy);
	return err;
}

static int parse(const char *text)
{
	return parse_n(text, strlen(text));
}

HOST_TEST(plain_interpreter_has_no_argument)
{
	HT_EQ_INT(parse("#!/bin/sh\necho hi\n"), 0);
	HT_EQ_STR(sb.interp, "/bin/sh");
	HT_EQ_INT(sb.has_arg, 0);
	HT_EQ_STR(sb.arg, "");
}

HOST_TEST(blanks_after_hash_bang_are_skipped)
{
	HT_EQ_INT(parse("#! \t /usr/bin/env\n"), 0);
	HT_EQ_STR(sb.interp, "/usr/bin/env");
	HT_EQ_INT(sb.has_arg, 0);
}

HOST_TEST(one_argument_after_the_interpreter)
{
	HT_EQ_INT(parse("#!/usr/bin/env python3\nprint(1)\n"), 0);
	HT_EQ_STR(sb.interp, "/usr/bin/env");
	HT_EQ_INT(sb.has_arg, 1);
	HT_EQ_STR(sb.arg, "python3");
}

HOST_TEST(rest_of_line_is_one_argument_with_inner_blanks_kept)
{
	HT_EQ_INT(parse("#!/bin/sh  -e -x\t-u \n"), 0);
	HT_EQ_STR(sb.interp, "/bin/sh");
	HT_EQ_STR(sb.arg, "-e -x\t-u");
}

HOST_TEST(trailing_blanks_are_not_an_argument)
{
	HT_EQ_INT(parse("#!/bin/sh \t \nrest"), 0);
	HT_EQ_STR(sb.interp, "/bin/sh");
	HT_EQ_INT(sb.has_arg, 0);
}

HOST_TEST(tab_separates_interpreter_from_argument)
{
	HT_EQ_INT(parse("#!/bin/awk\t-f\n"), 0);
	HT_EQ_STR(sb.interp, "/bin/awk");
	HT_EQ_STR(sb.arg, "-f");
}

HOST_TEST(carriage_return_is_part_of_the_line_as_on_linux)
{
	HT_EQ_INT(parse("#!/bin/sh\r\n"), 0);
	HT_EQ_STR(sb.interp, "/bin/sh\r");
	HT_EQ_INT(parse("#!/bin/sh -x\r\n"), 0);
	HT_EQ_STR(sb.arg, "-x\r");
}

HOST_TEST(file_without_newline_is_one_line)
{
	HT_EQ_INT(parse("#!/bin/true"), 0);
	HT_EQ_STR(sb.interp, "/bin/true");
	HT_EQ_INT(sb.has_arg, 0);
}

HOST_TEST(nul_byte_ends_the_line)
{
	HT_EQ_INT(parse_n("#!/bin/sh\0 -x\n", 14), 0);
	HT_EQ_STR(sb.interp, "/bin/sh");
	HT_EQ_INT(sb.has_arg, 0);
	HT_EQ_INT(parse_n("#!/bin/sh -a\0b\n", 15), 0);
	HT_EQ_STR(sb.arg, "-a");
}

HOST_TEST(rejects_files_not_starting_with_hash_bang)
{
	HT_EQ_INT(parse("\x7f" "ELF"), -ENOEXEC);
	HT_EQ_INT(parse(" #!/bin/sh\n"), -ENOEXEC);
	HT_EQ_INT(parse("#/bin/sh\n"), -ENOEXEC);
	HT_EQ_INT(parse("#"), -ENOEXEC);
	HT_EQ_INT(parse(""), -ENOEXEC);
}

HOST_TEST(rejects_hash_bang_without_interpreter)
{
	HT_EQ_INT(parse("#!\n/bin/sh\n"), -ENOEXEC);
	HT_EQ_INT(parse("#!   \t\n"), -ENOEXEC);
	HT_EQ_INT(parse("#!"), -ENOEXEC);
}

/* A 300-byte file "#!" + @head + 'a's with no newline in its first 256. */
static int parse_long_line(const char *head)
{
	char text[300];

	memset(text, 'a', sizeof(text));
	memcpy(text, "#!", 2);
	memcpy(text + 2, head, strlen(head));
	return parse_n(text, sizeof(text));
}

HOST_TEST(long_argument_is_cut_after_byte_255)
{
	HT_EQ_INT(parse_long_line("/bin/sh "), 0);
	HT_EQ_STR(sb.interp, "/bin/sh");
	HT_EQ_INT(strlen(sb.arg), 255 - strlen("#!/bin/sh "));
	HT_EQ_INT(sb.arg[0], 'a');
}

HOST_TEST(rejects_interpreter_path_that_may_be_cut)
{
	HT_EQ_INT(parse_long_line("/bin/"), -ENOEXEC);
	HT_EQ_INT(parse_long_line("   "), -ENOEXEC);	/* blanks, then a cut path */
}

HOST_TEST(long_path_ending_in_a_blank_at_byte_254_is_whole)
{
	char text[300];

	memset(text, 'p', sizeof(text));
	memcpy(text, "#!/", 3);
	text[254] = ' ';
	HT_EQ_INT(parse_n(text, sizeof(text)), 0);
	HT_EQ_INT(strlen(sb.interp), 252);
	HT_EQ_INT(sb.has_arg, 0);	/* byte 255 is beyond the line */
}

HOST_TEST(newline_at_byte_255_ends_a_whole_line)
{
	char text[256];

	memset(text, 'p', sizeof(text));
	memcpy(text, "#!/", 3);
	text[255] = '\n';
	HT_EQ_INT(parse_n(text, sizeof(text)), 0);
	HT_EQ_INT(strlen(sb.interp), 253);
}

HOST_TEST(bytes_after_the_first_256_are_ignored)
{
	char text[400];

	memset(text, 'p', sizeof(text));
	memcpy(text, "#!/", 3);
	text[300] = '\n';	/* too late to count */
	HT_EQ_INT(parse_n(text, sizeof(text)), -ENOEXEC);
}
