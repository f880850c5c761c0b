/*
 * cmdline_apply.c - give each command-line word to the layer that registered its key.
 */
#include <cmdline.h>
#include <printk.h>
#include <string.h>

REGISTRY_DEFINE(struct cmdline_param, cmdline_params);

static const struct cmdline_param *find_param(const char *key)
{
	const struct cmdline_param *const *it;

	registry_for_each(it, cmdline_params)
		if (strcmp((*it)->key, key) == 0)
			return *it;
	return NULL;
}

int cmdline_apply(const char *line)
{
	struct cmdline_word w;
	const char *cursor = line;
	int bad = 0, r;

	while ((r = cmdline_next(&cursor, &w)) != 0) {
		if (r < 0) {
			pr_warn("cmdline: malformed word ignored (near \"%.20s\")\n", cursor);
			bad++;
			continue;
		}
		const struct cmdline_param *p = find_param(w.key);

		if (!p) {
			/* Unknown keys are not fatal: Linux passes them on to init; we say so. */
			pr_warn("cmdline: unknown key '%s' ignored\n", w.key);
			bad++;
			continue;
		}
		if (p->set(w.has_value ? w.value : NULL) < 0) {
			pr_warn("cmdline: bad value '%s' for '%s' ignored (%s)\n", w.value, w.key,
				p->help);
			bad++;
		}
	}
	return bad;
}
