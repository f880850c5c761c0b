/*
 * cmdline.c - split the kernel command line into key=value words.
 *
 * Pure C (host-tested).  The grammar is Linux's, simplified: words are
 * separated by blanks; a word is `key` or `key=value`; a value may be
 * enclosed in double quotes to hold blanks.  A malformed word is skipped
 * whole, so one typo never hides the words after it.
 */
#include <cmdline.h>
#include <errno.h>
#include <string.h>

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skip the rest of a bad word (honouring quotes) and report -EINVAL. */
static int skip_word(const char **cursor, const char *p)
{
	int quoted = 0;

	while (*p && (quoted || !is_blank(*p))) {
		if (*p == '"')
			quoted = !quoted;
		p++;
	}
	*cursor = p;
	return -EINVAL;
}

int cmdline_next(const char **cursor, struct cmdline_word *word)
{
	const char *p = *cursor;
	size_t n = 0;

	memset(word, 0, sizeof(*word));
	while (is_blank(*p))
		p++;
	if (!*p) {
		*cursor = p;
		return 0;
	}

	const char *start = p;

	while (*p && !is_blank(*p) && *p != '=') {
		if (n + 1 >= sizeof(word->key) || *p == '"')
			return skip_word(cursor, start);
		word->key[n++] = *p++;
	}
	word->key[n] = '\0';
	if (n == 0)
		return skip_word(cursor, start);
	if (*p != '=') {
		*cursor = p;
		return 1;
	}

	p++;
	word->has_value = 1;
	n = 0;
	int quoted = 0;

	while (*p && (quoted || !is_blank(*p))) {
		if (*p == '"') {
			quoted = !quoted;
			p++;
			continue;
		}
		if (n + 1 >= sizeof(word->value))
			return skip_word(cursor, start);
		word->value[n++] = *p++;
	}
	if (quoted) {	/* unterminated quote: the rest of the line was eaten */
		*cursor = p;
		return -EINVAL;
	}
	word->value[n] = '\0';
	*cursor = p;
	return 1;
}
