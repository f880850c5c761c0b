/*
 * initramfs.c - unpack a cpio "newc" archive into the root ramfs.
 *
 * Two passes.  The first only parses (cpio.c), so a corrupt archive is
 * refused before anything is created: the kernel logs which entry and
 * offset are wrong and goes on without it.  The second creates every
 * member through the same VFS calls the syscalls use, as Linux's
 * init/initramfs.c does:
 *
 *   - directories are made (or, if one exists, get the archive's mode);
 *   - a name that exists as something else is removed first, so a later
 *     archive can replace files of an earlier one;
 *   - regular files with nlink > 1 are hard links: the members sharing
 *     (ino, device) become one inode (newc stores the data once, usually
 *     with the last of them);
 *   - symlinks take their target from the data; device nodes and FIFOs
 *     their number from rdevmajor:rdevminor;
 *   - owner, group, mode and mtime come from the header (no umask).
 *
 * A member that cannot be created is logged and skipped; the first such
 * error is returned at the end.  Pure C: the host tests run it on ramfs.
 */
#include <kmalloc.h>
#include <printk.h>
#include <string.h>
#include "cpio.h"
#include "internal.h"

/* Members already created that other members may be hard links to. */
struct hardlink {
	uint32_t ino, dev_major, dev_minor;
	struct inode *inode;	/* a reference */
};

struct unpack {
	struct inode *root;
	struct hardlink *links;
	size_t nlinks, cap;
};

/* Drop the archive's leading "/" and "./": names are relative to the root. */
static const char *clean_name(const char *name)
{
	for (;;) {
		if (name[0] == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else
			return name;
	}
}

static struct hardlink *hardlink_find(struct unpack *u, const struct cpio_entry *e)
{
	for (size_t i = 0; i < u->nlinks; i++) {
		struct hardlink *h = &u->links[i];

		if (h->ino == e->ino && h->dev_major == e->dev_major &&
		    h->dev_minor == e->dev_minor)
			return h;
	}
	return NULL;
}

static int hardlink_remember(struct unpack *u, const struct cpio_entry *e, struct inode *inode)
{
	if (u->nlinks == u->cap) {
		size_t cap = u->cap ? 2 * u->cap : 16;
		struct hardlink *n = kmalloc(cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		if (u->nlinks)
			memcpy(n, u->links, u->nlinks * sizeof(*n));
		kfree(u->links);
		u->links = n;
		u->cap = cap;
	}
	u->links[u->nlinks++] = (struct hardlink){ e->ino, e->dev_major, e->dev_minor,
						   inode_get(inode) };
	return 0;
}

/* Give @inode the header's owner, mode and mtime. */
static int apply_attrs(struct inode *inode, const struct cpio_entry *e)
{
	struct inode_attr attr = {
		.valid = ATTR_UID | ATTR_GID | ATTR_MTIME | ATTR_ATIME,
		.uid = e->uid,
		.gid = e->gid,
		.mtime = { e->mtime, 0 },
		.atime = { e->mtime, 0 },
	};

	if (!S_ISLNK(e->mode)) {
		attr.valid |= ATTR_MODE;
		attr.mode = e->mode & S_IALLUGO;
	}
	return vfs_setattr(inode, &attr);
}

/* Make room for @name: remove what is there unless it is a directory we keep. */
static int clear_name(struct unpack *u, const char *name, mode_t mode, struct inode **keep)
{
	int links = 0, err;
	struct inode *old;

	*keep = NULL;
	err = walk_at(u->root, name, 0, &links, &old);
	if (err == -ENOENT)
		return 0;
	if (err)
		return err;
	if (S_ISDIR(old->mode) && S_ISDIR(mode)) {
		*keep = old;
		return 0;
	}
	err = S_ISDIR(old->mode) ? vfs_rmdir_at(u->root, name) : vfs_unlink_at(u->root, name);
	inode_put(old);
	return err;
}

static int unpack_symlink(struct unpack *u, const struct cpio_entry *e, const char *name)
{
	char *target;
	int err;

	if (e->size == 0 || e->size >= PATH_MAX)
		return -ENAMETOOLONG;
	target = kmalloc(e->size + 1);
	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	err = vfs_symlink_at(target, u->root, name);
	kfree(target);
	return err;
}

static int unpack_one(struct unpack *u, const struct cpio_entry *e)
{
	const char *name = clean_name(e->name);
	mode_t type = e->mode & S_IFMT;
	struct inode *inode = NULL;
	struct hardlink *h;
	int links = 0, err;

	if (name[0] == '\0' || strcmp(name, ".") == 0)
		return S_ISDIR(e->mode) ? apply_attrs(u->root, e) : -EINVAL;
	err = clear_name(u, name, e->mode, &inode);
	if (err)
		return err;
	switch (type) {
	case S_IFDIR:
		if (!inode)
			err = vfs_mknod_at(u->root, name, S_IFDIR | (e->mode & S_IALLUGO), 0, &inode);
		break;
	case S_IFREG:
		h = e->nlink > 1 ? hardlink_find(u, e) : NULL;
		if (h) {
			err = vfs_link_inode_at(h->inode, u->root, name);
			if (!err)
				inode = inode_get(h->inode);
		} else {
			err = vfs_mknod_at(u->root, name, S_IFREG | (e->mode & S_IALLUGO), 0,
					   &inode);
			if (!err && e->nlink > 1)
				err = hardlink_remember(u, e, inode);
		}
		if (!err && e->size)
			err = vfs_write_all(inode, e->data, e->size, 0);
		break;
	case S_IFLNK:
		err = unpack_symlink(u, e, name);
		if (!err)
			err = walk_at(u->root, name, 0, &links, &inode);
		break;
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		err = vfs_mknod_at(u->root, name, type | (e->mode & S_IALLUGO),
				   DEV_MAKE(e->rdev_major, e->rdev_minor), &inode);
		break;
	default:
		err = -EINVAL;
		break;
	}
	if (!err)
		err = apply_attrs(inode, e);
	inode_put(inode);
	return err;
}

int initramfs_unpack(const void *cpio, size_t len)
{
	struct unpack u = { .root = vfs_root() };
	struct cpio_reader r;
	struct cpio_entry e;
	unsigned int count = 0;
	int ret, first_err = 0;

	/* Pass 1: is the whole archive well formed? */
	cpio_reader_init(&r, cpio, len);
	while ((ret = cpio_next(&r, &e)) > 0)
		;
	if (ret < 0) {
		pr_err("initramfs: corrupt archive at offset %zu (after entry \"%s\"): %s\n",
		       r.error_off, r.last_name[0] ? r.last_name : "(none)", r.error);
		return -EINVAL;
	}
	/* Pass 2: create the members. */
	cpio_reader_init(&r, cpio, len);
	while (cpio_next(&r, &e) > 0) {
		int err = unpack_one(&u, &e);

		if (err) {
			pr_err("initramfs: cannot create \"%s\" (offset %zu): error %d\n",
			       e.name, e.offset, err);
			if (!first_err)
				first_err = err;
			continue;
		}
		count++;
	}
	for (size_t i = 0; i < u.nlinks; i++)
		inode_put(u.links[i].inode);
	kfree(u.links);
	pr_info("initramfs: unpacked %u entries (%zu bytes)\n", count, len);
	return first_err;
}
