/*
 * read_write.c - moving bytes: read, write, readv, writev, pread64,
 * pwrite64, lseek; and fsync, fdatasync, sync.
 *
 * Every call takes its own reference on the file for its duration, so
 * another thread closing the descriptor meanwhile (CLONE_FILES) cannot free
 * the file under a read that sleeps.  The checks are read(2)'s: -EBADF for
 * a descriptor not open for that direction (or opened O_PATH), -EINVAL for
 * a file that cannot do it, -ESPIPE for positioned I/O on a pipe or
 * terminal (no llseek).  Counts are capped at RW_MAX as Linux caps them.
 */
#include <kmalloc.h>
#include <syscall.h>
#include <uaccess.h>
#include "internal.h"

#define IOV_MAX 1024

static ssize_t do_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	if (!file_readable(f))
		return -EBADF;
	if (!f->ops->read)
		return -EINVAL;
	if (n > RW_MAX)
		n = RW_MAX;
	return f->ops->read(f, buf, n, pos);
}

static ssize_t do_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	if (!file_writable(f))
		return -EBADF;
	if (!f->ops->write)
		return -EINVAL;
	if (n > RW_MAX)
		n = RW_MAX;
	return f->ops->write(f, buf, n, pos);
}

SYSCALL_DEFINE3(read, int, fd, void __user *, buf, size_t, count)
{
	struct file *f = fd_get(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = do_read(f, buf, count, &f->pos);
	file_put(f);
	return ret;
}

SYSCALL_DEFINE3(write, int, fd, const void __user *, buf, size_t, count)
{
	struct file *f = fd_get(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = do_write(f, buf, count, &f->pos);
	file_put(f);
	return ret;
}

/* pread and pwrite need a seekable file and a non-negative offset. */
static struct file *positioned_file(int fd, int64_t off, long *err)
{
	struct file *f = fd_get(fd);

	*err = 0;
	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	if (!f->ops->llseek)
		*err = -ESPIPE;
	else if (off < 0)
		*err = -EINVAL;
	if (*err) {
		file_put(f);
		return NULL;
	}
	return f;
}

SYSCALL_DEFINE4(pread64, int, fd, void __user *, buf, size_t, count, int64_t, off)
{
	uint64_t pos = (uint64_t)off;
	long err;
	struct file *f = positioned_file(fd, off, &err);
	ssize_t ret;

	if (!f)
		return err;
	ret = do_read(f, buf, count, &pos);
	file_put(f);
	return ret;
}

SYSCALL_DEFINE4(pwrite64, int, fd, const void __user *, buf, size_t, count, int64_t, off)
{
	uint64_t pos = (uint64_t)off;
	long err;
	struct file *f = positioned_file(fd, off, &err);
	ssize_t ret;

	if (!f)
		return err;
	ret = do_write(f, buf, count, &pos);
	file_put(f);
	return ret;
}

/* Copy in and check a user iovec array: the total, or -EINVAL/-EFAULT. */
static ssize_t iov_fetch(const void __user *uiov, int count, struct user_iovec **out)
{
	struct user_iovec *iov;
	size_t total = 0;

	if (count < 0 || count > IOV_MAX)
		return -EINVAL;
	iov = kmalloc(count ? count * sizeof(*iov) : 1);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, uiov, count * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (int i = 0; i < count; i++) {
		if (iov[i].len > (size_t)INT64_MAX - total) {
			kfree(iov);
			return -EINVAL;
		}
		total += iov[i].len;
	}
	*out = iov;
	return total > RW_MAX ? RW_MAX : total;
}

/* Each segment in turn at *pos; a short transfer ends the call (readv(2), writev(2)). */
static ssize_t vec_rw(struct file *f, const struct user_iovec *iov, int count, ssize_t total,
		      uint64_t *pos, int write)
{
	ssize_t done = 0, ret = 0;

	if (write && file_is_pipe(f) && file_writable(f))
		/* One pipe write for all segments: atomic up to PIPE_BUF, never interleaved. */
		return pipe_writev(f, iov, count, total);
	for (int i = 0; i < count && done < total; i++) {
		size_t n = iov[i].len;

		if (n > (size_t)(total - done))
			n = total - done;
		if (n == 0)
			continue;
		ret = write ? do_write(f, iov[i].base, n, pos) : do_read(f, iov[i].base, n, pos);
		if (ret <= 0)
			break;
		done += ret;
		if ((size_t)ret < n)
			break;
	}
	return done ? done : ret;
}

/*
 * The four vector calls in one: @off < 0 uses (and moves) the file position
 * (readv, writev, and preadv2 with offset -1); otherwise the position is
 * left alone (preadv, pwritev).
 */
static long do_vec(int fd, const void __user *uiov, int count, int64_t off, int write)
{
	struct user_iovec *iov;
	struct file *f;
	uint64_t pos;
	ssize_t total, ret;
	long err;

	if (off >= 0) {
		f = positioned_file(fd, off, &err);
		if (!f)
			return err;
	} else {
		f = fd_get(fd);
		if (!f)
			return -EBADF;
	}
	total = iov_fetch(uiov, count, &iov);
	if (total < 0) {
		file_put(f);
		return total;
	}
	pos = off >= 0 ? (uint64_t)off : f->pos;
	ret = vec_rw(f, iov, count, total, &pos, write);
	if (off < 0)
		f->pos = pos;
	kfree(iov);
	file_put(f);
	return ret;
}

SYSCALL_DEFINE3(readv, int, fd, const void __user *, uiov, int, count)
{
	return do_vec(fd, uiov, count, -1, 0);
}

SYSCALL_DEFINE3(writev, int, fd, const void __user *, uiov, int, count)
{
	return do_vec(fd, uiov, count, -1, 1);
}

/* On x86_64 the whole offset is in pos_l; pos_h exists for 32-bit ABIs. */
SYSCALL_DEFINE5(preadv, int, fd, const void __user *, uiov, int, count, int64_t, pos_l,
		int64_t, pos_h)
{
	return pos_l < 0 ? -EINVAL : do_vec(fd, uiov, count, pos_l, 0);
}

SYSCALL_DEFINE5(pwritev, int, fd, const void __user *, uiov, int, count, int64_t, pos_l,
		int64_t, pos_h)
{
	return pos_l < 0 ? -EINVAL : do_vec(fd, uiov, count, pos_l, 1);
}

/* No RWF_* flags are supported; offset -1 means the file position. */
SYSCALL_DEFINE6(preadv2, int, fd, const void __user *, uiov, int, count, int64_t, pos_l,
		int64_t, pos_h, int, flags)
{
	if (flags)
		return -EOPNOTSUPP;
	return pos_l < -1 ? -EINVAL : do_vec(fd, uiov, count, pos_l, 0);
}

SYSCALL_DEFINE6(pwritev2, int, fd, const void __user *, uiov, int, count, int64_t, pos_l,
		int64_t, pos_h, int, flags)
{
	if (flags)
		return -EOPNOTSUPP;
	return pos_l < -1 ? -EINVAL : do_vec(fd, uiov, count, pos_l, 1);
}

SYSCALL_DEFINE3(lseek, int, fd, int64_t, offset, int, whence)
{
	struct file *f = fd_get(fd);
	int64_t ret;

	if (!f)
		return -EBADF;
	if (f->flags & O_PATH)
		ret = -EBADF;
	else if (!f->ops->llseek)
		ret = -ESPIPE;
	else
		ret = f->ops->llseek(f, offset, whence);
	file_put(f);
	return ret;
}

/*
 * The root ramfs keeps everything in RAM, so there is nothing to write
 * back; a filesystem with a disk (layer 40) does it in super_ops.sync.
 */
static long sync_file(int fd)
{
	struct file *f = fd_get(fd);
	long err = 0;

	if (!f)
		return -EBADF;
	if (f->inode && f->inode->sb->ops && f->inode->sb->ops->sync)
		err = f->inode->sb->ops->sync(f->inode->sb);
	file_put(f);
	return err;
}

SYSCALL_DEFINE1(fsync, int, fd)
{
	return sync_file(fd);
}

SYSCALL_DEFINE1(fdatasync, int, fd)
{
	return sync_file(fd);
}

SYSCALL_DEFINE0(sync)
{
	super_sync_all();
	return 0;
}
