/*
 * test_format.c - kvsnprintf() against the C library's vsnprintf().
 *
 * The C library is the oracle: for every combination of flags, width,
 * precision and length modifier over a set of awkward values, both must
 * produce the same bytes and the same return value.  Documented divergences
 * (%p, NULL %p) are checked separately against their own expectations.
 */
#include "host_test.h"
#include <format.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>

static char got[512], want[512];
static int compared;

/* Format with both and compare; returns 0 and prints the case on a mismatch. */
static int same(const char *fmt, ...)
{
	va_list a, b;

	va_start(a, fmt);
	va_copy(b, a);
	int gn = kvsnprintf(got, sizeof(got), fmt, a);
	int wn = vsnprintf(want, sizeof(want), fmt, b);

	va_end(a);
	va_end(b);
	compared++;
	if (gn != wn || strcmp(got, want) != 0) {
		printf("  format \"%s\": got \"%s\" (%d), libc \"%s\" (%d)\n", fmt, got, gn, want, wn);
		return 0;
	}
	return 1;
}

static const char *const flag_sets[] = { "", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- +#" };
static const char *const widths[] = { "", "1", "5", "12", "25" };
static const char *const precisions[] = { "", ".", ".0", ".1", ".3", ".20" };

HOST_TEST(format_integers_match_libc_for_every_flag_width_precision)
{
	static const long long values[] = { 0, 1, -1, 7, 42, -42, 255, 4096, INT_MAX, INT_MIN,
					    LLONG_MAX, LLONG_MIN, 0x7fffffffffffLL };
	static const char *const convs[] = { "d", "i", "u", "x", "X", "o" };
	int bad = 0;

	for (size_t f = 0; f < sizeof(flag_sets) / sizeof(*flag_sets); f++)
		for (size_t w = 0; w < sizeof(widths) / sizeof(*widths); w++)
			for (size_t p = 0; p < sizeof(precisions) / sizeof(*precisions); p++)
				for (size_t c = 0; c < sizeof(convs) / sizeof(*convs); c++)
					for (size_t v = 0; v < sizeof(values) / sizeof(*values); v++) {
						char fmt[32];
						long long x = values[v];

						/* int-sized and long long-sized conversions */
						snprintf(fmt, sizeof(fmt), "[%%%s%s%s%s]", flag_sets[f],
							 widths[w], precisions[p], convs[c]);
						if (!same(fmt, (int)x))
							bad++;
						snprintf(fmt, sizeof(fmt), "[%%%s%s%sll%s]", flag_sets[f],
							 widths[w], precisions[p], convs[c]);
						if (!same(fmt, x))
							bad++;
					}
	if (bad)
		HT_FAIL("%d of %d formats differ from libc", bad, compared);
}

HOST_TEST(format_length_modifiers_match_libc)
{
	int bad = 0;

	bad += !same("%hhd %hhu %hhx", 300, 300, -1);
	bad += !same("%hd %hu %hx", 70000, 70000, -1);
	bad += !same("%ld %lu %lx", -5L, 5UL, 0xdeadbeefUL);
	bad += !same("%zu %zx %zd", (size_t)-1, (size_t)255, (ssize_t)-3);
	bad += !same("%td %jd %ju", (ptrdiff_t)-9, (intmax_t)INT64_MIN, (uintmax_t)UINT64_MAX);
	if (bad)
		HT_FAIL("%d length-modifier formats differ from libc", bad);
}

HOST_TEST(format_strings_and_chars_match_libc)
{
	static const char *const strs[] = { "", "a", "hello", "a longer string here" };
	static const char *const fs[] = { "%s", "%10s", "%-10s", "%.3s", "%10.2s", "%-10.0s", "%.30s" };
	int bad = 0;

	for (size_t i = 0; i < sizeof(strs) / sizeof(*strs); i++)
		for (size_t j = 0; j < sizeof(fs) / sizeof(*fs); j++)
			bad += !same(fs[j], strs[i]);
	bad += !same("%c%c%c", 'a', 'b', 'c');
	bad += !same("[%5c][%-5c]", 'x', 'y');
	bad += !same("100%% sure");
	bad += !same("%*d|%-*d|%*d", 6, 42, 6, 42, -6, 42);
	bad += !same("%.*d|%.*s", 5, 42, 2, "hello");
	bad += !same("%.*d", -1, 42);	/* negative precision: as if none */
	bad += !same("no conversions at all");
	if (bad)
		HT_FAIL("%d string/char formats differ from libc", bad);
}

HOST_TEST(format_null_string_prints_null_like_glibc)
{
	const char *volatile null_string = NULL;

	HT_ASSERT(same("[%s]", null_string));
	HT_ASSERT(same("[%10s]", null_string));
}

/* Divergence: %p always prints 16 digits (easier to read in dumps); glibc trims. */
HOST_TEST(format_pointer_prints_sixteen_hex_digits)
{
	char buf[64];

	ksnprintf(buf, sizeof(buf), "%p", (void *)0x1234);
	HT_EQ_STR(buf, "0x0000000000001234");
	ksnprintf(buf, sizeof(buf), "%p", (void *)0);
	HT_EQ_STR(buf, "(null)");
	ksnprintf(buf, sizeof(buf), "[%-20p]", (void *)0xffffffff80000000UL);
	HT_EQ_STR(buf, "[0xffffffff80000000  ]");
}

HOST_TEST(format_truncation_returns_full_length_and_terminates)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	HT_EQ_INT(ksnprintf(buf, 5, "%s", "abcdefgh"), 8);
	HT_EQ_STR(buf, "abcd");
	HT_EQ_INT(buf[5], 'X');	/* nothing written past size */
	HT_EQ_INT(ksnprintf(NULL, 0, "%d", -12345), 6);
	HT_EQ_INT(ksnprintf(buf, 1, "%d", 9), 1);
	HT_EQ_INT(buf[0], '\0');
}

HOST_TEST(format_unsupported_conversion_is_copied)
{
	char buf[32];
	const char *volatile fmt = "a%fb%5.2ec%";

	ksnprintf(buf, sizeof(buf), fmt);
	HT_EQ_STR(buf, "a%fb%5.2ec%");	/* a lone '%' at the end is copied too */
}
