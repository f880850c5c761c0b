/*
 * shebang.c - split the "#!" line of an interpreter script.
 *
 * The rules, and where they match Linux's fs/binfmt_script.c, are in
 * shebang.h.  The line is handled as a range [pos, end) of @buf; nothing is
 * written to @buf, and the results are copied out NUL-terminated.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "shebang.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static size_t skip_blanks(const char *buf, size_t pos, size_t end)
{
	while (pos < end && is_blank(buf[pos]))
		pos++;
	return pos;
}

static size_t skip_nonblanks(const char *buf, size_t pos, size_t end)
{
	while (pos < end && !is_blank(buf[pos]))
		pos++;
	return pos;
}

static void copy_out(char *dst, const char *src, size_t n)
{
	memcpy(dst, src, n);
	dst[n] = '\0';
}

int shebang_parse(const char *buf, size_t len, struct shebang *out)
{
	size_t end, name, name_end, arg;
	int cut = 0;

	if (len > SHEBANG_BUF_SIZE)
		len = SHEBANG_BUF_SIZE;
	if (len < 2 || buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;

	end = 2;
	while (end < len && buf[end] != '\n' && buf[end] != '\0')
		end++;
	/* No end of line in a full buffer: the line goes on in the file.
	 * Linux keeps the last byte of its buffer for a NUL, so only bytes
	 * 0..254 of such a line count. */
	if (end == SHEBANG_BUF_SIZE) {
		end = SHEBANG_BUF_SIZE - 1;
		cut = 1;
	}

	name = skip_blanks(buf, 2, end);
	/* Running a cut path could run another program ("/bin/ba" for
	 * "/bin/bash..."); a blank after the path proves it whole.  Checked
	 * before trailing blanks are trimmed, as Linux does. */
	if (cut && skip_nonblanks(buf, name, end) == end)
		return -ENOEXEC;
	while (end > name && is_blank(buf[end - 1]))
		end--;
	if (name == end)
		return -ENOEXEC;	/* "#!" and blanks: no interpreter */

	name_end = skip_nonblanks(buf, name, end);
	arg = skip_blanks(buf, name_end, end);
	copy_out(out->interp, buf + name, name_end - name);
	copy_out(out->arg, buf + arg, end - arg);
	out->has_arg = arg < end;
	return 0;
}
