/*
 * host_test.h - the smallest test harness that works for host unit tests.
 *
 * A host test is an ordinary program built with AddressSanitizer and UBSan.
 * Each HOST_TEST(name) case prints one line, "PASS name" or
 * "FAIL name: file:line: what", which tools/test.sh counts; the program exits
 * 1 if any case failed.  Checks stop the current case at the first failure.
 */
#ifndef HOST_TEST_H
#define HOST_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct host_test {
	const char *name;
	void (*fn)(void);
};

static struct host_test host_tests[256];
static int host_test_count;
static int host_test_failed_now;
static const char *host_test_current;

#define HOST_TEST(name)                                                     \
	static void host_test_##name(void);                                 \
	__attribute__((constructor)) static void host_test_reg_##name(void) \
	{                                                                   \
		host_tests[host_test_count++] =                             \
			(struct host_test){ #name, host_test_##name };      \
	}                                                                   \
	static void host_test_##name(void)

#define HT_FAIL(...)                                                        \
	do {                                                                \
		printf("FAIL %s: %s:%d: ", host_test_current, __FILE__,     \
		       __LINE__);                                           \
		printf(__VA_ARGS__);                                        \
		printf("\n");                                               \
		host_test_failed_now = 1;                                   \
		return;                                                     \
	} while (0)

#define HT_ASSERT(cond)                                                     \
	do {                                                                \
		if (!(cond))                                                \
			HT_FAIL("assertion failed: %s", #cond);             \
	} while (0)

#define HT_EQ_INT(got, want)                                                \
	do {                                                                \
		long long g_ = (long long)(got), w_ = (long long)(want);    \
		if (g_ != w_)                                               \
			HT_FAIL("%s == %lld, expected %lld", #got, g_, w_); \
	} while (0)

#define HT_EQ_STR(got, want)                                                \
	do {                                                                \
		const char *g_ = (got), *w_ = (want);                       \
		if (strcmp(g_, w_) != 0)                                    \
			HT_FAIL("%s == \"%s\", expected \"%s\"", #got, g_,  \
				w_);                                        \
	} while (0)

int main(void)
{
	int failed = 0;

	/* Line-buffered even into a pipe: a sanitizer that aborts at exit
	 * (LeakSanitizer) must not take the printed results with it. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int i = 0; i < host_test_count; i++) {
		host_test_current = host_tests[i].name;
		host_test_failed_now = 0;
		host_tests[i].fn();
		if (host_test_failed_now)
			failed++;
		else
			printf("PASS %s\n", host_tests[i].name);
	}
	printf("%d passed, %d failed\n", host_test_count - failed, failed);
	return failed ? 1 : 0;
}

#endif /* HOST_TEST_H */
