/*
 * dir_syscalls.c - the syscalls that name and list things: mkdir, mknod,
 * rmdir, unlink, rename, symlink, link (and their *at forms), getdents64.
 *
 * Each copies its user paths, finds where they start (user_path.c) and
 * hands over to vfs_dir.c, where the rules are.  getdents64 lists into a
 * kernel buffer first and copies the result out in one go.
 */
#include <kmalloc.h>
#include <syscall.h>
#include <uaccess.h>
#include "internal.h"

/* A user path and the directory it starts from. */
struct upath {
	char *name;
	struct inode *start;
};

static long upath_get(int dirfd, const char __user *path, struct upath *p)
{
	long err;

	p->start = NULL;
	p->name = getname(path);
	if (IS_ERR(p->name))
		return PTR_ERR(p->name);
	if (p->name[0] == '\0') {
		putname(p->name);
		return -ENOENT;
	}
	err = dirfd_start(dirfd, p->name, &p->start);
	if (err)
		putname(p->name);
	return err;
}

static void upath_put(struct upath *p)
{
	inode_put(p->start);
	putname(p->name);
}

/* ---------------------------------------------------------------- mknod, mkdir */

static long do_mknodat(int dirfd, const char __user *path, mode_t mode, dev_t dev)
{
	struct upath p;
	uid_t uid;
	gid_t gid;
	long err;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;	/* mknod(2): zero means a regular file */
		break;
	case S_IFREG:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFCHR:
	case S_IFBLK:
		vfs_current_ids(&uid, &gid);
		if (uid != 0)
			return -EPERM;	/* CAP_MKNOD */
		break;
	default:
		return -EINVAL;
	}
	err = upath_get(dirfd, path, &p);
	if (err)
		return err;
	mode = (mode & S_IFMT) | (mode & S_IALLUGO & ~fsctx_umask());
	err = vfs_mknod_at(p.start, p.name, mode, S_ISCHR(mode) || S_ISBLK(mode) ? dev : 0,
			   NULL);
	upath_put(&p);
	return err;
}

/* The raw dev argument is the kernel's 32-bit encoding (new_decode_dev): same as DEV_MAKE's. */
SYSCALL_DEFINE4(mknodat, int, dirfd, const char __user *, path, mode_t, mode, unsigned int, dev)
{
	return do_mknodat(dirfd, path, mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, path, mode_t, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, path, mode, dev);
}

SYSCALL_DEFINE3(mkdirat, int, dirfd, const char __user *, path, mode_t, mode)
{
	struct upath p;
	long err = upath_get(dirfd, path, &p);

	if (err)
		return err;
	err = vfs_mknod_at(p.start, p.name, S_IFDIR | (mode & 07777 & ~fsctx_umask()), 0, NULL);
	upath_put(&p);
	return err;
}

SYSCALL_DEFINE2(mkdir, const char __user *, path, mode_t, mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

/* ---------------------------------------------------------------- unlink, rmdir */

SYSCALL_DEFINE3(unlinkat, int, dirfd, const char __user *, path, int, flags)
{
	struct upath p;
	long err;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	err = upath_get(dirfd, path, &p);
	if (err)
		return err;
	if (flags & AT_REMOVEDIR)
		err = vfs_rmdir_at(p.start, p.name);
	else
		err = vfs_unlink_at(p.start, p.name);
	upath_put(&p);
	return err;
}

SYSCALL_DEFINE1(unlink, const char __user *, path)
{
	return sys_unlinkat(AT_FDCWD, path, 0);
}

SYSCALL_DEFINE1(rmdir, const char __user *, path)
{
	return sys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

/* ---------------------------------------------------------------- rename */

SYSCALL_DEFINE5(renameat2, int, olddirfd, const char __user *, oldpath, int, newdirfd,
		const char __user *, newpath, unsigned int, flags)
{
	struct upath from, to;
	long err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	err = upath_get(olddirfd, oldpath, &from);
	if (err)
		return err;
	err = upath_get(newdirfd, newpath, &to);
	if (err)
		goto out;
	err = vfs_rename_at(from.start, from.name, to.start, to.name, flags);
	upath_put(&to);
out:
	upath_put(&from);
	return err;
}

SYSCALL_DEFINE4(renameat, int, olddirfd, const char __user *, oldpath, int, newdirfd,
		const char __user *, newpath)
{
	return sys_renameat2(olddirfd, oldpath, newdirfd, newpath, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldpath, const char __user *, newpath)
{
	return sys_renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

/* ---------------------------------------------------------------- symlink, link */

SYSCALL_DEFINE3(symlinkat, const char __user *, target, int, newdirfd,
		const char __user *, linkpath)
{
	char *value = getname(target);
	struct upath p;
	long err;

	if (IS_ERR(value))
		return PTR_ERR(value);
	err = upath_get(newdirfd, linkpath, &p);
	if (!err) {
		err = vfs_symlink_at(value, p.start, p.name);
		upath_put(&p);
	}
	putname(value);
	return err;
}

SYSCALL_DEFINE2(symlink, const char __user *, target, const char __user *, linkpath)
{
	return sys_symlinkat(target, AT_FDCWD, linkpath);
}

SYSCALL_DEFINE5(linkat, int, olddirfd, const char __user *, oldpath, int, newdirfd,
		const char __user *, newpath, int, flags)
{
	struct inode *inode;
	struct upath to;
	unsigned int lookup = 0;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_FOLLOW)
		lookup |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup |= AT_EMPTY_PATH;
	/* linkat(2): without AT_SYMLINK_FOLLOW a symlink itself gets the new name. */
	err = vfs_user_lookup(olddirfd, oldpath, lookup, &inode);
	if (err)
		return err;
	err = upath_get(newdirfd, newpath, &to);
	if (!err) {
		err = vfs_link_inode_at(inode, to.start, to.name);
		upath_put(&to);
	}
	inode_put(inode);
	return err;
}

SYSCALL_DEFINE2(link, const char __user *, oldpath, const char __user *, newpath)
{
	return sys_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

/* ---------------------------------------------------------------- getdents64 */

#define GETDENTS_MAX 65536

SYSCALL_DEFINE3(getdents64, int, fd, void __user *, dirp, unsigned int, count)
{
	struct file *f = fd_get(fd);
	struct dirent_buf b = { .ctx = { .actor = dirent_pack } };
	long err;

	if (!f)
		return -EBADF;
	if (f->flags & O_PATH) {
		err = -EBADF;
		goto out;
	}
	b.size = count < GETDENTS_MAX ? count : GETDENTS_MAX;
	b.buf = kmalloc(b.size ? b.size : 1);
	if (!b.buf) {
		err = -ENOMEM;
		goto out;
	}
	err = vfs_iterate(f, &b.ctx);
	if (err)
		goto out_buf;
	if (b.used == 0) {
		/* Nothing copied: end of directory, or the next entry did not fit. */
		struct dirent_buf probe = { .ctx = { .actor = dirent_pack, .pos = f->pos } };
		char one[NAME_MAX + 32];

		probe.buf = one;
		probe.size = sizeof(one);
		if (f->ops->iterate(f, &probe.ctx) == 0 && probe.used)
			err = -EINVAL;	/* "Result buffer is too small" */
		goto out_buf;
	}
	err = copy_to_user(dirp, b.buf, b.used) ? -EFAULT : (long)b.used;
out_buf:
	kfree(b.buf);
out:
	file_put(f);
	return err;
}
