/*
 * glob.c - the `*` wildcard used by `ktest=PATTERN`.  Pure C (host-tested).
 */
#include <ktest.h>

int ktest_glob_match(const char *pattern, const char *name)
{
	/*
	 * Greedy matching with one backtrack point: on a mismatch after a '*',
	 * let that '*' swallow one more character and retry.  Linear in
	 * practice, and no recursion (kernel stacks are small).
	 */
	const char *star = NULL, *resume = NULL;

	while (*name) {
		if (*pattern == '*') {
			star = pattern++;
			resume = name;
		} else if (*pattern == *name) {
			pattern++;
			name++;
		} else if (star) {
			pattern = star + 1;
			name = ++resume;
		} else {
			return 0;
		}
	}
	while (*pattern == '*')
		pattern++;
	return *pattern == '\0';
}
