/**
 * @file cmdline.h
 * @brief The kernel command line: a tokenizer (pure C) and a registry of keys.
 *
 * The command line is a list of words separated by spaces or tabs; a word is
 * `key`, `key=value` or `key="value with spaces"`.  Each layer registers the
 * keys it understands with CMDLINE_PARAM(); a key that no layer registered
 * is reported with a warning and otherwise ignored, never fatal.
 */
#ifndef CMDLINE_H
#define CMDLINE_H

#include <registry.h>
#include <stddef.h>

/** @brief Longest key kept by cmdline_next(), including the NUL. */
#define CMDLINE_KEY_MAX 32
/** @brief Longest value kept by cmdline_next(), including the NUL. */
#define CMDLINE_VALUE_MAX 256

/** @brief One word of the command line, split by cmdline_next(). */
struct cmdline_word {
	char key[CMDLINE_KEY_MAX];	/**< text before '=' */
	char value[CMDLINE_VALUE_MAX];	/**< text after '=', quotes removed */
	int has_value;			/**< 1 if the word had '=' */
};

/**
 * cmdline_next() - Split off the next word of a command line.
 * @param cursor in: where to start; out: just after the word
 * @param word   receives the word
 * @return 1 if a word was read, 0 at the end, -EINVAL for a malformed word
 *         (empty key, unterminated quote, key or value too long) which has
 *         then been skipped so the caller can go on with the next one
 */
int cmdline_next(const char **cursor, struct cmdline_word *word);

/** @brief A command-line key that a layer understands. */
struct cmdline_param {
	const char *key;  /**< the key, e.g. "loglevel" */
	const char *help; /**< one line for the documentation and warnings */
	/** @brief Apply the value (NULL for a bare key); return 0 or -EINVAL. */
	int (*set)(const char *value);
};

REGISTRY_DECLARE(struct cmdline_param, cmdline_params);

/**
 * @brief Register a command-line key handled by @p setfn.
 * @param name  a C identifier, unique in the kernel, naming the entry
 * @param keystr the key as typed on the command line
 * @param setfn  int setfn(const char *value)
 * @param helptext one-line description
 */
#define CMDLINE_PARAM(name, keystr, setfn, helptext)                        \
	static const struct cmdline_param cmdline_param_##name = {          \
		.key = keystr, .help = helptext, .set = setfn };             \
	REGISTRY_ADD(cmdline_params, 0, cmdline_param_##name)

/**
 * cmdline_apply() - Hand every word of @p line to its registered key.
 * @param line the command line from boot_info
 * @return the number of words that were unknown or rejected (each is logged)
 */
int cmdline_apply(const char *line);

#endif /* CMDLINE_H */
