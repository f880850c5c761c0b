/*
 * dirent.c - pack directory entries as getdents64(2) returns them.
 *
 * Each record is a struct linux_dirent64 header, the name and a NUL,
 * padded to a multiple of 8 bytes so the next header is aligned.  An entry
 * that does not fit is refused (the actor returns 1), and the filesystem
 * then leaves its position before that entry: the next getdents64 call
 * starts with it, so nothing is ever dropped.  Pure C.
 */
#include <stddef.h>
#include <string.h>
#include "internal.h"

int dirent_pack(struct dir_context *ctx, const char *name, size_t len, uint64_t ino,
		unsigned int type, uint64_t next_pos)
{
	struct dirent_buf *b = container_of(ctx, struct dirent_buf, ctx);
	size_t reclen = (offsetof(struct linux_dirent64, d_name) + len + 1 + 7) & ~(size_t)7;
	struct linux_dirent64 *d;

	if (reclen > b->size - b->used)
		return 1;
	d = (struct linux_dirent64 *)(b->buf + b->used);
	d->d_ino = ino;
	d->d_off = (int64_t)next_pos;
	d->d_reclen = (uint16_t)reclen;
	d->d_type = (uint8_t)type;
	memcpy(d->d_name, name, len);
	/* The NUL and the padding: user space must not see stale kernel bytes. */
	memset(d->d_name + len, 0, reclen - offsetof(struct linux_dirent64, d_name) - len);
	b->used += reclen;
	return 0;
}
