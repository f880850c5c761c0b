/*
 * memdev.c - the memory character devices of major 1 (mem(4), null(4)):
 * /dev/null (1:3), /dev/zero (1:5) and /dev/full (1:7).
 *
 *   null: reads give end of file, writes swallow everything;
 *   zero: reads give zero bytes, writes swallow everything;
 *   full: reads give zero bytes, writes fail with -ENOSPC.
 *
 * Seeking succeeds and leaves the position at 0, as Linux's null_lseek does,
 * so pread/pwrite work on them too.
 */
#include <uaccess.h>
#include "internal.h"

static ssize_t null_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	return n;
}

static ssize_t zero_read(struct file *f, void __user *buf, size_t n, uint64_t *pos)
{
	return clear_user(buf, n) ? -EFAULT : (ssize_t)n;
}

static ssize_t full_write(struct file *f, const void __user *buf, size_t n, uint64_t *pos)
{
	return -ENOSPC;
}

static int64_t mem_llseek(struct file *f, int64_t offset, int whence)
{
	f->pos = 0;
	return 0;
}

static const struct file_ops null_fops = {
	.read = null_read,
	.write = null_write,
	.llseek = mem_llseek,
};

static const struct file_ops zero_fops = {
	.read = zero_read,
	.write = null_write,
	.llseek = mem_llseek,
};

static const struct file_ops full_fops = {
	.read = zero_read,
	.write = full_write,
	.llseek = mem_llseek,
};

static const struct chrdev null_dev = { "null", 1, 3, 1, &null_fops };
static const struct chrdev zero_dev = { "zero", 1, 5, 1, &zero_fops };
static const struct chrdev full_dev = { "full", 1, 7, 1, &full_fops };

CHRDEV_REGISTER(null_dev);
CHRDEV_REGISTER(zero_dev);
CHRDEV_REGISTER(full_dev);
