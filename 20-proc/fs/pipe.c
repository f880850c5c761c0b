/*
 * pipe.c - pipes and FIFOs (pipe(7), fifo(7)).
 *
 * A pipe is a 64 KiB ring buffer with two wait queues: readers sleep on
 * rd_wait until there is data or no writer is left, writers sleep on
 * wr_wait until there is room or no reader is left.  The rules of pipe(7):
 *
 *   - read returns what is there (at most the count), 0 once every writer
 *     has gone, and -EAGAIN (not 0) when it is empty, writers remain and
 *     the reader asked O_NONBLOCK;
 *   - a write of at most PIPE_BUF bytes goes in whole or waits: it is never
 *     split or interleaved with another writer's; a larger one may be split;
 *   - writing with no reader left raises SIGPIPE and fails with -EPIPE;
 *   - there is no file position: lseek and pread fail with -ESPIPE.
 *
 * pipe(2) makes an anonymous inode on a small internal filesystem (so fstat
 * reports a FIFO, as on Linux).  A FIFO is an inode of any filesystem with
 * S_IFIFO; its pipe exists while someone has it open, and opening one end
 * waits for the other (unless O_NONBLOCK) as fifo(7) says.
 */
#include <kmalloc.h>
#include <vfs_poll.h>
#include <signal.h>
#include <syscall.h>
#include <task.h>
#include <timer.h>
#include <uaccess.h>
#include <wait.h>
#include "internal.h"

#define SIGPIPE 13
#define FIONREAD 0x541B


struct pipe {
	char *buf;			/* PIPE_SIZE bytes, a ring */
	unsigned int head;		/* the oldest unread byte */
	unsigned int len;		/* unread bytes */
	unsigned int readers;		/* open files that read */
	unsigned int writers;		/* open files that write */
	unsigned int reader_opens;	/* FIFO opens for reading so far */
	unsigned int writer_opens;	/* FIFO opens for writing so far */
	struct wait_queue rd_wait;	/* readers and read-openers wait here */
	struct wait_queue wr_wait;	/* writers and write-openers wait here */
};

static struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->buf = kmalloc(PIPE_SIZE);
	if (!p->buf) {
		kfree(p);
		return NULL;
	}
	wait_queue_init(&p->rd_wait);
	wait_queue_init(&p->wr_wait);
	return p;
}

/* With both ends closed, the data goes (a FIFO reopened starts empty). */
static void pipe_maybe_free(struct inode *inode)
{
	struct pipe *p = inode->pipe;

	if (p && !p->readers && !p->writers) {
		inode->pipe = NULL;
		kfree(p->buf);
		kfree(p);
	}
}

/* ---------------------------------------------------------------- reading */

static ssize_t pipe_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	struct pipe *p = f->inode->pipe;
	size_t done = 0;

	if (n == 0)
		return 0;
	while (p->len == 0) {
		long err;

		if (!p->writers)
			return 0;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event(&p->rd_wait, p->len || !p->writers);
		if (err)
			return err;
	}
	if (n > p->len)
		n = p->len;
	while (done < n) {
		size_t chunk = PIPE_SIZE - p->head;

		if (chunk > n - done)
			chunk = n - done;
		if (copy_to_user((char __user *)buf + done, p->buf + p->head, chunk))
			break;
		p->head = (p->head + chunk) % PIPE_SIZE;
		p->len -= chunk;
		done += chunk;
	}
	if (done)
		wake_up(&p->wr_wait);
	return done ? (ssize_t)done : -EFAULT;
}

/* ---------------------------------------------------------------- writing */

/* A position in a list of user iovecs. */
struct iov_pos {
	const struct user_iovec *iov;
	int count, index;
	size_t offset;
};

/* Copy @n bytes from the iovecs to @dst: how many were copied before a fault. */
static size_t iov_copy_in(struct iov_pos *it, char *dst, size_t n)
{
	size_t done = 0;

	while (done < n && it->index < it->count) {
		const struct user_iovec *v = &it->iov[it->index];
		size_t chunk = v->len - it->offset;

		if (chunk > n - done)
			chunk = n - done;
		if (chunk && copy_from_user(dst + done, (const char __user *)v->base + it->offset,
					    chunk))
			break;
		done += chunk;
		it->offset += chunk;
		if (it->offset == v->len) {
			it->index++;
			it->offset = 0;
		}
	}
	return done;
}

