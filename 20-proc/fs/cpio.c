/*
 * cpio.c - walk a cpio "newc" archive, checking every byte it relies on.
 *
 * The format (the one Linux's initramfs and `cpio -H newc` use): each
 * member is a 110-byte ASCII header, the name, then the data:
 *
 *   "070701"  magic ("070702": the same with a checksum of the data)
 *   13 fields of 8 hex digits: ino mode uid gid nlink mtime filesize
 *             devmajor devminor rdevmajor rdevminor namesize check
 *   name      namesize bytes including its NUL
 *   padding   zeros up to a multiple of 4 (from the start of the archive)
 *   data      filesize bytes (a symlink's data is its target)
 *   padding   zeros up to a multiple of 4
 *
 * A member named "TRAILER!!!" ends the archive.  Like Linux we accept
 * several archives one after another, with NUL padding between them (boot
 * loaders pad, and build systems concatenate).  Anything else that does not
 * fit - a bad digit, a name without its NUL, data running past the end,
 * input ending before a trailer - is reported with the offset of the header
 * at fault, so the kernel can log it and refuse the archive.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "cpio.h"

#define CPIO_HEADER_SIZE 110
#define CPIO_FIELDS 13

enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
};

void cpio_reader_init(struct cpio_reader *r, const void *buf, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->buf = buf;
	r->len = len;
}

static int fail(struct cpio_reader *r, size_t at, const char *why)
{
	r->error = why;
	r->error_off = at;
	return -EINVAL;
}

/* Parse 8 hex digits; -1 if any is not one (no sign, no spaces: newc has neither). */
static int64_t parse_hex8(const uint8_t *p)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		uint8_t c = p[i];
		uint32_t d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* @x rounded up to a multiple of 4, or 0 if that overflows. */
static size_t pad4(size_t x)
{
	return x > SIZE_MAX - 3 ? 0 : (x + 3) & ~(size_t)3;
}

/* Skip the NUL padding that may follow a trailer; 1 if input ends there. */
static int skip_padding(struct cpio_reader *r)
{
	while (r->off < r->len && r->buf[r->off] == 0)
		r->off++;
	return r->off >= r->len;
}

/* Keep (the start of) the entry's name for error messages about the next one. */
static void remember_name(struct cpio_reader *r, const struct cpio_entry *e)
{
	size_t n = e->name_len < sizeof(r->last_name) - 1 ? e->name_len
							   : sizeof(r->last_name) - 1;

	memcpy(r->last_name, e->name, n);
	r->last_name[n] = '\0';
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	uint32_t f[CPIO_FIELDS];
	size_t at, name_end, data_off, data_end;

	if (r->error)
		return -EINVAL;
	for (;;) {
		if (r->ended) {
			if (skip_padding(r))
				return 0;
			/* Another archive follows: it must start aligned. */
			if (r->off & 3)
				return fail(r, r->off, "data after the trailer");
			r->ended = 0;
		}
		at = r->off;
		if (at >= r->len)
			return fail(r, at, "archive ends without TRAILER!!!");
		if (r->len - at < CPIO_HEADER_SIZE)
			return fail(r, at, "truncated header");
		if (at == 0 && r->buf[0] == 0x1f && r->buf[1] == 0x8b)
			return fail(r, at, "compressed (gzip) archive; unpack it first");
		if (memcmp(r->buf + at, "07070", 5) != 0 ||
		    (r->buf[at + 5] != '1' && r->buf[at + 5] != '2'))
			return fail(r, at, "bad magic (not a newc cpio header)");
		for (int i = 0; i < CPIO_FIELDS; i++) {
			int64_t v = parse_hex8(r->buf + at + 6 + 8 * i);

			if (v < 0)
				return fail(r, at, "header field is not hexadecimal");
			f[i] = (uint32_t)v;
		}
		if (f[F_NAMESIZE] == 0)
			return fail(r, at, "empty name");
		if (f[F_NAMESIZE] > r->len - at - CPIO_HEADER_SIZE)
			return fail(r, at, "name runs past the end");
		name_end = at + CPIO_HEADER_SIZE + f[F_NAMESIZE];
		e->name = (const char *)r->buf + at + CPIO_HEADER_SIZE;
		e->name_len = f[F_NAMESIZE] - 1;
		if (e->name[e->name_len] != '\0' ||
		    strnlen(e->name, e->name_len) != e->name_len)
			return fail(r, at, "name is not NUL-terminated where namesize says");
		data_off = pad4(name_end);
		if (data_off == 0 || data_off > r->len ||
		    f[F_FILESIZE] > r->len - data_off)
			return fail(r, at, "data runs past the end");
		data_end = data_off + f[F_FILESIZE];
		e->data = r->buf + data_off;
		e->size = f[F_FILESIZE];
		e->ino = f[F_INO];
		e->mode = f[F_MODE];
		e->uid = f[F_UID];
		e->gid = f[F_GID];
		e->nlink = f[F_NLINK];
		e->mtime = f[F_MTIME];
		e->dev_major = f[F_DEVMAJOR];
		e->dev_minor = f[F_DEVMINOR];
		e->rdev_major = f[F_RDEVMAJOR];
		e->rdev_minor = f[F_RDEVMINOR];
		e->offset = at;
		if (r->buf[at + 5] == '2') {
			uint32_t sum = 0;

			for (size_t i = 0; i < e->size; i++)
				sum += ((const uint8_t *)e->data)[i];
			if (sum != f[F_CHECK])
				return fail(r, at, "data checksum mismatch");
		}
		/* The last member may end the input without its padding. */
		r->off = data_end < r->len ? pad4(data_end) : data_end;
		if (r->off > r->len)
			r->off = r->len;
		if (e->name_len == 10 && memcmp(e->name, "TRAILER!!!", 10) == 0) {
			r->ended = 1;
			continue;
		}
		remember_name(r, e);
		return 1;
	}
}
