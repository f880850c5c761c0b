/**
 * @file printk.h
 * @brief Kernel log: printk() with levels, a ring buffer of every message, and consoles.
 *
 * Every message goes into the ring buffer, whatever its level; it is also
 * written to the consoles when its level is at or below the console log
 * level (`loglevel=` on the command line, default LOGLEVEL_INFO).
 * printk() may be called from any context, including trap handlers, and
 * before any console is registered (the ring keeps the message).
 */
#ifndef PRINTK_H
#define PRINTK_H

#include <compiler.h>
#include <stdarg.h>
#include <stddef.h>

#define LOGLEVEL_EMERG 0   /**< system is unusable */
#define LOGLEVEL_ALERT 1   /**< action must be taken immediately */
#define LOGLEVEL_CRIT 2    /**< critical conditions */
#define LOGLEVEL_ERR 3     /**< error conditions */
#define LOGLEVEL_WARNING 4 /**< warning conditions */
#define LOGLEVEL_NOTICE 5  /**< normal but significant */
#define LOGLEVEL_INFO 6    /**< informational */
#define LOGLEVEL_DEBUG 7   /**< debug-level messages */

/** @brief Size of the log ring buffer in bytes. */
#define PRINTK_RING_SIZE 16384

/**
 * printk() - Format a message and log it at @p level.
 * @param level a LOGLEVEL_* value
 * @param fmt   a format understood by kvsnprintf()
 *
 * A message longer than 512 bytes is truncated.  Each message is one record;
 * a message that does not end in a newline gets one.
 */
void printk(int level, const char *fmt, ...) __printf(2, 3);

/**
 * vprintk() - printk() with a va_list.
 * @param level a LOGLEVEL_* value
 * @param fmt   the format
 * @param ap    its arguments
 */
void vprintk(int level, const char *fmt, va_list ap);

/** @brief Log at LOGLEVEL_EMERG. */
#define pr_emerg(...) printk(LOGLEVEL_EMERG, __VA_ARGS__)
/** @brief Log at LOGLEVEL_ERR. */
#define pr_err(...) printk(LOGLEVEL_ERR, __VA_ARGS__)
/** @brief Log at LOGLEVEL_WARNING. */
#define pr_warn(...) printk(LOGLEVEL_WARNING, __VA_ARGS__)
/** @brief Log at LOGLEVEL_NOTICE. */
#define pr_notice(...) printk(LOGLEVEL_NOTICE, __VA_ARGS__)
/** @brief Log at LOGLEVEL_INFO. */
#define pr_info(...) printk(LOGLEVEL_INFO, __VA_ARGS__)
/** @brief Log at LOGLEVEL_DEBUG. */
#define pr_debug(...) printk(LOGLEVEL_DEBUG, __VA_ARGS__)

/** @brief An output device for the log (the serial port; later a TTY or framebuffer). */
struct console {
	const char *name; /**< shown in the boot log */
	/** @brief Write @p len bytes; called with the log lock held, must not call printk(). */
	void (*write)(const char *buf, size_t len);
};

/**
 * console_register() - Add a console; it receives every later message.
 * @param con a console that lives forever
 * @return 0, or -ENOSPC when the console table is full
 */
int console_register(struct console *con);

/**
 * printk_set_loglevel() - Set the console log level.
 * @param level messages with a level <= this reach the consoles (0..7)
 * @return 0, or -EINVAL for a level outside 0..7
 */
int printk_set_loglevel(int level);

/**
 * printk_get_loglevel() - The console log level.
 * @return the current level, 0..7
 */
int printk_get_loglevel(void);

/**
 * printk_ring_read() - Copy the newest logged text out of the ring buffer.
 * @param buf  destination
 * @param size its size; the copy is NUL-terminated and keeps the newest bytes
 * @return bytes copied, not counting the NUL
 *
 * Each record is stored as "<L>text\n" where L is its level digit, as in
 * Linux's /dev/kmsg, so a reader can filter by level.
 */
size_t printk_ring_read(char *buf, size_t size);

/**
 * printk_set_clock() - Give printk a time source for its "[seconds.millis]" prefixes.
 * @param now_ms returns milliseconds since boot; NULL removes the prefix time (0.000)
 */
void printk_set_clock(unsigned long (*now_ms)(void));

#endif /* PRINTK_H */
