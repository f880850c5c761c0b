/*
 * file.c - open files: allocation and reference counting; the registry of
 * character-device drivers.
 *
 * A struct file is shared by every descriptor dup(2) or fork(2) made from
 * the same open(2), so they share one position and one set of status flags,
 * as POSIX requires.  The last file_put() calls the file's release
 * operation and drops its inode.
 */
#include <kmalloc.h>
#include <printk.h>
#include <registry.h>
#include "internal.h"

REGISTRY_DEFINE(struct chrdev, chrdevs);

struct file *file_alloc(const struct file_ops *ops, unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->refs = 1;
	f->flags = flags;
	f->ops = ops;
	return f;
}

struct file *file_get(struct file *f)
{
	f->refs++;
	return f;
}

void file_put(struct file *f)
{
	if (!f)
		return;
	if (f->refs == 0) {
		pr_err("vfs: file_put of a file with no references\n");
		return;
	}
	if (--f->refs)
		return;
	if (f->ops && f->ops->release)
		f->ops->release(f);
	inode_put(f->inode);
	kfree(f);
}

const struct chrdev *chrdev_find(dev_t rdev)
{
	const struct chrdev *const *it;
	unsigned int major = DEV_MAJOR(rdev), minor = DEV_MINOR(rdev);

	registry_for_each(it, chrdevs) {
		const struct chrdev *d = *it;

		if (d->major == major && minor >= d->minor_first &&
		    minor - d->minor_first < d->minor_count)
			return d;
	}
	return NULL;
}
