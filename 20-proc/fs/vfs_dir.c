/*
 * vfs_dir.c - the operations that change directories, on kernel paths:
 * mknod/mkdir, unlink, rmdir, rename, symlink, link.
 *
 * Everything Linux checks the same way for every filesystem is checked here
 * (man 2 of each call): the kind of the last component ("." and ".." and
 * "/" cannot be created or removed), write and search permission on the
 * directories, the types of the objects (unlink of a directory is -EISDIR,
 * rename of a directory over a file -ENOTDIR, into its own subtree
 * -EINVAL), and that both names of a rename or link are on one filesystem
 * (-EXDEV).  The filesystem is then asked to do it, and checks what only it
 * knows: whether a name exists, whether a directory is empty.
 *
 * The syscalls (dir_syscalls.c) and initramfs_unpack() both come through
 * here.  Pure C: runs in the host tests.
 */
#include <string.h>
#include "internal.h"

/* May the task add or remove names in @dir? */
static int may_change(struct inode *dir)
{
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * Is the last component of @wp free for a new name?  0 if it is an
 * ordinary name that does not exist; -EEXIST if it exists or is "." or
 * ".."; -ENOENT for "newname/" unless a directory is being made (@dir).
 */
static int new_name_free(struct walk_parent *wp, int dir)
{
	struct inode *existing;
	int err;

	if (wp->kind != LAST_NORMAL)
		return -EEXIST;
	err = walk_lookup_last(wp, &existing);
	if (err == 0) {
		inode_put(existing);
		return -EEXIST;
	}
	if (err != -ENOENT)
		return err;
	return wp->trailing_slash && !dir ? -ENOENT : 0;
}

int vfs_create_in(struct walk_parent *wp, mode_t mode, dev_t rdev, struct inode **out)
{
	int err = new_name_free(wp, S_ISDIR(mode));

	if (err)
		return err;
	err = may_change(wp->dir);
	if (err)
		return err;
	if (!wp->dir->ops->create)
		return -EPERM;
	return wp->dir->ops->create(wp->dir, wp->name, mode, rdev, out);
}

int vfs_mknod_at(struct inode *start, const char *path, mode_t mode, dev_t rdev,
		 struct inode **out)
{
	struct walk_parent wp = { .links = 0 };
	struct inode *inode;
	int err;

	err = walk_parent_at(start, path, &wp);
	if (err)
		return err;
	err = vfs_create_in(&wp, mode, rdev, &inode);
	walk_parent_done(&wp);
	if (err)
		return err;
	if (out)
		*out = inode;
	else
		inode_put(inode);
	return 0;
}

int vfs_unlink_at(struct inode *start, const char *path)
{
	struct walk_parent wp = { .links = 0 };
	struct inode *victim = NULL;
	int err;

	err = walk_parent_at(start, path, &wp);
	if (err)
		return err;
	if (wp.kind != LAST_NORMAL) {
		err = -EISDIR;
		goto out;
	}
	err = walk_lookup_last(&wp, &victim);
	if (err)
		goto out;
	if (S_ISDIR(victim->mode)) {
		err = -EISDIR;
		goto out;
	}
	if (wp.trailing_slash) {
		err = -ENOTDIR;
		goto out;
	}
	err = may_change(wp.dir);
	if (err)
		goto out;
	err = wp.dir->ops->unlink ? wp.dir->ops->unlink(wp.dir, wp.name) : -EPERM;
out:
	inode_put(victim);
	walk_parent_done(&wp);
	return err;
}

int vfs_rmdir_at(struct inode *start, const char *path)
{
	struct walk_parent wp = { .links = 0 };
	struct inode *victim = NULL;
	int err;

	err = walk_parent_at(start, path, &wp);
	if (err)
		return err;
	switch (wp.kind) {
	case LAST_DOT:
		err = -EINVAL;
		goto out;
	case LAST_DOTDOT:
		err = -ENOTEMPTY;
		goto out;
	case LAST_ROOT:
		err = -EBUSY;
		goto out;
	default:
		break;
	}
	err = walk_lookup_last(&wp, &victim);
	if (err)
		goto out;
	if (!S_ISDIR(victim->mode)) {
		err = -ENOTDIR;
		goto out;
	}
	/* The root of the tree (or of a mount) is not a name one can remove. */
	if (victim == victim->sb->root) {
		err = -EBUSY;
		goto out;
	}
	err = may_change(wp.dir);
	if (err)
		goto out;
	err = wp.dir->ops->rmdir ? wp.dir->ops->rmdir(wp.dir, wp.name) : -EPERM;
out:
	inode_put(victim);
	walk_parent_done(&wp);
	return err;
}

/* Is @dir the directory @ancestor or somewhere below it?  Walks ".." up. */
static int is_within(struct inode *dir, struct inode *ancestor)
{
	struct inode *cur = inode_get(dir);
	int within = 0;

	for (;;) {
		struct inode *parent;

		if (cur == ancestor) {
			within = 1;
			break;
		}
		if (!cur->ops->lookup || cur->ops->lookup(cur, "..", &parent))
			break;
		if (parent == cur) {
			inode_put(parent);
			break;
		}
		inode_put(cur);
		cur = parent;
	}
	inode_put(cur);
	return within;
}

int vfs_rename_at(struct inode *old_start, const char *old_path, struct inode *new_start,
		  const char *new_path, unsigned int flags)
{
	struct walk_parent from = { .links = 0 }, to = { .links = 0 };
	struct inode *src = NULL, *dst = NULL;
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;	/* RENAME_EXCHANGE and RENAME_WHITEOUT are not supported */
	err = walk_parent_at(old_start, old_path, &from);
	if (err)
		return err;
	err = walk_parent_at(new_start, new_path, &to);
	if (err)
		goto out_from;
	if (from.kind != LAST_NORMAL || to.kind != LAST_NORMAL) {
		err = -EBUSY;
		goto out;
	}
	err = walk_lookup_last(&from, &src);
	if (err)
		goto out;
	err = walk_lookup_last(&to, &dst);
	if (err == -ENOENT)
		dst = NULL;
	else if (err)
		goto out;
	err = may_change(from.dir);
	if (!err)
		err = may_change(to.dir);
	if (err)
		goto out;
	if (from.dir->sb != to.dir->sb) {
		err = -EXDEV;
		goto out;
	}
	if (!S_ISDIR(src->mode) && (from.trailing_slash || to.trailing_slash)) {
		err = -ENOTDIR;
		goto out;
	}
	if (dst && (flags & RENAME_NOREPLACE)) {
		err = -EEXIST;
		goto out;
	}
	if (dst == src) {
		err = 0;	/* the same file under both names: nothing to do */
		goto out;
	}
	if (dst && S_ISDIR(src->mode) && !S_ISDIR(dst->mode)) {
		err = -ENOTDIR;
		goto out;
	}
	if (dst && !S_ISDIR(src->mode) && S_ISDIR(dst->mode)) {
		err = -EISDIR;
		goto out;
	}
	if (S_ISDIR(src->mode) && is_within(to.dir, src)) {
		err = -EINVAL;	/* a directory cannot move into itself */
		goto out;
	}
	if (dst && dst == dst->sb->root) {
		err = -EBUSY;
		goto out;
	}
	err = from.dir->ops->rename ? from.dir->ops->rename(from.dir, from.name, to.dir,
							    to.name, flags)
				    : -EPERM;
out:
	inode_put(src);
	inode_put(dst);
	walk_parent_done(&to);
out_from:
	walk_parent_done(&from);
	return err;
}

int vfs_symlink_at(const char *target, struct inode *start, const char *path)
{
	struct walk_parent wp = { .links = 0 };
	struct inode *link;
	int err;

	if (target[0] == '\0')
		return -ENOENT;
	err = walk_parent_at(start, path, &wp);
	if (err)
		return err;
	err = new_name_free(&wp, 0);
	if (err)
		goto out;
	err = may_change(wp.dir);
	if (err)
		goto out;
	if (!wp.dir->ops->symlink) {
		err = -EPERM;
		goto out;
	}
	err = wp.dir->ops->symlink(wp.dir, wp.name, target, &link);
	if (!err)
		inode_put(link);
out:
	walk_parent_done(&wp);
	return err;
}

int vfs_link_inode_at(struct inode *inode, struct inode *start, const char *path)
{
	struct walk_parent wp = { .links = 0 };
	int err;

	err = walk_parent_at(start, path, &wp);
	if (err)
		return err;
	err = new_name_free(&wp, 0);
	if (err)
		goto out;
	if (S_ISDIR(inode->mode)) {
		err = -EPERM;	/* no hard links to directories */
		goto out;
	}
	err = may_change(wp.dir);
	if (err)
		goto out;
	if (wp.dir->sb != inode->sb) {
		err = -EXDEV;
		goto out;
	}
	err = wp.dir->ops->link ? wp.dir->ops->link(wp.dir, wp.name, inode) : -EPERM;
out:
	walk_parent_done(&wp);
	return err;
}

int vfs_link_at(struct inode *old_start, const char *old_path, int follow,
		struct inode *new_start, const char *new_path)
{
	struct inode *inode;
	int links = 0, err;

	err = walk_at(old_start, old_path, follow ? LOOKUP_FOLLOW : 0, &links, &inode);
	if (err)
		return err;
	err = vfs_link_inode_at(inode, new_start, new_path);
	inode_put(inode);
	return err;
}

int vfs_setattr(struct inode *inode, const struct inode_attr *attr)
{
	if (inode->ops && inode->ops->setattr)
		return inode->ops->setattr(inode, attr);
	if (attr->valid & ATTR_SIZE)
		return -EPERM;
	inode_setattr_copy(inode, attr);
	return 0;
}

int vfs_write_all(struct inode *inode, const void *buf, size_t n, uint64_t off)
{
	size_t done = 0;

	if (!inode->ops || !inode->ops->write)
		return -EINVAL;
	while (done < n) {
		ssize_t w = inode->ops->write(inode, (const char *)buf + done, n - done,
					      off + done);

		if (w < 0)
			return w;
		if (w == 0)
			return -EIO;
		done += w;
	}
	return 0;
}
