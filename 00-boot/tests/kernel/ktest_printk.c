/*
 * ktest_printk.c - the formatter, built as kernel code, formats every
 * conversion it claims to support; printk stores every message in the ring
 * and writes to consoles only what the log level lets through.
 *
 * The host test test_format.c compares the same formatter with the C
 * library; this one proves the kernel build (freestanding, no SSE, kernel
 * code model) behaves the same.
 */
#include <ktest.h>
#include <format.h>
#include <printk.h>
#include <stdint.h>
#include <string.h>

static char buf[128];

#define CHECK_FORMAT(want, ...)                                       \
	do {                                                          \
		int n_ = ksnprintf(buf, sizeof(buf), __VA_ARGS__);    \
		KT_STREQ(buf, want);                                  \
		KT_EQ(n_, strlen(want));                              \
	} while (0)

KTEST(printk_formats_signed_and_unsigned_decimal)
{
	CHECK_FORMAT("42 -42 +7  7 -2147483648", "%d %i %+d % d %d", 42, -42, 7, 7,
		     (int)-2147483648LL);
	CHECK_FORMAT("4294967295 18446744073709551615", "%u %llu", 4294967295U,
		     18446744073709551615ULL);
	CHECK_FORMAT("-9223372036854775808", "%lld", (long long)(-9223372036854775807LL - 1));
	CHECK_FORMAT("-1 255 -1 65535", "%hhd %hhu %hd %hu", 255, 255, 65535, 65535);
	CHECK_FORMAT("123 456 789", "%zu %ld %jd", (size_t)123, 456L, (intmax_t)789);
}

KTEST(printk_formats_hex_octal_char_string_pointer_percent)
{
	CHECK_FORMAT("ff FF 0xff 0XFF 17 017 0", "%x %X %#x %#X %o %#o %x", 255, 255, 255,
		     255, 15, 15, 0);
	CHECK_FORMAT("ffffffffffffffff", "%lx", 0xffffffffffffffffUL);
	const char *volatile null_string = NULL;	/* volatile: hide the NULL from -Wformat */

	CHECK_FORMAT("a|hello|(null)|%", "%c|%s|%s|%%", 'a', "hello", null_string);
	CHECK_FORMAT("0xffffffff80001000 (null)", "%p %p", (void *)0xffffffff80001000UL,
		     (void *)0);
}

KTEST(printk_formats_width_precision_and_flags)
{
	CHECK_FORMAT("[   42][42   ][00042][  -42][-0042]", "[%5d][%-5d][%05d][%5d][%05d]", 42,
		     42, 42, -42, -42);
	CHECK_FORMAT("[  007][007][][    x]", "[%5.3d][%.3d][%.0d][%*s]", 7, 7, 0, 5, "x");
	CHECK_FORMAT("[he][  hel][x    ]", "[%.2s][%5.3s][%-*s]", "hello", "hello", 5, "x");
	CHECK_FORMAT("[0x0000002a][  0x2a]", "[%#010x][%#6x]", 42, 42);
	CHECK_FORMAT("[  c][c  ]", "[%3c][%-3c]", 'c', 'c');
}

KTEST(printk_truncates_but_counts_the_full_length)
{
	char small[6];
	int n = ksnprintf(small, sizeof(small), "%s", "truncated");

	KT_EQ(n, 9);
	KT_STREQ(small, "trunc");
	KT_EQ(ksnprintf(NULL, 0, "%d", 12345), 5);
}

KTEST(printk_copies_unsupported_conversions_verbatim)
{
	/* Through a variable, so the compiler does not check the format. */
	const char *volatile fmt = "%f %n|";

	CHECK_FORMAT("%f %n|", fmt);
}

/* A console that records what it is given, while armed. */
static char captured[512];
static size_t captured_len;
static int capturing;

static void capture_write(const char *s, size_t len)
{
	if (!capturing)
		return;
	for (size_t i = 0; i < len && captured_len + 1 < sizeof(captured); i++)
		captured[captured_len++] = s[i];
	captured[captured_len] = '\0';
}

static struct console capture_console = { .name = "ktest-capture", .write = capture_write };

static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

KTEST(printk_console_loglevel_filters_but_ring_keeps_all)
{
	static int registered;
	static char ring[PRINTK_RING_SIZE];
	int old = printk_get_loglevel();

	if (!registered) {
		KT_EQ(console_register(&capture_console), 0);
		registered = 1;
	}
	KT_EQ(printk_set_loglevel(LOGLEVEL_ERR), 0);
	captured_len = 0;
	captured[0] = '\0';
	capturing = 1;
	printk(LOGLEVEL_INFO, "ktest-quiet-%d\n", 4711);
	printk(LOGLEVEL_ERR, "ktest-loud-%d\n", 4712);
	capturing = 0;
	printk_set_loglevel(old);

	KT_ASSERT(!contains(captured, "ktest-quiet-4711"));
	KT_ASSERT(contains(captured, "ktest-loud-4712"));
	printk_ring_read(ring, sizeof(ring));
	KT_ASSERT(contains(ring, "<6>ktest-quiet-4711\n"));
	KT_ASSERT(contains(ring, "<3>ktest-loud-4712\n"));
	KT_EQ(printk_set_loglevel(8), -22);
}