/* Append up to @n bytes to the ring: how many went in. */
static size_t ring_fill(struct pipe *p, struct iov_pos *it, size_t n)
{
	size_t done = 0;

	while (done < n) {
		unsigned int tail = (p->head + p->len) % PIPE_SIZE;
		size_t chunk = PIPE_SIZE - tail, got;

		if (chunk > n - done)
			chunk = n - done;
		got = iov_copy_in(it, p->buf + tail, chunk);
		p->len += got;
		done += got;
		if (got < chunk)
			break;
	}
	return done;
}

ssize_t pipe_writev(struct file *f, const struct user_iovec *iov, int count, size_t total)
{
	struct pipe *p = f->inode->pipe;
	struct iov_pos it = { iov, count, 0, 0 };
	size_t written = 0, need = total <= PIPE_BUF ? total : 1;

	if (total == 0)
		return 0;
	for (;;) {
		size_t room, chunk, got;
		long err;

		if (!p->readers) {
			struct ksiginfo info;

			/* As Linux: SI_USER from the writer itself, to the writing thread. */
			ksiginfo_user(&info, SIGPIPE);
			signal_send(task_current(), &info, 1);
			return written ? (ssize_t)written : -EPIPE;
		}
		room = PIPE_SIZE - p->len;
		if (room >= need) {
			chunk = total - written < room ? total - written : room;
			got = ring_fill(p, &it, chunk);
			written += got;
			if (got)
				wake_up(&p->rd_wait);
			if (got < chunk)
				return written ? (ssize_t)written : -EFAULT;
			if (written == total)
				return written;
			need = 1;	/* the rest of a large write may go piecemeal */
			continue;
		}
		if (f->flags & O_NONBLOCK)
			return written ? (ssize_t)written : -EAGAIN;
		err = wait_event(&p->wr_wait, PIPE_SIZE - p->len >= need || !p->readers);
		if (err)
			return written ? (ssize_t)written : err;
	}
}

static ssize_t pipe_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	struct user_iovec one = { (void __user *)buf, n };

	return pipe_writev(f, &one, 1, n);
}

/* ---------------------------------------------------------------- open, close */

/* Opening a FIFO: each end waits for the other unless O_NONBLOCK (fifo(7)). */
static int fifo_open(struct inode *inode, struct file *f)
{
	struct pipe *p;
	unsigned int seen;
	long err = 0;

	if (!inode->pipe) {
		inode->pipe = pipe_alloc();
		if (!inode->pipe)
			return -ENOMEM;
	}
	p = inode->pipe;
	switch (f->flags & O_ACCMODE) {
	case O_RDONLY:
		p->readers++;
		p->reader_opens++;
		wake_up(&p->wr_wait);
		if (!p->writers && !(f->flags & O_NONBLOCK)) {
			seen = p->writer_opens;
			err = wait_event(&p->rd_wait, p->writer_opens != seen);
			if (err)
				p->readers--;
		}
		break;
	case O_WRONLY:
		if (!p->readers && (f->flags & O_NONBLOCK)) {
			err = -ENXIO;	/* no reader: a non-blocking writer cannot wait */
			break;
		}
		p->writers++;
		p->writer_opens++;
		wake_up(&p->rd_wait);
		if (!p->readers) {
			seen = p->reader_opens;
			err = wait_event(&p->wr_wait, p->reader_opens != seen);
			if (err) {
				p->writers--;
				wake_up(&p->rd_wait);
			}
		}
		break;
	default:	/* O_RDWR never waits: it is its own partner */
		p->readers++;
		p->writers++;
		p->reader_opens++;
		p->writer_opens++;
		wake_up(&p->rd_wait);
		wake_up(&p->wr_wait);
		break;
	}
	if (err)
		pipe_maybe_free(inode);
	return err;
}

