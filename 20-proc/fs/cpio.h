/*
 * cpio.h - a reader for cpio "newc" archives (the initramfs format), pure C.
 *
 * Private to 20-proc/fs/: initramfs.c uses it, the host test checks it.
 * See the comment at the top of cpio.c for the format.
 */
#ifndef FS_CPIO_H
#define FS_CPIO_H

#include <stddef.h>
#include <stdint.h>

/* One archive member.  Pointers point into the archive buffer. */
struct cpio_entry {
	const char *name;	/* NUL-terminated (the NUL is in the archive) */
	size_t name_len;	/* strlen(name) */
	uint32_t ino;
	uint32_t mode;		/* type and permission bits, as in struct stat */
	uint32_t uid, gid;
	uint32_t nlink;
	uint32_t mtime;
	uint32_t dev_major, dev_minor;		/* the device the file was on */
	uint32_t rdev_major, rdev_minor;	/* a device node's number */
	const void *data;	/* file contents, or a symlink's target (not NUL-terminated) */
	size_t size;
	size_t offset;		/* where its header starts in the archive */
};

/* Where a walk through the archive stands. */
struct cpio_reader {
	const uint8_t *buf;
	size_t len;
	size_t off;		/* the next header */
	int ended;		/* 1 after TRAILER!!! (more archives may follow) */
	const char *error;	/* why the archive is corrupt, or NULL */
	size_t error_off;	/* the offset of the bad header */
	char last_name[64];	/* the last good entry's name, for error messages */
};

void cpio_reader_init(struct cpio_reader *r, const void *buf, size_t len);

/*
 * cpio_next() - Read the next member into @e.
 * Returns 1 for a member, 0 at the end of the input (after a trailer), or
 * -EINVAL for a corrupt archive, with r->error and r->error_off saying why
 * and where.  TRAILER!!! records are consumed, never returned.
 */
int cpio_next(struct cpio_reader *r, struct cpio_entry *e);

#endif /* FS_CPIO_H */
