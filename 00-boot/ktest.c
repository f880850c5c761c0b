/*
 * ktest.c - run the in-kernel tests that `ktest=` selects, and report.
 *
 * The report is the contract with tools/ktest.sh: one line per test,
 * "ktest: PASS name" or "ktest: FAIL name", the reasons on the lines
 * before it, then "ktest: N passed, M failed", then power-off with a status.
 */
#include <ktest.h>
#include <cmdline.h>
#include <format.h>
#include <power.h>
#include <printk.h>
#include <string.h>
#include <arch/cpu.h>

REGISTRY_DEFINE(struct ktest, ktests);

static char spec[CMDLINE_VALUE_MAX];
static int current_failed;

static int set_ktest(const char *value)
{
	if (!value || !*value)
		return -1;
	strlcpy(spec, value, sizeof(spec));
	return 0;
}
CMDLINE_PARAM(ktest, "ktest", set_ktest,
	      "run in-kernel tests: 'all' or comma-separated glob patterns, then power off");

int ktest_requested(void)
{
	return spec[0] != '\0';
}

int ktest_selected(const char *sel, const struct ktest *t)
{
	char pattern[CMDLINE_VALUE_MAX];
	const char *p = sel;

	if (strcmp(sel, "all") == 0)
		return !t->manual;
	while (*p) {
		size_t n = 0;

		while (*p && *p != ',' && n + 1 < sizeof(pattern))
			pattern[n++] = *p++;
		pattern[n] = '\0';
		if (*p == ',')
			p++;
		if (n && ktest_glob_match(pattern, t->name))
			return 1;
	}
	return 0;
}

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	current_failed = 1;
	printk(LOGLEVEL_NOTICE, "ktest:   %s:%d: %s\n", file, line, msg);
}

void ktest_run_requested(void)
{
	const struct ktest *const *it;
	int passed = 0, failed = 0;

	printk(LOGLEVEL_NOTICE, "ktest: running tests matching '%s'\n", spec);
	registry_for_each(it, ktests) {
		const struct ktest *t = *it;

		if (!ktest_selected(spec, t))
			continue;
		current_failed = 0;
		t->fn();
		/* A test must leave interrupts as it found them: on. */
		if (!(read_rflags() & RFLAGS_IF)) {
			ktest_fail(__FILE__, __LINE__, "test left interrupts disabled");
			irq_enable();
		}
		printk(LOGLEVEL_NOTICE, "ktest: %s %s\n", current_failed ? "FAIL" : "PASS", t->name);
		if (current_failed)
			failed++;
		else
			passed++;
	}
	if (passed + failed == 0)
		printk(LOGLEVEL_NOTICE, "ktest: no test matches '%s'\n", spec);
	printk(LOGLEVEL_NOTICE, "ktest: %d passed, %d failed\n", passed, failed);
	power_off(failed || passed == 0 ? POWER_STATUS_FAIL : POWER_STATUS_OK);
}
