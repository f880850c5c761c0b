/**
 * @file format.h
 * @brief The printf-style formatter behind printk(); pure C, tested on the host against the C library.
 *
 * Supported: conversions d i u x X o c s p and %%; flags - + space # 0;
 * field width and precision, both also as *; length modifiers hh h l ll z t j.
 * %p prints "0x" and 16 hex digits (or "(null)" for NULL).
 * A NULL string for %s prints "(null)" as glibc does.
 * Not supported (the kernel has no floating point): e f g a and n; such a
 * conversion is copied to the output as written.
 */
#ifndef FORMAT_H
#define FORMAT_H

#include <compiler.h>
#include <stdarg.h>
#include <stddef.h>

/**
 * kvsnprintf() - Format into a buffer, C99 vsnprintf() semantics.
 * @param buf  destination; may be NULL when @p size is 0
 * @param size bytes available; the output is always NUL-terminated when size > 0
 * @param fmt  the format
 * @param ap   the arguments
 * @return the length the full output would have had (excluding the NUL)
 */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/**
 * ksnprintf() - kvsnprintf() with variable arguments.
 * @param buf  destination
 * @param size bytes available
 * @param fmt  the format
 * @return the length the full output would have had
 */
int ksnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif /* FORMAT_H */
