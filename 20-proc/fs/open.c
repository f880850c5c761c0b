/*
 * open.c - opening files (open, openat, creat and the kernel's vfs_open),
 * and the file operations of regular files and directories.
 *
 * The order of checks follows open(2): resolve the path (creating the last
 * component for O_CREAT, following a last symlink unless O_NOFOLLOW),
 * then refuse what the flags forbid (O_EXCL on an existing name,
 * O_DIRECTORY on a non-directory, writing to a directory), check the
 * permission for the access mode (not for a file this open just created),
 * truncate for O_TRUNC, and finally pick the operations: the inode's own,
 * the generic regular-file and directory ones below, the character-device
 * driver for a device node, the pipe code for a FIFO.
 *
 * Regular files are read and written through the filesystem's kernel-buffer
 * operations (inode_ops.read/write) and a one-page bounce buffer, so a
 * filesystem never touches user memory itself.
 */
#include <kmalloc.h>
#include <string.h>
#include <syscall.h>
#include <uaccess.h>
#include "internal.h"

#define SEEK_DATA 3
#define SEEK_HOLE 4
#define BOUNCE_SIZE 4096

/* ---------------------------------------------------------------- regular files */

/*
 * Copies go one user page at a time (never across a page boundary), so a
 * buffer that runs off the end of its mapping transfers everything up to
 * the bad page and the call returns that short count - Linux's behaviour;
 * only a fault before the first byte is -EFAULT.
 */
static size_t user_chunk(uintptr_t uaddr, size_t left)
{
	size_t to_page_end = BOUNCE_SIZE - (uaddr & (BOUNCE_SIZE - 1));

	return left < to_page_end ? left : to_page_end;
}

static ssize_t reg_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct inode *inode = f->inode;
	char *bounce;
	size_t done = 0;
	ssize_t ret = 0;

	if (!inode->ops || !inode->ops->read)
		return -EINVAL;
	if (n == 0)
		return 0;
	bounce = kmalloc(BOUNCE_SIZE);
	if (!bounce)
		return -ENOMEM;
	while (done < n) {
		size_t chunk = user_chunk((__force uintptr_t)buf + done, n - done);

		ret = inode->ops->read(inode, bounce, chunk, *pos);
		if (ret <= 0)
			break;
		if (copy_to_user((char __user *)buf + done, bounce, ret)) {
			ret = -EFAULT;
			break;
		}
		done += ret;
		*pos += ret;
		if ((size_t)ret < chunk)
			break;	/* end of file */
	}
	kfree(bounce);
	return done ? (ssize_t)done : ret;
}

static ssize_t reg_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	struct inode *inode = f->inode;
	char *bounce;
	size_t done = 0;
	ssize_t ret = 0;

	if (!inode->ops || !inode->ops->write)
		return -EINVAL;
	if (f->flags & O_APPEND)
		*pos = inode->size;	/* each write(2) goes to the end, atomically */
	if (n == 0)
		return 0;
	bounce = kmalloc(BOUNCE_SIZE);
	if (!bounce)
		return -ENOMEM;
	while (done < n) {
		size_t chunk = user_chunk((__force uintptr_t)buf + done, n - done);

		if (copy_from_user(bounce, (const char __user *)buf + done, chunk)) {
			ret = -EFAULT;
			break;
		}
		ret = inode->ops->write(inode, bounce, chunk, *pos);
		if (ret <= 0)
			break;
		done += ret;
		*pos += ret;
		if ((size_t)ret < chunk)
			break;
	}
	kfree(bounce);
	return done ? (ssize_t)done : ret;
}

static int64_t reg_llseek(struct file *f, int64_t offset, int whence)
{
	int64_t size = (int64_t)f->inode->size, base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)f->pos;
		break;
	case SEEK_END:
		base = size;
		break;
	case SEEK_DATA:	/* no holes are reported: data runs to EOF */
		if (offset < 0 || offset >= size)
			return -ENXIO;
		return f->pos = offset;
	case SEEK_HOLE:
		if (offset < 0 || offset >= size)
			return -ENXIO;
		return f->pos = size;
	default:
		return -EINVAL;
	}
	if ((offset > 0 && base > INT64_MAX - offset) || base + offset < 0)
		return -EINVAL;
	f->pos = base + offset;
	return (int64_t)f->pos;
}

static const struct file_ops reg_fops = {
	.read = reg_read,
	.write = reg_write,
	.llseek = reg_llseek,
};

/* ---------------------------------------------------------------- directories */

static ssize_t dir_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	return -EISDIR;
}

