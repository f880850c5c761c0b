/*
 * fdtable.c - descriptor tables: the numbers a process uses to name its
 * open files, and close, close_range, dup, dup2, dup3.
 *
 * A table is an array of slots that doubles when a descriptor beyond its
 * end is needed, up to RLIMIT_NOFILE (and FILES_MAX).  A new descriptor is
 * always the lowest free one (open(2): "the lowest-numbered file descriptor
 * not currently open"), which shells rely on for redirections.  FD_CLOEXEC
 * belongs to the slot, not the file: dup(2) and dup2(2) clear it on the new
 * descriptor, dup3(2) sets it from O_CLOEXEC.
 */
#include <kmalloc.h>
#include <string.h>
#include <syscall.h>
#include <task.h>
#include "internal.h"

#define RLIMIT_NOFILE 7
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)

/* How many descriptors the current process may have. */
static unsigned int fd_limit(void)
{
	struct task *t = task_current();
	uint64_t lim = t ? t->rlimits[RLIMIT_NOFILE][0] : 0;

	/* 0 means "never set" (the table starts zeroed); infinity is capped. */
	return lim == 0 || lim > FILES_MAX ? FILES_MAX : (unsigned int)lim;
}

static struct files *cur_files(void)
{
	struct task *t = task_current();

	return t ? t->files : NULL;
}

/* Make slot @fd exist. */
static int files_grow(struct files *f, unsigned int fd)
{
	unsigned int size = f->size ? f->size : 16;
	struct fd_slot *slots;

	if (fd < f->size)
		return 0;
	while (size <= fd)
		size *= 2;
	if (size > FILES_MAX)
		size = FILES_MAX;
	slots = kzalloc(size * sizeof(*slots));
	if (!slots)
		return -ENOMEM;
	if (f->size)
		memcpy(slots, f->slots, f->size * sizeof(*slots));
	kfree(f->slots);
	f->slots = slots;
	f->size = size;
	return 0;
}

struct files *files_create(void)
{
	struct files *f = kzalloc(sizeof(*f));

	if (f)
		f->refs = 1;
	return f;
}

struct files *files_dup(struct files *old)
{
	struct files *f = files_create();

	if (!f)
		return NULL;
	if (old->size) {
		f->slots = kmalloc(old->size * sizeof(*f->slots));
		if (!f->slots) {
			kfree(f);
			return NULL;
		}
		f->size = old->size;
		for (unsigned int i = 0; i < old->size; i++) {
			f->slots[i] = old->slots[i];
			if (f->slots[i].file)
				file_get(f->slots[i].file);
		}
	}
	return f;
}

struct files *files_get(struct files *f)
{
	f->refs++;
	return f;
}

void files_put(struct files *f)
{
	if (!f || --f->refs)
		return;
	for (unsigned int i = 0; i < f->size; i++)
		file_put(f->slots[i].file);
	kfree(f->slots);
	kfree(f);
}

void files_close_on_exec(struct files *f)
{
	for (unsigned int i = 0; i < f->size; i++) {
		if (f->slots[i].file && f->slots[i].cloexec) {
			struct file *file = f->slots[i].file;

			f->slots[i].file = NULL;
			f->slots[i].cloexec = 0;
			file_put(file);
		}
	}
}

/* Put @file in the lowest free slot >= @min; the reference moves in only on success. */
static int fd_alloc(struct files *f, struct file *file, unsigned int min, int cloexec)
{
	unsigned int limit = fd_limit(), fd;
	int err;

	for (fd = min; fd < f->size && f->slots[fd].file; fd++)
		;
	if (fd >= limit)
		return -EMFILE;
	err = files_grow(f, fd);
	if (err)
		return err;
	f->slots[fd].file = file;
	f->slots[fd].cloexec = !!cloexec;
	return fd;
}

int fd_install(struct file *file, int cloexec)
{
	struct files *f = cur_files();
	int fd;

	if (!f) {
		file_put(file);
		return -EMFILE;
	}
	fd = fd_alloc(f, file, 0, cloexec);
	if (fd < 0)
		file_put(file);
	return fd;
}

