/*
 * cpio_builder.h - write small cpio "newc" archives in memory, for the host tests.
 *
 * Written independently of cpio.c (a test must not share the code it tests):
 * it formats the header with snprintf and pads by hand.
 */
#ifndef CPIO_BUILDER_H
#define CPIO_BUILDER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cpio_builder {
	unsigned char *buf;
	size_t len, cap;
	unsigned int next_ino;
};

static void cb_put(struct cpio_builder *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 256;
		b->buf = realloc(b->buf, b->cap);
	}
	memcpy(b->buf + b->len, p, n);
	b->len += n;
}

static void cb_pad(struct cpio_builder *b)
{
	static const unsigned char zeros[4];

	cb_put(b, zeros, (4 - b->len % 4) % 4);
}

/* One member with every field given; @magic is "070701" or "070702". */
static void cb_entry_full(struct cpio_builder *b, const char *magic, const char *name,
			  unsigned int mode, unsigned int ino, unsigned int nlink,
			  unsigned int rmaj, unsigned int rmin, const void *data, size_t size)
{
	char hdr[111];
	unsigned int check = 0;

	for (size_t i = 0; i < size; i++)
		check += ((const unsigned char *)data)[i];
	if (strcmp(magic, "070701") == 0)
		check = 0;
	snprintf(hdr, sizeof(hdr),
		 "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", magic,
		 ino, mode, 1000u, 100u, nlink, 1700000000u, (unsigned int)size, 3u, 1u,
		 rmaj, rmin, (unsigned int)strlen(name) + 1, check);
	cb_put(b, hdr, 110);
	cb_put(b, name, strlen(name) + 1);
	cb_pad(b);
	cb_put(b, data, size);
	cb_pad(b);
}

static void cb_entry(struct cpio_builder *b, const char *name, unsigned int mode,
		     const void *data, size_t size)
{
	cb_entry_full(b, "070701", name, mode, ++b->next_ino + 100, 1, 0, 0, data, size);
}

static void cb_trailer(struct cpio_builder *b)
{
	cb_entry_full(b, "070701", "TRAILER!!!", 0, 0, 1, 0, 0, "", 0);
}

static void cb_free(struct cpio_builder *b)
{
	free(b->buf);
	memset(b, 0, sizeof(*b));
}

#endif /* CPIO_BUILDER_H */
