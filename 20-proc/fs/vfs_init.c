/*
 * vfs_init.c - start the VFS: make the root ramfs at boot; the registry of
 * filesystem types.
 *
 * The root is created at INITCALL_SUBSYS, before any task exists, so the
 * process core can make its first fs context (fs_context_create()) and
 * unpack the initramfs (initramfs_unpack()) into it.  Layer 40 mounts other
 * filesystems on top through vfs_set_mount_hooks() and FS_TYPE_REGISTER().
 */
#include <initcall.h>
#include <printk.h>
#include <string.h>
#include "internal.h"

REGISTRY_DEFINE(struct fs_type, fs_types);

static struct super_block *root_sb;

struct inode *vfs_root(void)
{
	return root_sb->root;
}

const struct fs_type *fs_type_find(const char *name)
{
	const struct fs_type *const *it;

	registry_for_each(it, fs_types) {
		if (strcmp((*it)->name, name) == 0)
			return *it;
	}
	return NULL;
}

/* "mount -t ramfs": a new, empty instance (layer 40 calls it). */
static int ramfs_mount(const char *source, unsigned long flags, const void *data,
		       struct super_block **out)
{
	return ramfs_create(out);
}

static const struct fs_type ramfs_type = { "ramfs", ramfs_mount };
FS_TYPE_REGISTER(ramfs_type);

static int vfs_init(void)
{
	int err = ramfs_create(&root_sb);

	if (err) {
		pr_err("vfs: cannot create the root filesystem: error %d\n", err);
		return err;
	}
	pr_info("vfs: root ramfs ready (dev %u:%u)\n", DEV_MAJOR(root_sb->dev),
		DEV_MINOR(root_sb->dev));
	return 0;
}
INITCALL(INITCALL_SUBSYS, vfs_init);
