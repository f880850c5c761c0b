/*
 * stat.c - reading and changing what an inode says about itself: stat,
 * access, readlink, chmod, chown, truncate, utimensat.
 *
 * The rules are those of the man pages: only the owner (or root) changes
 * the mode, and a non-root owner's chmod drops the set-group-ID bit unless
 * the file's group is his; only root gives a file away, an owner may only
 * change the group to his own; chown clears the set-user-ID and
 * set-group-ID bits of a non-directory; utimensat may set the times to
 * "now" with write permission, but to chosen values only as owner or root.
 */
#include <kmalloc.h>
#include <string.h>
#include <syscall.h>
#include <task.h>
#include <uaccess.h>
#include "internal.h"

#define AT_NO_AUTOMOUNT 0x800

void vfs_getattr(struct inode *inode, struct linux_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = inode->sb->dev;
	st->st_ino = inode->ino;
	st->st_nlink = inode->nlink;
	st->st_mode = inode->mode;
	st->st_uid = inode->uid;
	st->st_gid = inode->gid;
	st->st_rdev = inode->rdev;
	st->st_size = (int64_t)inode->size;
	st->st_blksize = 4096;
	st->st_blocks = (int64_t)inode->blocks;
	st->st_atime_sec = inode->atime.tv_sec;
	st->st_atime_nsec = inode->atime.tv_nsec;
	st->st_mtime_sec = inode->mtime.tv_sec;
	st->st_mtime_nsec = inode->mtime.tv_nsec;
	st->st_ctime_sec = inode->ctime.tv_sec;
	st->st_ctime_nsec = inode->ctime.tv_nsec;
}

static long put_stat(struct inode *inode, struct linux_stat __user *ust)
{
	struct linux_stat st;

	vfs_getattr(inode, &st);
	return copy_to_user(ust, &st, sizeof(st)) ? -EFAULT : 0;
}

static long fstat_file(struct file *f, struct linux_stat __user *ust)
{
	struct linux_stat st;

	if (f->inode)
		return put_stat(f->inode, ust);
	/* A file without an inode (made by file_alloc() alone): nothing to report. */
	memset(&st, 0, sizeof(st));
	st.st_blksize = 4096;
	return copy_to_user(ust, &st, sizeof(st)) ? -EFAULT : 0;
}

/* An inode from (dirfd, path, AT_* flags) for the calls that accept AT_EMPTY_PATH. */
static long lookup_at(int dirfd, const char __user *path, int at_flags, int follow_default,
		      struct inode **out)
{
	unsigned int flags = 0;

	if (follow_default && !(at_flags & AT_SYMLINK_NOFOLLOW))
		flags |= LOOKUP_FOLLOW;
	if (at_flags & AT_EMPTY_PATH)
		flags |= AT_EMPTY_PATH;
	return vfs_user_lookup(dirfd, path, flags, out);
}

SYSCALL_DEFINE4(newfstatat, int, dirfd, const char __user *, path,
		struct linux_stat __user *, ust, int, flags)
{
	struct inode *inode;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	if ((flags & AT_EMPTY_PATH) && dirfd != AT_FDCWD) {
		char c;

		if (get_user(&c, path))
			return -EFAULT;
		if (c == '\0') {	/* fstat(dirfd), which may be a pipe */
			struct file *f = fd_get(dirfd);

			if (!f)
				return -EBADF;
			err = fstat_file(f, ust);
			file_put(f);
			return err;
		}
	}
	err = lookup_at(dirfd, path, flags, 1, &inode);
	if (err)
		return err;
	err = put_stat(inode, ust);
	inode_put(inode);
	return err;
}

SYSCALL_DEFINE2(stat, const char __user *, path, struct linux_stat __user *, ust)
{
	return sys_newfstatat(AT_FDCWD, path, ust, 0);
}

