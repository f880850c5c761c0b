/*
 * user_path.c - from a syscall's (dirfd, user path) pair to an inode.
 *
 * The *at() rules of openat(2): an absolute path ignores dirfd; a relative
 * one starts at the working directory for AT_FDCWD, else at the directory
 * open as dirfd (-EBADF if it is not open, -ENOTDIR if it is not a
 * directory).  An empty path is -ENOENT unless AT_EMPTY_PATH asks for
 * dirfd itself.  Paths are copied into a kmalloc'd PATH_MAX buffer, never
 * onto the 16 KiB kernel stack.
 */
#include <kmalloc.h>
#include <uaccess.h>
#include "internal.h"

char *getname(const char __user *upath)
{
	char *name = kmalloc(PATH_MAX);
	long n;

	if (!name)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(name, upath, PATH_MAX);
	if (n < 0) {
		kfree(name);
		return ERR_PTR(n);
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}

int dirfd_start(int dirfd, const char *path, struct inode **out)
{
	struct file *f;

	if (path[0] == '/') {
		*out = fsctx_root();
		return 0;
	}
	if (dirfd == AT_FDCWD) {
		*out = fsctx_cwd();
		return 0;
	}
	f = fd_get(dirfd);
	if (!f)
		return -EBADF;
	if (!f->inode || (path[0] && !S_ISDIR(f->inode->mode))) {
		file_put(f);
		return -ENOTDIR;
	}
	*out = inode_get(f->inode);
	file_put(f);
	return 0;
}

int vfs_user_lookup(int dirfd, const char __user *upath, unsigned int flags,
		    struct inode **out)
{
	struct inode *start;
	char *path = getname(upath);
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	if (path[0] == '\0' && !(flags & AT_EMPTY_PATH)) {
		err = -ENOENT;
		goto out;
	}
	err = dirfd_start(dirfd, path, &start);
	if (err)
		goto out;
	if (path[0] == '\0') {
		*out = start;	/* AT_EMPTY_PATH: dirfd itself, whatever it is */
		goto out;
	}
	err = vfs_lookup_at(start, path, flags & (LOOKUP_FOLLOW | LOOKUP_DIRECTORY), out);
	inode_put(start);
out:
	putname(path);
	return err;
}