static void pipe_release(struct file *f)
{
	struct pipe *p = f->inode->pipe;

	if ((f->flags & O_ACCMODE) != O_WRONLY)
		p->readers--;
	if ((f->flags & O_ACCMODE) != O_RDONLY)
		p->writers--;
	/* A reader may now see EOF, a writer EPIPE. */
	wake_up(&p->rd_wait);
	wake_up(&p->wr_wait);
	pipe_maybe_free(f->inode);
}

static long pipe_ioctl(struct file *f, unsigned int cmd, uint64_t arg)
{
	int n = f->inode->pipe->len;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user(&n, (int __user *)(uintptr_t)arg);
}

/* Readable with data or without writers (EOF); writable with room for PIPE_BUF or without readers. */
static unsigned int pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = f->inode->pipe;
	unsigned int acc = f->flags & O_ACCMODE, mask = 0;

	if (acc != O_WRONLY) {
		poll_wait(pt, &p->rd_wait);
		if (p->len)
			mask |= POLLIN | POLLRDNORM;
		if (!p->writers && p->writer_opens)
			mask |= POLLHUP;
	}
	if (acc != O_RDONLY) {
		poll_wait(pt, &p->wr_wait);
		if (PIPE_SIZE - p->len >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	return mask;
}

const struct file_ops fifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.poll = pipe_poll,
	.release = pipe_release,
};

int file_is_pipe(const struct file *f)
{
	return f->ops == &fifo_fops;
}

/* ---------------------------------------------------------------- pipe(2) */

/* The inodes of anonymous pipes live on a filesystem of their own, like Linux's pipefs. */
static struct super_block pipefs;
static const struct inode_ops pipefs_inode_ops;

static void pipefs_release(struct inode *inode)
{
	pipe_maybe_free(inode);
	kfree(inode);
}

static const struct super_ops pipefs_ops = {
	.inode_release = pipefs_release,
};

static struct inode *pipefs_new_inode(void)
{
	struct inode *inode;

	if (!pipefs.ops)
		super_init(&pipefs, "pipefs", vfs_anon_dev_alloc(), &pipefs_ops);
	inode = kzalloc(sizeof(*inode));
	if (!inode)
		return NULL;
	inode_init(inode, &pipefs, S_IFIFO | 0600, &pipefs_inode_ops);
	inode->pipe = pipe_alloc();
	if (!inode->pipe) {
		kfree(inode);
		return NULL;
	}
	return inode;
}

/* One end of a new pipe: takes a reference on @inode and counts itself. */
static struct file *pipe_end(struct inode *inode, unsigned int flags)
{
	struct file *f = file_alloc(&fifo_fops, flags);

	if (!f)
		return NULL;
	f->inode = inode_get(inode);
	/* Count the ends as opens too: POLLHUP means "all the writers that were there are gone". */
	if ((flags & O_ACCMODE) == O_RDONLY) {
		inode->pipe->readers++;
		inode->pipe->reader_opens++;
	} else {
		inode->pipe->writers++;
		inode->pipe->writer_opens++;
	}
	return f;
}

SYSCALL_DEFINE2(pipe2, int __user *, ufds, int, flags)
{
	unsigned int status = flags & (O_NONBLOCK | O_DIRECT);
	struct file *rf, *wf;
	struct inode *inode;
	int fds[2];

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	inode = pipefs_new_inode();
	if (!inode)
		return -ENOMEM;
	rf = pipe_end(inode, O_RDONLY | status);
	wf = rf ? pipe_end(inode, O_WRONLY | status) : NULL;
	inode_put(inode);	/* the files hold it now */
	if (!wf) {
		file_put(rf);
		return -ENOMEM;
	}
	fds[0] = fd_install(rf, !!(flags & O_CLOEXEC));
	if (fds[0] < 0) {
		file_put(wf);
		return fds[0];
	}
	fds[1] = fd_install(wf, !!(flags & O_CLOEXEC));
	if (fds[1] < 0) {
		fd_close(fds[0]);
		return fds[1];
	}
	if (copy_to_user(ufds, fds, sizeof(fds))) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE1(pipe, int __user *, ufds)
{
	return sys_pipe2(ufds, 0);
}
