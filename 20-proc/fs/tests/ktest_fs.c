/*
 * ktest_fs.c - the VFS in the running kernel: the root ramfs exists,
 * an initramfs unpacks into it, files open and read through vfs_open(),
 * directories list through a kernel dir_context, device nodes reach their
 * registered drivers, and descriptors are allocated lowest first.
 *
 * Everything is made under /ktest_fs* so the tests do not disturb the
 * unpacked initramfs.
 */
#include <format.h>
#include <kmalloc.h>
#include <ktest.h>
#include <string.h>
#include <task.h>
#include <vfs.h>
#include "../internal.h"

/* Append one newc member to @buf at *@len (the test's own writer, not cpio.c). */
static void put_member(char *buf, size_t *len, const char *name, unsigned int mode,
		       unsigned int rmaj, unsigned int rmin, const char *data)
{
	size_t size = strlen(data), namesize = strlen(name) + 1;

	*len += ksnprintf(buf + *len, 111,
			  "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
			  1u, mode, 0u, 0u, 1u, 0u, (unsigned int)size, 0u, 0u, rmaj, rmin,
			  (unsigned int)namesize, 0u);
	memcpy(buf + *len, name, namesize);
	*len += namesize;
	while (*len % 4)
		buf[(*len)++] = 0;
	memcpy(buf + *len, data, size);
	*len += size;
	while (*len % 4)
		buf[(*len)++] = 0;
}

static int unpack_sample(void)
{
	char *buf = kzalloc(4096);
	size_t len = 0;
	int err;

	if (!buf)
		return -ENOMEM;
	put_member(buf, &len, "ktest_fs", 0040755, 0, 0, "");
	put_member(buf, &len, "ktest_fs/hello", 0100755, 0, 0, "hi there\n");
	put_member(buf, &len, "ktest_fs/data", 0100644, 0, 0, "plain");
	put_member(buf, &len, "ktest_fs/link", 0120777, 0, 0, "hello");
	put_member(buf, &len, "ktest_fs/null", 0020666, 1, 3, "");
	put_member(buf, &len, "ktest_fs/nodev", 0020666, 1, 99, "");
	put_member(buf, &len, "TRAILER!!!", 0, 0, 0, "");
	err = initramfs_unpack(buf, len);
	kfree(buf);
	return err;
}

KTEST(vfs_root_ramfs_exists_at_boot)
{
	struct inode *root = vfs_root();

	KT_ASSERT(root != NULL);
	KT_ASSERT(S_ISDIR(root->mode));
	KT_ASSERT(fs_type_find("ramfs") != NULL);
	KT_ASSERT(fs_type_find("no_such_fs") == NULL);
}

KTEST(vfs_initramfs_unpacks_and_files_read_back_through_vfs_open)
{
	struct file *f;
	char buf[32];

	KT_EQ(unpack_sample(), 0);
	KT_EQ(vfs_open("/ktest_fs/link", O_RDONLY, 0, &f), 0);	/* through the symlink */
	KT_EQ(file_size(f), 9);
	KT_EQ(file_pread_kernel(f, buf, sizeof(buf), 0), 9);
	KT_ASSERT(memcmp(buf, "hi there\n", 9) == 0);
	KT_EQ(file_pread_kernel(f, buf, sizeof(buf), 3), 6);
	KT_EQ(file_exec_check(f), 0);
	KT_EQ(file_mmap_check(f, 0), 0);
	KT_EQ(file_mmap_check(f, 1), -EACCES);	/* shared writable needs O_RDWR */
	file_put(f);
	KT_EQ(vfs_open("/ktest_fs/data", O_RDONLY, 0, &f), 0);
	KT_EQ(file_exec_check(f), -EACCES);	/* no x bit: not even root */
	file_put(f);
	KT_EQ(vfs_open("/ktest_fs", O_RDONLY, 0, &f), 0);
	KT_EQ(file_exec_check(f), -EACCES);
	KT_EQ(file_mmap_check(f, 0), -ENODEV);
	KT_EQ(file_pread_kernel(f, buf, 1, 0), -EINVAL);
	file_put(f);
	KT_EQ(vfs_open("/ktest_fs/missing", O_RDONLY, 0, &f), -ENOENT);
}

