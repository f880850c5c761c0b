/*
 * fcntl.c - fcntl(2) and ioctl(2): descriptor flags, status flags, and
 * device control.
 *
 * FD_CLOEXEC lives in the descriptor slot (fdtable.c), the status flags in
 * the shared struct file: F_SETFL on one descriptor changes every dup of
 * it, as on Linux.  Only O_APPEND, O_NONBLOCK, O_ASYNC, O_DIRECT and
 * O_NOATIME can change after open(2); the access mode never does.
 */
#include <syscall.h>
#include <uaccess.h>
#include "internal.h"

#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME)

#define FIONCLEX 0x5450
#define FIOCLEX 0x5451
#define FIONBIO 0x5421

SYSCALL_DEFINE3(fcntl, int, fd, unsigned int, cmd, uint64_t, arg)
{
	struct file *f;
	long ret;

	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return fd_dup_from(fd, (long)arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		ret = fd_get_cloexec(fd);
		return ret < 0 ? ret : (ret ? FD_CLOEXEC : 0);
	case F_SETFD:
		return fd_set_cloexec(fd, arg & FD_CLOEXEC);
	case F_GETFL:
	case F_SETFL:
		break;
	default:
		return fd_get_cloexec(fd) < 0 ? -EBADF : -EINVAL;
	}
	f = fd_get(fd);
	if (!f)
		return -EBADF;
	if (cmd == F_GETFL) {
		ret = f->flags;
	} else if (f->flags & O_PATH) {
		ret = -EBADF;
	} else {
		f->flags = (f->flags & ~SETFL_MASK) | ((unsigned int)arg & SETFL_MASK);
		ret = 0;
	}
	file_put(f);
	return ret;
}

SYSCALL_DEFINE3(ioctl, int, fd, unsigned int, cmd, uint64_t, arg)
{
	struct file *f;
	long ret;
	int on;

	/* The descriptor-level requests every file understands (ioctl_list(2)). */
	if (cmd == FIOCLEX || cmd == FIONCLEX)
		return fd_set_cloexec(fd, cmd == FIOCLEX);
	f = fd_get(fd);
	if (!f)
		return -EBADF;
	if (f->flags & O_PATH) {
		ret = -EBADF;
	} else if (cmd == FIONBIO) {
		ret = get_user(&on, (const int __user *)(uintptr_t)arg);
		if (!ret) {
			if (on)
				f->flags |= O_NONBLOCK;
			else
				f->flags &= ~O_NONBLOCK;
		}
	} else if (f->ops->ioctl) {
		ret = f->ops->ioctl(f, cmd, arg);
	} else {
		ret = -ENOTTY;
	}
	file_put(f);
	return ret;
}