/* A directory position is the filesystem's cookie: any value can be set back. */
static int64_t dir_llseek(struct file *f, int64_t offset, int whence)
{
	if (whence == SEEK_CUR) {
		if (offset < 0 && (uint64_t)-offset > f->pos)
			return -EINVAL;
		offset += (int64_t)f->pos;
	} else if (whence != SEEK_SET) {
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	f->pos = (uint64_t)offset;
	return offset;
}

static int dir_iterate(struct file *f, struct dir_context *ctx)
{
	struct inode *inode = f->inode;

	if (!inode->ops || !inode->ops->iterate)
		return -ENOTDIR;
	return inode->ops->iterate(inode, ctx);
}

static const struct file_ops dir_fops = {
	.read = dir_read,
	.llseek = dir_llseek,
	.iterate = dir_iterate,
};

/* An O_PATH file: a name handle; read, write and ioctl fail with -EBADF. */
static const struct file_ops path_fops;

int vfs_iterate(struct file *f, struct dir_context *ctx)
{
	int err;

	if ((f->flags & O_PATH) || !f->ops || !f->ops->iterate)
		return -ENOTDIR;
	ctx->pos = f->pos;
	err = f->ops->iterate(f, ctx);
	f->pos = ctx->pos;
	return err;
}

/* ---------------------------------------------------------------- open */

/* Resolve @path for open(2): the inode (a reference) and whether this call made it. */
static int open_lookup(struct inode *start, const char *path, int flags, mode_t mode,
		       struct inode **out, int *created)
{
	struct walk_parent wp = { .links = 0 };
	struct inode *base = inode_get(start);
	char *owned = NULL;
	int err;

	*created = 0;
	for (;;) {
		struct inode *inode;
		char *target;

		err = walk_parent_at(base, path, &wp);
		if (err)
			break;
		if (wp.kind != LAST_NORMAL) {
			/* "/", ".", "..": never created, always directories. */
			walk_parent_done(&wp);
			if (flags & O_CREAT) {
				err = -EISDIR;
				break;
			}
			err = walk_at(base, path, LOOKUP_FOLLOW, &wp.links, out);
			break;
		}
		err = walk_lookup_last(&wp, &inode);
		if (err == -ENOENT && (flags & O_CREAT)) {
			if (wp.trailing_slash)
				err = -EISDIR;
			else
				err = vfs_create_in(&wp, S_IFREG | (mode & ~fsctx_umask() & S_IALLUGO),
						    0, out);
			*created = !err;
			walk_parent_done(&wp);
			break;
		}
		if (err) {
			walk_parent_done(&wp);
			break;
		}
		if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
			err = -EEXIST;	/* even a dangling symlink: O_EXCL never follows */
			inode_put(inode);
			walk_parent_done(&wp);
			break;
		}
		if (!S_ISLNK(inode->mode) || (flags & O_NOFOLLOW)) {
			walk_parent_done(&wp);
			if (S_ISLNK(inode->mode) && !(flags & O_PATH)) {
				inode_put(inode);
				err = -ELOOP;
				break;
			}
			if (wp.trailing_slash && !S_ISDIR(inode->mode)) {
				inode_put(inode);
				err = -ENOTDIR;
				break;
			}
			*out = inode;
			break;
		}
		/* The last component is a symlink: go on with its target, from its directory. */
		if (++wp.links > SYMLINK_MAX) {
			inode_put(inode);
			walk_parent_done(&wp);
			err = -ELOOP;
			break;
		}
		err = walk_read_link(inode, &target);
		inode_put(inode);
		if (err >= 0 && wp.trailing_slash) {
			if (err + 1 >= PATH_MAX)
				err = -ENAMETOOLONG;
			else
				memcpy(target + err, "/", 2);
		}
		if (err < 0) {
			walk_parent_done(&wp);
			break;
		}
		if (target[0] == '\0') {
			kfree(target);
			walk_parent_done(&wp);
			err = -ENOENT;
			break;
		}
		kfree(owned);
		owned = target;
		path = target;
		inode_put(base);
		base = wp.dir;		/* the reference moves */
		wp.dir = NULL;
	}
	kfree(owned);
	inode_put(base);
	return err;
}

/* The operations an open of @inode gets (not for O_PATH). */
static int open_ops(struct inode *inode, const struct file_ops **ops)
{
	const struct chrdev *dev;

	switch (inode->mode & S_IFMT) {
	case S_IFREG:
		*ops = inode->fops ? inode->fops : &reg_fops;
		return 0;
	case S_IFDIR:
		*ops = inode->fops ? inode->fops : &dir_fops;
		return 0;
	case S_IFCHR:
		dev = chrdev_find(inode->rdev);
		if (!dev)
			return -ENXIO;
		*ops = dev->ops;
		return 0;
	case S_IFIFO:
		*ops = &fifo_fops;
		return 0;
	default:	/* block devices, sockets: nothing drives them here */
		return -ENXIO;
	}
}