KTEST(vfs_corrupt_initramfs_is_refused_and_the_kernel_goes_on)
{
	static const char junk[200] = "070701zzzz";

	KT_EQ(initramfs_unpack(junk, sizeof(junk)), -EINVAL);
}

struct collected {
	struct dir_context ctx;
	char names[128];
};

static int collect(struct dir_context *ctx, const char *name, size_t len, uint64_t ino,
		   unsigned int type, uint64_t next_pos)
{
	struct collected *c = container_of(ctx, struct collected, ctx);
	size_t used = strlen(c->names);

	if (used + len + 2 > sizeof(c->names))
		return 1;
	memcpy(c->names + used, name, len);
	c->names[used + len] = ' ';
	c->names[used + len + 1] = '\0';
	return 0;
}

KTEST(vfs_directory_lists_through_a_kernel_dir_context)
{
	struct collected c = { .ctx = { .actor = collect } };
	struct file *f;
	struct inode *d;

	KT_EQ(vfs_mknod_at(vfs_root(), "ktest_fs_dir", S_IFDIR | 0755, 0, &d), 0);
	KT_EQ(vfs_mknod_at(d, "first", S_IFREG | 0644, 0, NULL), 0);
	KT_EQ(vfs_mknod_at(d, "second", S_IFDIR | 0755, 0, NULL), 0);
	inode_put(d);
	KT_EQ(vfs_open("/ktest_fs_dir", O_RDONLY | O_DIRECTORY, 0, &f), 0);
	KT_EQ(vfs_iterate(f, &c.ctx), 0);
	KT_STREQ(c.names, ". .. first second ");
	c.names[0] = '\0';
	KT_EQ(vfs_iterate(f, &c.ctx), 0);	/* the position stayed at the end */
	KT_STREQ(c.names, "");
	file_put(f);
}

KTEST(vfs_device_nodes_reach_their_chrdev_or_fail_with_enxio)
{
	const struct chrdev *d = chrdev_find(DEV_MAKE(1, 3));
	struct file *f;
	uint64_t pos = 0;

	KT_ASSERT(d != NULL);
	KT_STREQ(d->name, "null");
	KT_ASSERT(chrdev_find(DEV_MAKE(1, 5)) != NULL);
	KT_ASSERT(chrdev_find(DEV_MAKE(1, 7)) != NULL);
	KT_ASSERT(chrdev_find(DEV_MAKE(1, 99)) == NULL);
	if (vfs_open("/ktest_fs/null", O_RDWR, 0, &f) == -ENOENT)
		KT_EQ(unpack_sample(), 0);
	KT_EQ(vfs_open("/ktest_fs/null", O_RDWR, 0, &f), 0);
	KT_ASSERT(f->ops == d->ops);
	KT_EQ(f->ops->write(f, NULL, 123, &pos), 123);	/* /dev/null never looks at the data */
	KT_EQ(f->ops->read(f, NULL, 10, &pos), 0);
	file_put(f);
	KT_EQ(vfs_open("/ktest_fs/nodev", O_RDONLY, 0, &f), -ENXIO);
}

KTEST(vfs_fd_install_takes_the_lowest_free_descriptor)
{
	struct task *t = task_current();
	struct files *saved;
	struct file *f;
	int fds[3];

	KT_ASSERT(t != NULL);
	saved = t->files;
	t->files = files_create();
	KT_ASSERT(t->files != NULL);
	for (int i = 0; i < 3; i++) {
		KT_EQ(vfs_open("/", O_RDONLY, 0, &f), 0);
		fds[i] = fd_install(f, i == 1);
		KT_EQ(fds[i], i);
	}
	f = fd_get(1);
	KT_ASSERT(f != NULL);
	file_put(f);
	KT_EQ(fd_close(1), 0);
	KT_ASSERT(fd_get(1) == NULL);
	KT_EQ(vfs_open("/", O_RDONLY, 0, &f), 0);
	KT_EQ(fd_install(f, 0), 1);
	KT_EQ(fd_get_cloexec(1), 0);		/* a new descriptor, not the old flag */
	files_put(t->files);
	t->files = saved;
}
