/**
 * @file string.h
 * @brief The few string and memory functions the kernel needs, with C library semantics.
 *
 * Named and declared as in ISO C so that pure modules (format.c, cmdline.c,
 * the boot_info builders) compile unchanged against the host C library in
 * the unit tests.  GCC may also emit calls to memcpy/memset/memmove/memcmp
 * on its own, so these must exist under exactly these names.
 */
#ifndef STRING_H
#define STRING_H

#include <stddef.h>

/** @brief Copy @p n bytes; the ranges must not overlap. @param dst destination @param src source @param n bytes @return @p dst */
void *memcpy(void *dst, const void *src, size_t n);
/** @brief Copy @p n bytes; the ranges may overlap. @param dst destination @param src source @param n bytes @return @p dst */
void *memmove(void *dst, const void *src, size_t n);
/** @brief Fill @p n bytes with @p c. @param dst destination @param c byte value @param n bytes @return @p dst */
void *memset(void *dst, int c, size_t n);
/** @brief Compare @p n bytes. @param a first @param b second @param n bytes @return <0, 0 or >0 like the first differing byte */
int memcmp(const void *a, const void *b, size_t n);
/** @brief Length of a NUL-terminated string. @param s the string @return bytes before the NUL */
size_t strlen(const char *s);
/** @brief Length, but at most @p max. @param s the string @param max limit @return min(strlen(s), max) */
size_t strnlen(const char *s, size_t max);
/** @brief Compare two strings. @param a first @param b second @return <0, 0 or >0 */
int strcmp(const char *a, const char *b);
/** @brief Compare at most @p n bytes of two strings. @param a first @param b second @param n limit @return <0, 0 or >0 */
int strncmp(const char *a, const char *b, size_t n);
/** @brief First occurrence of @p c in @p s. @param s string @param c character @return pointer to it, or NULL */
char *strchr(const char *s, int c);

/**
 * strlcpy() - Copy a string into a buffer of @p size bytes, always NUL-terminated.
 * @param dst  destination buffer
 * @param src  source string
 * @param size size of @p dst; nothing is written if 0
 * @return strlen(src), so a result >= @p size means the copy was truncated
 */
size_t strlcpy(char *dst, const char *src, size_t size);

#endif /* STRING_H */