SYSCALL_DEFINE2(lstat, const char __user *, path, struct linux_stat __user *, ust)
{
	return sys_newfstatat(AT_FDCWD, path, ust, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE2(fstat, int, fd, struct linux_stat __user *, ust)
{
	struct file *f = fd_get(fd);
	long err;

	if (!f)
		return -EBADF;
	err = fstat_file(f, ust);
	file_put(f);
	return err;
}

/* ---------------------------------------------------------------- access */

/* access(2) checks with the real ids, unless AT_EACCESS asks for the effective ones. */
static long do_faccessat(int dirfd, const char __user *path, int mode, int flags)
{
	struct task *t = task_current();
	struct inode *inode;
	uid_t uid;
	gid_t gid;
	long err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = lookup_at(dirfd, path, flags, 1, &inode);
	if (err)
		return err;
	if (flags & AT_EACCESS) {
		vfs_current_ids(&uid, &gid);
	} else {
		uid = t->uid;
		gid = t->gid;
	}
	err = mode ? inode_permission_ids(inode, mode, uid, gid) : 0;
	inode_put(inode);
	return err;
}

SYSCALL_DEFINE2(access, const char __user *, path, int, mode)
{
	return do_faccessat(AT_FDCWD, path, mode, 0);
}

SYSCALL_DEFINE3(faccessat, int, dirfd, const char __user *, path, int, mode)
{
	return do_faccessat(dirfd, path, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dirfd, const char __user *, path, int, mode, int, flags)
{
	return do_faccessat(dirfd, path, mode, flags);
}

/* ---------------------------------------------------------------- readlink */

static long do_readlinkat(int dirfd, const char __user *path, char __user *ubuf, int size)
{
	struct inode *inode;
	char *target;
	long err;

	if (size <= 0)
		return -EINVAL;
	err = vfs_user_lookup(dirfd, path, AT_EMPTY_PATH, &inode);
	if (err)
		return err;
	if (!S_ISLNK(inode->mode)) {
		inode_put(inode);
		return -EINVAL;
	}
	err = walk_read_link(inode, &target);
	inode_put(inode);
	if (err < 0)
		return err;
	if (err > size)
		err = size;	/* truncated, and never NUL-terminated (readlink(2)) */
	if (copy_to_user(ubuf, target, err))
		err = -EFAULT;
	kfree(target);
	return err;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, size)
{
	return do_readlinkat(AT_FDCWD, path, buf, size);
}

SYSCALL_DEFINE4(readlinkat, int, dirfd, const char __user *, path, char __user *, buf,
		int, size)
{
	return do_readlinkat(dirfd, path, buf, size);
}

/* ---------------------------------------------------------------- chmod, chown */

static long chmod_inode(struct inode *inode, mode_t mode)
{
	struct inode_attr attr = { .valid = ATTR_MODE, .mode = mode & S_IALLUGO };
	uid_t uid;
	gid_t gid;

	vfs_current_ids(&uid, &gid);
	if (uid != 0 && uid != inode->uid)
		return -EPERM;
	if (uid != 0 && gid != inode->gid)
		attr.mode &= ~S_ISGID;
	return vfs_setattr(inode, &attr);
}

static long chown_inode(struct inode *inode, uid_t owner, gid_t group)
{
	struct inode_attr attr = { 0 };
	uid_t uid;
	gid_t gid;

	vfs_current_ids(&uid, &gid);
	if (owner != (uid_t)-1 && owner != inode->uid) {
		if (uid != 0)
			return -EPERM;
		attr.valid |= ATTR_UID;
		attr.uid = owner;
	}
	if (group != (gid_t)-1 && group != inode->gid) {
		if (uid != 0 && (uid != inode->uid || group != gid))
			return -EPERM;
		attr.valid |= ATTR_GID;
		attr.gid = group;
	}
	if ((owner != (uid_t)-1 || group != (gid_t)-1) && !S_ISDIR(inode->mode) &&
	    (inode->mode & (S_ISUID | S_ISGID))) {
		attr.valid |= ATTR_MODE;
		attr.mode = inode->mode & S_IALLUGO & ~S_ISUID;
		if (inode->mode & 0010)		/* S_ISGID without group x is mandatory locking */
			attr.mode &= ~S_ISGID;
	}
	return vfs_setattr(inode, &attr);
}

SYSCALL_DEFINE3(fchmodat, int, dirfd, const char __user *, path, mode_t, mode)
{
	struct inode *inode;
	long err = vfs_user_lookup(dirfd, path, LOOKUP_FOLLOW, &inode);

	if (err)
		return err;
	err = chmod_inode(inode, mode);
	inode_put(inode);
	return err;
}

SYSCALL_DEFINE2(chmod, const char __user *, path, mode_t, mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

SYSCALL_DEFINE2(fchmod, int, fd, mode_t, mode)
{
	struct file *f = fd_get(fd);
	long err;

	if (!f)
		return -EBADF;
	err = f->inode && !(f->flags & O_PATH) ? chmod_inode(f->inode, mode) : -EBADF;
	file_put(f);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dirfd, const char __user *, path, uid_t, owner, gid_t, group,
		int, flags)
{
	struct inode *inode;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = lookup_at(dirfd, path, flags, 1, &inode);
	if (err)
		return err;
	err = chown_inode(inode, owner, group);
	inode_put(inode);
	return err;
}

SYSCALL_DEFINE3(chown, const char __user *, path, uid_t, owner, gid_t, group)
{
	return sys_fchownat(AT_FDCWD, path, owner, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, path, uid_t, owner, gid_t, group)
{
	return sys_fchownat(AT_FDCWD, path, owner, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, int, fd, uid_t, owner, gid_t, group)
{
	struct file *f = fd_get(fd);
	long err;

	if (!f)
		return -EBADF;
	err = f->inode && !(f->flags & O_PATH) ? chown_inode(f->inode, owner, group) : -EBADF;
	file_put(f);
	return err;
}

/* ---------------------------------------------------------------- truncate */

static long truncate_inode(struct inode *inode, int64_t length)
{
	struct inode_attr attr = { .valid = ATTR_SIZE, .size = (uint64_t)length };

	if (length < 0)
		return -EINVAL;
	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode))
		return -EINVAL;
	return vfs_setattr(inode, &attr);
}

SYSCALL_DEFINE2(truncate, const char __user *, path, int64_t, length)
{
	struct inode *inode;
	long err = vfs_user_lookup(AT_FDCWD, path, LOOKUP_FOLLOW, &inode);

	if (err)
		return err;
	err = S_ISDIR(inode->mode) ? -EISDIR : inode_permission(inode, MAY_WRITE);
	if (!err)
		err = truncate_inode(inode, length);
	inode_put(inode);
	return err;
}

/* ftruncate(2): the descriptor must be open for writing, else -EINVAL as on Linux. */
SYSCALL_DEFINE2(ftruncate, int, fd, int64_t, length)
{
	struct file *f = fd_get(fd);
	long err;

	if (!f)
		return -EBADF;
	if (f->flags & O_PATH)
		err = -EBADF;
	else if (!f->inode || !S_ISREG(f->inode->mode) || !file_writable(f))
		err = -EINVAL;
	else
		err = truncate_inode(f->inode, length);
	file_put(f);
	return err;
}

/* ---------------------------------------------------------------- utimensat */

static long set_times(struct inode *inode, const struct ktimespec *times)
{
	struct inode_attr attr = { .valid = ATTR_ATIME | ATTR_MTIME };
	struct ktimespec now;
	int explicit = 0;
	uid_t uid;
	gid_t gid;

	vfs_now(&now);
	attr.atime = now;
	attr.mtime = now;
	if (times) {
		for (int i = 0; i < 2; i++) {
			int64_t ns = times[i].tv_nsec;

			if (ns != UTIME_NOW && ns != UTIME_OMIT && (ns < 0 || ns >= 1000000000))
				return -EINVAL;
			if (ns != UTIME_NOW && ns != UTIME_OMIT)
				explicit = 1;
		}
		if (times[0].tv_nsec == UTIME_OMIT)
			attr.valid &= ~ATTR_ATIME;
		else if (times[0].tv_nsec != UTIME_NOW)
			attr.atime = times[0];
		if (times[1].tv_nsec == UTIME_OMIT)
			attr.valid &= ~ATTR_MTIME;
		else if (times[1].tv_nsec != UTIME_NOW)
			attr.mtime = times[1];
		if (!(attr.valid & (ATTR_ATIME | ATTR_MTIME)))
			return 0;
	}
	vfs_current_ids(&uid, &gid);
	if (uid != 0 && uid != inode->uid) {
		if (explicit)
			return -EPERM;
		if (inode_permission(inode, MAY_WRITE))
			return -EACCES;
	}
	return vfs_setattr(inode, &attr);
}

SYSCALL_DEFINE4(utimensat, int, dirfd, const char __user *, path,
		const struct ktimespec __user *, utimes, int, flags)
{
	struct ktimespec times[2];
	struct inode *inode;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (utimes && copy_from_user(times, utimes, sizeof(times)))
		return -EFAULT;
	if (!path) {
		/* futimens(3): the file open as dirfd. */
		struct file *f;

		if (dirfd == AT_FDCWD)
			return -EFAULT;
		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		f = fd_get(dirfd);
		if (!f)
			return -EBADF;
		err = f->inode ? set_times(f->inode, utimes ? times : NULL) : -EBADF;
		file_put(f);
		return err;
	}
	err = lookup_at(dirfd, path, flags, 1, &inode);
	if (err)
		return err;
	err = set_times(inode, utimes ? times : NULL);
	inode_put(inode);
	return err;
}