/* The slot of open descriptor @fd, or NULL. */
static struct fd_slot *fd_slot(int fd)
{
	struct files *f = cur_files();

	if (!f || fd < 0 || (unsigned int)fd >= f->size || !f->slots[fd].file)
		return NULL;
	return &f->slots[fd];
}

struct file *fd_get(int fd)
{
	struct fd_slot *s = fd_slot(fd);

	return s ? file_get(s->file) : NULL;
}

struct file *fd_get_err(int fd)
{
	struct file *f = fd_get(fd);

	return f ? f : ERR_PTR(-EBADF);
}

int fd_get_cloexec(int fd)
{
	struct fd_slot *s = fd_slot(fd);

	return s ? (int)s->cloexec : -EBADF;
}

int fd_set_cloexec(int fd, int on)
{
	struct fd_slot *s = fd_slot(fd);

	if (!s)
		return -EBADF;
	s->cloexec = !!on;
	return 0;
}

int fd_close(int fd)
{
	struct fd_slot *s = fd_slot(fd);
	struct file *file;

	if (!s)
		return -EBADF;
	file = s->file;
	s->file = NULL;
	s->cloexec = 0;
	file_put(file);		/* last: release may sleep (a FIFO wakes its peers) */
	return 0;
}

SYSCALL_DEFINE1(close, int, fd)
{
	return fd_close(fd);
}

SYSCALL_DEFINE3(close_range, unsigned int, first, unsigned int, last, unsigned int, flags)
{
	struct task *t = task_current();
	struct files *f = t->files;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC) || first > last)
		return -EINVAL;
	if ((flags & CLOSE_RANGE_UNSHARE) && f->refs > 1) {
		struct files *copy = files_dup(f);

		if (!copy)
			return -ENOMEM;
		files_put(f);
		t->files = f = copy;
	}
	for (unsigned int fd = first; fd < f->size && fd <= last; fd++) {
		if (!f->slots[fd].file)
			continue;
		if (flags & CLOSE_RANGE_CLOEXEC)
			f->slots[fd].cloexec = 1;
		else
			fd_close(fd);
	}
	return 0;
}

/* dup2/dup3 core: make @newfd refer to @oldfd's file, closing what it was. */
static long do_dup3(int oldfd, int newfd, int cloexec)
{
	struct files *f = cur_files();
	struct fd_slot *old = fd_slot(oldfd);
	struct file *prev;
	int err;

	if (!old)
		return -EBADF;
	if (newfd < 0 || (unsigned int)newfd >= fd_limit())
		return -EBADF;
	err = files_grow(f, newfd);
	if (err)
		return err;
	old = fd_slot(oldfd);	/* growing moved the slots */
	prev = f->slots[newfd].file;
	f->slots[newfd].file = file_get(old->file);
	f->slots[newfd].cloexec = !!cloexec;
	file_put(prev);
	return newfd;
}

SYSCALL_DEFINE1(dup, int, oldfd)
{
	struct file *file = fd_get(oldfd);
	int fd;

	if (!file)
		return -EBADF;
	fd = fd_alloc(cur_files(), file, 0, 0);
	if (fd < 0)
		file_put(file);
	return fd;
}

SYSCALL_DEFINE2(dup2, int, oldfd, int, newfd)
{
	if (oldfd == newfd)
		return fd_slot(oldfd) ? newfd : -EBADF;
	return do_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE3(dup3, int, oldfd, int, newfd, int, flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup3(oldfd, newfd, flags & O_CLOEXEC);
}

/* F_DUPFD and F_DUPFD_CLOEXEC: the lowest free descriptor >= @min. */
long fd_dup_from(int oldfd, long min, int cloexec)
{
	struct file *file;
	int fd;

	if (min < 0 || (unsigned long)min >= fd_limit())
		return -EINVAL;
	file = fd_get(oldfd);
	if (!file)
		return -EBADF;
	fd = fd_alloc(cur_files(), file, (unsigned int)min, cloexec);
	if (fd < 0)
		file_put(file);
	return fd;
}
