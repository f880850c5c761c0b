/*
 * initcall.c - run every registered init call, lowest level first.
 *
 * The registry is sorted by level at link time (the level is part of the
 * section name, see registry.h), so one pass in order is enough.
 */
#include <initcall.h>
#include <printk.h>

REGISTRY_DEFINE(struct initcall, initcalls);

int initcalls_run(void)
{
	const struct initcall *const *it;
	int failed = 0;

	registry_for_each(it, initcalls) {
		int r = (*it)->fn();

		if (r < 0) {
			pr_err("initcall: %s (level %d) failed: error %d\n", (*it)->name,
			       (*it)->level, r);
			failed++;
		} else {
			pr_debug("initcall: %s (level %d) done\n", (*it)->name, (*it)->level);
		}
	}
	return failed;
}
