/*
 * libc.c - the few C library functions the shared pure C files call that
 * gnu-efi's libefi does not provide (it has memcpy and memset only).
 *
 * loader.mk builds the loader with -fno-tree-loop-distribute-patterns, so
 * GCC does not turn these loops back into calls to themselves.
 */
/* The kernel's string.h (00-boot/include): one set of prototypes for all. */
#include <string.h>

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

/* Copies backwards when the destination overlaps the end of the source. */
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];
	}
	return dst;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