int vfs_open_at(struct inode *start, const char *path, int flags, mode_t mode,
		struct file **out)
{
	const struct file_ops *ops = &path_fops;
	int acc = flags & O_ACCMODE, created, err, may = 0;
	struct inode *inode;
	struct file *f;

	if ((flags & O_TMPFILE) == O_TMPFILE)
		return -EOPNOTSUPP;
	if ((flags & O_CREAT) && (flags & O_DIRECTORY))
		return -EINVAL;
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	else if (acc == 3)
		return -EINVAL;
	err = open_lookup(start, path, flags, mode, &inode, &created);
	if (err)
		return err;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode)) {
		err = -ENOTDIR;
		goto out_inode;
	}
	if ((flags & O_CREAT) && S_ISDIR(inode->mode)) {
		err = -EISDIR;
		goto out_inode;
	}
	if (!(flags & O_PATH)) {
		if (acc != O_WRONLY)
			may |= MAY_READ;
		if (acc != O_RDONLY || (flags & O_TRUNC))
			may |= MAY_WRITE;
		if (S_ISDIR(inode->mode) && (may & MAY_WRITE)) {
			err = -EISDIR;
			goto out_inode;
		}
		if (!created) {
			err = inode_permission(inode, may);
			if (err)
				goto out_inode;
		}
		err = open_ops(inode, &ops);
		if (err)
			goto out_inode;
		if ((flags & O_TRUNC) && S_ISREG(inode->mode) && !created && inode->size) {
			struct inode_attr attr = { .valid = ATTR_SIZE, .size = 0 };

			err = vfs_setattr(inode, &attr);
			if (err)
				goto out_inode;
		}
	}
	f = file_alloc(ops, (flags & ~O_CLOEXEC) | O_LARGEFILE);
	if (!f) {
		err = -ENOMEM;
		goto out_inode;
	}
	f->inode = inode;
	if (ops->open) {
		err = ops->open(inode, f);
		if (err) {
			f->ops = &path_fops;	/* never opened: no release */
			file_put(f);
			return err;
		}
	}
	/* As Linux: the open operation saw them; the file keeps none of them. */
	f->flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	*out = f;
	return 0;
out_inode:
	inode_put(inode);
	return err;
}

int vfs_open(const char *path, int flags, mode_t mode, struct file **out)
{
	struct inode *cwd = fsctx_cwd();
	int err = vfs_open_at(cwd, path, flags, mode, out);

	inode_put(cwd);
	return err;
}

static long do_openat(int dirfd, const char __user *upath, int flags, mode_t mode)
{
	char *path = getname(upath);
	struct inode *start;
	struct file *f;
	long err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	if (path[0] == '\0') {
		err = -ENOENT;
		goto out;
	}
	err = dirfd_start(dirfd, path, &start);
	if (err)
		goto out;
	err = vfs_open_at(start, path, flags, mode, &f);
	inode_put(start);
	if (!err)
		err = fd_install(f, !!(flags & O_CLOEXEC));
out:
	putname(path);
	return err;
}

SYSCALL_DEFINE3(open, const char __user *, path, int, flags, mode_t, mode)
{
	return do_openat(AT_FDCWD, path, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dirfd, const char __user *, path, int, flags, mode_t, mode)
{
	return do_openat(dirfd, path, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, path, mode_t, mode)
{
	return do_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* ---------------------------------------------------------------- for the kernel */

int file_readable(const struct file *f)
{
	return !(f->flags & O_PATH) && (f->flags & O_ACCMODE) != O_WRONLY;
}

int file_writable(const struct file *f)
{
	return !(f->flags & O_PATH) && (f->flags & O_ACCMODE) != O_RDONLY;
}

ssize_t file_pread_kernel(struct file *f, void *buf, size_t n, uint64_t off)
{
	struct inode *inode = f->inode;

	if (!file_readable(f))
		return -EBADF;
	if (!inode || !S_ISREG(inode->mode) || !inode->ops || !inode->ops->read)
		return -EINVAL;
	return inode->ops->read(inode, buf, n, off);
}

int file_exec_check(struct file *f)
{
	struct inode *inode = f->inode;

	if (!inode || !S_ISREG(inode->mode))
		return -EACCES;
	return inode_permission(inode, MAY_EXEC);
}

int file_mmap_check(struct file *f, int prot_write_shared)
{
	struct inode *inode = f->inode;

	if (!inode || !S_ISREG(inode->mode) || (f->flags & O_PATH))
		return -ENODEV;
	if (!file_readable(f))
		return -EACCES;
	if (prot_write_shared && !file_writable(f))
		return -EACCES;
	return 0;
}

uint64_t file_size(struct file *f)
{
	return f->inode ? f->inode->size : 0;
}
