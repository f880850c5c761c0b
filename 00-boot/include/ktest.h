/**
 * @file ktest.h
 * @brief In-kernel tests: KTEST(name) registers a test that `ktest=` on the command line runs.
 *
 * `ktest=all` runs every test except the manual ones; `ktest=PATTERN` runs
 * those whose name matches PATTERN (`*` matches any run of characters,
 * several patterns may be given separated by commas).  Each test prints one
 * line, `ktest: PASS name` or `ktest: FAIL name`, then a summary
 * `ktest: N passed, M failed` is printed and the kernel powers off with
 * status 0 if all passed and 1 otherwise.  tools/ktest.sh reads these lines.
 */
#ifndef KTEST_H
#define KTEST_H

#include <registry.h>
#include <stdint.h>

/** @brief A registered in-kernel test. */
struct ktest {
	const char *name; /**< says the behaviour it proves */
	void (*fn)(void); /**< the body; fails through KT_ASSERT() and friends */
	int manual;	  /**< 1: run only when named by a pattern, never by "all" */
};

REGISTRY_DECLARE(struct ktest, ktests);

/**
 * @brief Define and register the in-kernel test @p tname; the function body follows.
 * @param tname a C identifier saying what the test proves
 */
#define KTEST(tname) KTEST_FLAGS(tname, 0)

/**
 * @brief Like KTEST() but run only when a pattern names it (tests of the test machinery itself).
 * @param tname the test's name
 */
#define KTEST_MANUAL(tname) KTEST_FLAGS(tname, 1)

/**
 * @brief Define a test with its manual flag.
 * @param tname  the test's name
 * @param is_manual 1 for a manual test
 */
#define KTEST_FLAGS(tname, is_manual)                                       \
	static void ktest_fn_##tname(void);                                 \
	static const struct ktest ktest_##tname = { #tname, ktest_fn_##tname, \
						    is_manual };             \
	REGISTRY_ADD(ktests, 0, ktest_##tname);                             \
	static void ktest_fn_##tname(void)

/**
 * ktest_fail() - Record that the running test failed, and why.
 * @param file source file of the failed check
 * @param line its line
 * @param fmt  what was wrong
 */
void ktest_fail(const char *file, int line, const char *fmt, ...) __printf(3, 4);

/** @brief Fail and leave the test unless @p cond holds. */
#define KT_ASSERT(cond)                                                        \
	do {                                                                   \
		if (!(cond)) {                                                 \
			ktest_fail(__FILE__, __LINE__, "assertion failed: %s", \
				   #cond);                                     \
			return;                                                \
		}                                                              \
	} while (0)

/** @brief Fail and leave the test unless the integers @p got and @p want are equal. */
#define KT_EQ(got, want)                                                       \
	do {                                                                   \
		int64_t g_ = (int64_t)(got), w_ = (int64_t)(want);             \
		if (g_ != w_) {                                                \
			ktest_fail(__FILE__, __LINE__,                         \
				   "%s == %lld (%#llx), expected %lld (%#llx)", \
				   #got, (long long)g_, (unsigned long long)g_, \
				   (long long)w_, (unsigned long long)w_);      \
			return;                                                \
		}                                                              \
	} while (0)

/** @brief Fail and leave the test unless the strings @p got and @p want are equal. */
#define KT_STREQ(got, want)                                                    \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (strcmp(g_, w_) != 0) {                                     \
			ktest_fail(__FILE__, __LINE__,                         \
				   "%s == \"%s\", expected \"%s\"", #got, g_,   \
				   w_);                                        \
			return;                                                \
		}                                                              \
	} while (0)

/**
 * ktest_glob_match() - Whether @p name matches the glob @p pattern.
 * @param pattern text where '*' matches any run of characters (pure C)
 * @param name    the string to test
 * @return 1 on a match, 0 otherwise
 */
int ktest_glob_match(const char *pattern, const char *name);

/**
 * ktest_selected() - Whether a test is chosen by a `ktest=` value.
 * @param spec "all", or comma-separated glob patterns
 * @param t    the test
 * @return 1 if it should run
 */
int ktest_selected(const char *spec, const struct ktest *t);

/**
 * ktest_requested() - Whether `ktest=` was given on the command line.
 * @return 1 if tests should run instead of the normal boot
 */
int ktest_requested(void);

/**
 * ktest_run_requested() - Run the tests the command line asked for, then power off.
 *
 * Called by kmain() with interrupts enabled.  Never returns: powers off
 * with status 0 when every selected test passed and at least one ran, and 1 otherwise.
 */
void ktest_run_requested(void) __noreturn;

#endif /* KTEST_H */
