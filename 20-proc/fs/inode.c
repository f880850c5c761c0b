/*
 * inode.c - the generic half of every inode: numbers, references,
 * permission checks, times; and the list of superblocks.
 *
 * Pure C apart from vfs_current_ids() and ktime_realtime(), which the host
 * tests replace.
 */
#include <ktime.h>
#include <list.h>
#include <printk.h>
#include <string.h>
#include "internal.h"

static struct list_node all_supers = { &all_supers, &all_supers };
static unsigned int next_anon_minor = 1;

void vfs_now(struct ktimespec *ts)
{
	ktime_realtime(ts);
}

void inode_init(struct inode *inode, struct super_block *sb, mode_t mode,
		const struct inode_ops *ops)
{
	struct ktimespec now;

	vfs_now(&now);
	inode->refs = 1;
	inode->ino = sb->next_ino++;
	inode->sb = sb;
	inode->mode = mode;
	inode->nlink = 1;
	vfs_current_ids(&inode->uid, &inode->gid);
	inode->atime = inode->mtime = inode->ctime = now;
	inode->ops = ops;
}

struct inode *inode_get(struct inode *inode)
{
	inode->refs++;
	return inode;
}

void inode_put(struct inode *inode)
{
	if (!inode)
		return;
	if (inode->refs == 0) {
		pr_err("vfs: inode_put of inode %llu with no references\n",
		       (unsigned long long)inode->ino);
		return;
	}
	if (--inode->refs == 0 && inode->sb->ops && inode->sb->ops->inode_release)
		inode->sb->ops->inode_release(inode);
}

/*
 * The classic Unix check (credentials(7)): the owner's bits if we own it,
 * else the group's if we are in its group, else the others'.  Root may do
 * anything, except execute a file that nobody may execute (path_resolution(7)).
 * Supplementary groups are not modelled yet: struct task has none.
 */
int inode_permission_ids(struct inode *inode, int mask, uid_t uid, gid_t gid)
{
	mode_t bits;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (uid == 0) {
		if ((mask & MAY_EXEC) && !S_ISDIR(inode->mode) && !(inode->mode & 0111))
			return -EACCES;
		return 0;
	}
	if (uid == inode->uid)
		bits = inode->mode >> 6;
	else if (gid == inode->gid)
		bits = inode->mode >> 3;
	else
		bits = inode->mode;
	return (mask & ~bits & 7) ? -EACCES : 0;
}

int inode_permission(struct inode *inode, int mask)
{
	uid_t uid;
	gid_t gid;

	vfs_current_ids(&uid, &gid);
	return inode_permission_ids(inode, mask, uid, gid);
}

void inode_setattr_copy(struct inode *inode, const struct inode_attr *attr)
{
	if (attr->valid & ATTR_MODE)
		inode->mode = (inode->mode & S_IFMT) | (attr->mode & S_IALLUGO);
	if (attr->valid & ATTR_UID)
		inode->uid = attr->uid;
	if (attr->valid & ATTR_GID)
		inode->gid = attr->gid;
	if (attr->valid & ATTR_ATIME)
		inode->atime = attr->atime;
	if (attr->valid & ATTR_MTIME)
		inode->mtime = attr->mtime;
	if (attr->valid & ATTR_CTIME)
		inode->ctime = attr->ctime;
	else
		vfs_now(&inode->ctime);
}

void inode_touch(struct inode *inode, unsigned int which)
{
	struct ktimespec now;

	vfs_now(&now);
	if (which & TOUCH_ATIME)
		inode->atime = now;
	if (which & TOUCH_MTIME)
		inode->mtime = now;
	if (which & TOUCH_CTIME)
		inode->ctime = now;
}

/* Linux numbers filesystems without a device 0:N too (tmpfs, proc, ...). */
dev_t vfs_anon_dev_alloc(void)
{
	unsigned int minor = next_anon_minor++;

	return DEV_MAKE(0, minor);
}

void super_init(struct super_block *sb, const char *type_name, dev_t dev,
		const struct super_ops *ops)
{
	sb->dev = dev;
	sb->ops = ops;
	sb->type_name = type_name;
	sb->next_ino = 1;
	list_add_tail(&sb->all_node, &all_supers);
}

int super_sync_all(void)
{
	struct list_node *n;
	int first = 0;

	list_for_each(n, &all_supers) {
		struct super_block *sb = list_entry(n, struct super_block, all_node);

		if (sb->ops && sb->ops->sync) {
			int err = sb->ops->sync(sb);

			if (err && !first)
				first = err;
		}
	}
	return first;
}
