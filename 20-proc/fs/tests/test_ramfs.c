/*
 * test_ramfs.c - ramfs, the path walk, the directory operations, getdents
 * packing, getcwd's path builder and initramfs unpacking, on the host.
 *
 * The kernel services these files use are replaced below: kmalloc is
 * malloc, the clock is a counter, and "the current task" is two variables
 * (its ids and its root), so a test can become an unprivileged user.
 * AddressSanitizer checks that an inode is freed exactly when its last
 * name and its last reference are gone.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include <errno.h>
#include <stdarg.h>
#include <printk.h>
#include "../internal.h"
#include "cpio_builder.h"

/* ---------------------------------------------------------------- stubs */

static struct super_block *sb;
static uid_t cur_uid;
static gid_t cur_gid;
static int64_t clock_now = 1000;
static int errors_logged;

void *kmalloc(size_t n)
{
	return malloc(n ? n : 1);
}

void *kzalloc(size_t n)
{
	return calloc(1, n ? n : 1);
}

void kfree(void *p)
{
	free(p);
}

/* ramfs data pages: plain heap pages here (fs/ramfs_pages.c in the kernel). */
void *ramfs_page_alloc(void) { return calloc(1, 4096); }
void ramfs_page_put(void *page) { free(page); }
uint64_t ramfs_page_share(void *page) { return (uint64_t)(uintptr_t)page; }

void printk(int level, const char *fmt, ...)
{
	va_list ap;

	if (level <= LOGLEVEL_ERR)
		errors_logged++;
	va_start(ap, fmt);
	printf("  [log] ");
	vprintf(fmt, ap);
	va_end(ap);
}

void ktime_realtime(struct ktimespec *ts)
{
	ts->tv_sec = clock_now++;
	ts->tv_nsec = 0;
}

struct inode *vfs_root(void)
{
	return sb->root;
}

struct inode *fsctx_root(void)
{
	return inode_get(sb->root);
}

void vfs_current_ids(uid_t *uid, gid_t *gid)
{
	*uid = cur_uid;
	*gid = cur_gid;
}

/* ---------------------------------------------------------------- helpers */

struct name_list {
	struct dir_context ctx;
	char names[64][NAME_MAX + 1];
	int count;
};

static int collect(struct dir_context *ctx, const char *name, size_t len, uint64_t ino,
		   unsigned int type, uint64_t next_pos)
{
	struct name_list *l = container_of(ctx, struct name_list, ctx);

	if ((len == 1 && name[0] == '.') || (len == 2 && !memcmp(name, "..", 2)))
		return 0;
	if (l->count == 64)
		return 1;
	memcpy(l->names[l->count], name, len);
	l->names[l->count++][len] = '\0';
	return 0;
}

/* rm -rf of everything in @dir. */
static void remove_all(struct inode *dir)
{
	struct name_list *l = calloc(1, sizeof(*l));

	l->ctx.actor = collect;
	dir->ops->iterate(dir, &l->ctx);
	for (int k = 0; k < l->count; k++) {
		struct inode *child;

		if (dir->ops->lookup(dir, l->names[k], &child))
			continue;
		if (S_ISDIR(child->mode)) {
			remove_all(child);
			dir->ops->rmdir(dir, l->names[k]);
		} else {
			dir->ops->unlink(dir, l->names[k]);
		}
		inode_put(child);
	}
	free(l);
}

/*
 * Tear down the previous test's filesystem: every inode must be freed by
 * its last name or reference going, or LeakSanitizer reports it.
 */
static void teardown(void)
{
	struct inode *root;

	if (!sb)
		return;
	cur_uid = 0;
	root = sb->root;
	remove_all(root);
	root->nlink = 0;
	inode_put(root);
	list_del(&sb->all_node);
	free(sb);
	sb = NULL;
}

/* A fresh root filesystem for each test, as root. */
static void fresh(void)
{
	teardown();
	cur_uid = 0;
	cur_gid = 0;
	HT_ASSERT(ramfs_create(&sb) == 0);
}

__attribute__((destructor)) static void final_teardown(void)
{
	teardown();
}

#define ROOT (sb->root)

static int lookup(const char *path, struct inode **out)
{
	return vfs_lookup_at(ROOT, path, LOOKUP_FOLLOW, out);
}

/* 0 if @path resolves (following links), else the error. */
static int exists(const char *path)
{
	struct inode *i;
	int err = lookup(path, &i);

	if (!err)
		inode_put(i);
	return err;
}

static int mkdir_p(const char *path)
{
	return vfs_mknod_at(ROOT, path, S_IFDIR | 0755, 0, NULL);
}

static int write_file(const char *path, const char *text)
{
	struct inode *i;
	int err = vfs_mknod_at(ROOT, path, S_IFREG | 0644, 0, &i);

	if (err)
		return err;
	err = vfs_write_all(i, text, strlen(text), 0);
	inode_put(i);
	return err;
}

/* The file's contents as a string (static buffer), or "<errno N>". */
static const char *read_file(const char *path)
{
	static char buf[256];
	struct inode *i;
	ssize_t n;
	int err = lookup(path, &i);

	if (err) {
		snprintf(buf, sizeof(buf), "<errno %d>", -err);
		return buf;
	}
	n = i->ops->read(i, buf, sizeof(buf) - 1, 0);
	buf[n < 0 ? 0 : n] = '\0';
	inode_put(i);
	return buf;
}

/* ---------------------------------------------------------------- the walk */

HOST_TEST(walk_finds_nested_names_and_reports_missing_ones)
{
	fresh();
	HT_EQ_INT(mkdir_p("a"), 0);
	HT_EQ_INT(mkdir_p("a/b"), 0);
	HT_EQ_INT(write_file("a/b/f", "data"), 0);
	HT_EQ_STR(read_file("/a/b/f"), "data");
	HT_EQ_STR(read_file("a//b///f"), "data");
	HT_EQ_INT(exists("a/b/g"), -ENOENT);
	HT_EQ_INT(exists("a/x/f"), -ENOENT);
	HT_EQ_INT(exists("a/b/f/x"), -ENOTDIR);	/* a file is not a directory */
	HT_EQ_INT(exists(""), -ENOENT);
}

HOST_TEST(walk_handles_dot_and_dotdot_and_stops_dotdot_at_the_root)
{
	struct inode *i;

	fresh();
	mkdir_p("a");
	mkdir_p("a/b");
	HT_EQ_INT(lookup("a/b/..", &i), 0);
	HT_EQ_INT(exists("a/./b/../b/."), 0);
	inode_put(i);
	HT_EQ_INT(lookup("/../../..", &i), 0);
	HT_ASSERT(i == ROOT);
	inode_put(i);
	HT_EQ_INT(lookup("a/../../a/b/../..", &i), 0);
	HT_ASSERT(i == ROOT);
	inode_put(i);
	HT_EQ_INT(lookup("/", &i), 0);
	HT_ASSERT(i == ROOT);
	inode_put(i);
}

HOST_TEST(walk_trailing_slash_requires_a_directory)
{
	fresh();
	mkdir_p("d");
	write_file("f", "x");
	HT_EQ_INT(exists("d/"), 0);
	HT_EQ_INT(exists("f/"), -ENOTDIR);
	HT_EQ_INT(vfs_symlink_at("d", ROOT, "ld"), 0);
	HT_EQ_INT(vfs_symlink_at("f", ROOT, "lf"), 0);
	HT_EQ_INT(exists("ld/"), 0);
	HT_EQ_INT(exists("lf/"), -ENOTDIR);
}

HOST_TEST(walk_component_of_255_bytes_is_fine_and_256_is_enametoolong)
{
	char name[300];

	fresh();
	memset(name, 'n', 255);
	name[255] = '\0';
	HT_EQ_INT(write_file(name, "x"), 0);
	HT_EQ_INT(exists(name), 0);
	name[255] = 'n';
	name[256] = '\0';
	HT_EQ_INT(write_file(name, "x"), -ENAMETOOLONG);
	HT_EQ_INT(exists(name), -ENAMETOOLONG);
}

HOST_TEST(walk_follows_relative_absolute_and_chained_symlinks)
{
	struct inode *i;

	fresh();
	mkdir_p("bin");
	mkdir_p("usr");
	mkdir_p("usr/lib");
	write_file("bin/busybox", "BB");
	HT_EQ_INT(vfs_symlink_at("busybox", ROOT, "bin/sh"), 0);	/* relative to bin */
	HT_EQ_INT(vfs_symlink_at("/bin", ROOT, "usr/bin"), 0);	/* absolute */
	HT_EQ_INT(vfs_symlink_at("../bin/sh", ROOT, "usr/lib/sh"), 0);
	HT_EQ_STR(read_file("bin/sh"), "BB");
	HT_EQ_STR(read_file("usr/bin/sh"), "BB");
	HT_EQ_STR(read_file("usr/lib/sh"), "BB");	/* ".." taken from usr/lib */
	/* Without LOOKUP_FOLLOW the last link itself is the result. */
	HT_EQ_INT(vfs_lookup_at(ROOT, "usr/bin", 0, &i), 0);
	HT_ASSERT(S_ISLNK(i->mode));
	HT_EQ_INT(i->size, 4);
	inode_put(i);
	/* ...but a link in the middle is always followed. */
	HT_EQ_INT(vfs_lookup_at(ROOT, "usr/bin/busybox", 0, &i), 0);
	HT_ASSERT(S_ISREG(i->mode));
	inode_put(i);
	/* A dangling link. */
	HT_EQ_INT(vfs_symlink_at("nowhere", ROOT, "dangling"), 0);
	HT_EQ_INT(exists("dangling"), -ENOENT);
}

HOST_TEST(walk_symlink_loop_is_eloop_and_40_links_are_allowed)
{
	char name[32], target[32];

	fresh();
	HT_EQ_INT(vfs_symlink_at("loop2", ROOT, "loop1"), 0);
	HT_EQ_INT(vfs_symlink_at("loop1", ROOT, "loop2"), 0);
	HT_EQ_INT(exists("loop1"), -ELOOP);
	HT_EQ_INT(vfs_symlink_at("self", ROOT, "self"), 0);
	HT_EQ_INT(exists("self/x"), -ELOOP);

	/* l0 -> file, l1 -> l0, ..., l40 -> l39: l39 needs 40 links, l40 needs 41. */
	write_file("file", "end");
	HT_EQ_INT(vfs_symlink_at("file", ROOT, "l0"), 0);
	for (int k = 1; k <= 40; k++) {
		snprintf(name, sizeof(name), "l%d", k);
		snprintf(target, sizeof(target), "l%d", k - 1);
		HT_EQ_INT(vfs_symlink_at(target, ROOT, name), 0);
	}
	HT_EQ_STR(read_file("l39"), "end");
	HT_EQ_INT(exists("l40"), -ELOOP);
}

HOST_TEST(walk_needs_search_permission_on_every_directory)
{
	struct inode *d;

	fresh();
	mkdir_p("priv");
	write_file("priv/f", "secret");
	HT_EQ_INT(lookup("priv", &d), 0);
	d->mode = S_IFDIR | 0700;
	inode_put(d);
	cur_uid = 1000;
	cur_gid = 1000;
	HT_EQ_INT(exists("priv/f"), -EACCES);
	HT_EQ_INT(exists("priv"), 0);		/* the name itself is in "/" */
	HT_EQ_INT(write_file("new", "x"), -EACCES);	/* "/" is 0755 root's */
	cur_uid = 0;
	HT_EQ_INT(exists("priv/f"), 0);		/* root passes */
}

/* ---------------------------------------------------------------- directory changes */

HOST_TEST(mkdir_of_an_existing_name_is_eexist_and_dot_names_cannot_be_made)
{
	fresh();
	HT_EQ_INT(mkdir_p("d"), 0);
	HT_EQ_INT(mkdir_p("d"), -EEXIST);
	HT_EQ_INT(mkdir_p("d/"), -EEXIST);
	HT_EQ_INT(mkdir_p("e/"), 0);		/* a trailing slash is fine for mkdir */
	HT_EQ_INT(mkdir_p("."), -EEXIST);
	HT_EQ_INT(mkdir_p("d/.."), -EEXIST);
	HT_EQ_INT(mkdir_p("/"), -EEXIST);
	HT_EQ_INT(write_file("f/", "x"), -ENOENT);	/* a file name cannot end in '/' */
	HT_EQ_INT(ROOT->nlink, 4);		/* ".", "..", and the ".." of d and e */
}

HOST_TEST(rmdir_refuses_nonempty_dot_dotdot_and_files)
{
	fresh();
	mkdir_p("d");
	write_file("d/f", "x");
	write_file("f", "x");
	HT_EQ_INT(vfs_rmdir_at(ROOT, "d"), -ENOTEMPTY);
	HT_EQ_INT(vfs_rmdir_at(ROOT, "d/."), -EINVAL);
	HT_EQ_INT(vfs_rmdir_at(ROOT, "d/.."), -ENOTEMPTY);
	HT_EQ_INT(vfs_rmdir_at(ROOT, "/"), -EBUSY);
	HT_EQ_INT(vfs_rmdir_at(ROOT, "f"), -ENOTDIR);
	HT_EQ_INT(vfs_unlink_at(ROOT, "d/f"), 0);
	HT_EQ_INT(vfs_rmdir_at(ROOT, "d/"), 0);
	HT_EQ_INT(exists("d"), -ENOENT);
	HT_EQ_INT(ROOT->nlink, 2);
}

HOST_TEST(unlink_of_a_directory_is_eisdir_and_trailing_slash_on_a_file_enotdir)
{
	fresh();
	mkdir_p("d");
	write_file("f", "x");
	HT_EQ_INT(vfs_unlink_at(ROOT, "d"), -EISDIR);
	HT_EQ_INT(vfs_unlink_at(ROOT, "f/"), -ENOTDIR);
	HT_EQ_INT(vfs_unlink_at(ROOT, "nothing"), -ENOENT);
	HT_EQ_INT(vfs_unlink_at(ROOT, "f"), 0);
	HT_EQ_INT(exists("f"), -ENOENT);
}

HOST_TEST(unlinked_file_stays_readable_while_referenced)
{
	struct inode *i;
	char buf[16];

	fresh();
	write_file("f", "still here");
	HT_EQ_INT(lookup("f", &i), 0);		/* as an open file would */
	HT_EQ_INT(vfs_unlink_at(ROOT, "f"), 0);
	HT_EQ_INT(i->nlink, 0);
	HT_EQ_INT(i->ops->read(i, buf, sizeof(buf), 0), 10);
	HT_ASSERT(memcmp(buf, "still here", 10) == 0);
	HT_EQ_INT(i->ops->write(i, "!", 1, 10), 1);
	inode_put(i);				/* freed now (ASan checks) */
	HT_EQ_INT(exists("f"), -ENOENT);
}

HOST_TEST(hard_links_share_one_inode_and_count_names)
{
	struct inode *a, *b;

	fresh();
	write_file("a", "same");
	mkdir_p("d");
	HT_EQ_INT(vfs_link_at(ROOT, "a", 0, ROOT, "d/b"), 0);
	HT_EQ_INT(vfs_link_at(ROOT, "a", 0, ROOT, "d/b"), -EEXIST);
	HT_EQ_INT(vfs_link_at(ROOT, "d", 0, ROOT, "d2"), -EPERM);	/* no directory links */
	HT_EQ_INT(lookup("a", &a), 0);
	HT_EQ_INT(lookup("d/b", &b), 0);
	HT_ASSERT(a == b);
	HT_EQ_INT(a->nlink, 2);
	HT_EQ_INT(vfs_unlink_at(ROOT, "a"), 0);
	HT_EQ_INT(b->nlink, 1);
	HT_EQ_STR(read_file("d/b"), "same");
	inode_put(a);
	inode_put(b);
}

HOST_TEST(rename_over_an_existing_file_replaces_it)
{
	struct inode *old_target;

	fresh();
	write_file("a", "new");
	write_file("b", "old");
	HT_EQ_INT(lookup("b", &old_target), 0);
	HT_EQ_INT(vfs_rename_at(ROOT, "a", ROOT, "b", 0), 0);
	HT_EQ_STR(read_file("b"), "new");
	HT_EQ_INT(exists("a"), -ENOENT);
	HT_EQ_INT(old_target->nlink, 0);	/* replaced, still open */
	inode_put(old_target);
	HT_EQ_INT(vfs_rename_at(ROOT, "b", ROOT, "b", 0), 0);	/* onto itself: nothing */
	HT_EQ_STR(read_file("b"), "new");
}

HOST_TEST(rename_checks_types_emptiness_noreplace_and_subtrees)
{
	fresh();
	mkdir_p("d");
	mkdir_p("d/sub");
	mkdir_p("full");
	write_file("full/x", "x");
	mkdir_p("empty");
	write_file("f", "f");
	HT_EQ_INT(vfs_rename_at(ROOT, "d", ROOT, "f", 0), -ENOTDIR);
	HT_EQ_INT(vfs_rename_at(ROOT, "f", ROOT, "d", 0), -EISDIR);
	HT_EQ_INT(vfs_rename_at(ROOT, "d", ROOT, "full", 0), -ENOTEMPTY);
	HT_EQ_INT(vfs_rename_at(ROOT, "d", ROOT, "d/sub/inside", 0), -EINVAL);
	HT_EQ_INT(vfs_rename_at(ROOT, "f", ROOT, "full/x", RENAME_NOREPLACE), -EEXIST);
	HT_EQ_INT(vfs_rename_at(ROOT, "f", ROOT, "g", RENAME_EXCHANGE), -EINVAL);
	HT_EQ_INT(vfs_rename_at(ROOT, "f/", ROOT, "g", 0), -ENOTDIR);
	HT_EQ_INT(vfs_rename_at(ROOT, "nothing", ROOT, "g", 0), -ENOENT);
	HT_EQ_INT(vfs_rename_at(ROOT, ".", ROOT, "g", 0), -EBUSY);
	/* A directory over an empty one, across directories: link counts follow. */
	HT_EQ_INT(vfs_rename_at(ROOT, "d/sub", ROOT, "empty", 0), 0);
	HT_EQ_INT(exists("empty"), 0);
	HT_EQ_INT(exists("d/sub"), -ENOENT);
	HT_EQ_INT(exists("empty/.."), 0);
	{
		struct inode *d, *up;

		HT_EQ_INT(lookup("d", &d), 0);
		HT_EQ_INT(d->nlink, 2);
		inode_put(d);
		HT_EQ_INT(lookup("empty/..", &up), 0);
		HT_ASSERT(up == ROOT);
		inode_put(up);
	}
}

HOST_TEST(removed_directory_in_use_accepts_no_new_names)
{
	struct inode *d, *x;

	fresh();
	mkdir_p("d");
	HT_EQ_INT(lookup("d", &d), 0);		/* someone's cwd */
	HT_EQ_INT(vfs_rmdir_at(ROOT, "d"), 0);
	HT_EQ_INT(vfs_mknod_at(d, "new", S_IFREG | 0644, 0, NULL), -ENOENT);
	HT_EQ_INT(vfs_lookup_at(d, "..", 0, &x), -ENOENT);
	inode_put(d);
}

/* ---------------------------------------------------------------- regular files */

HOST_TEST(file_holes_and_truncation_read_as_zeros)
{
	struct inode *i;
	char buf[10000];
	struct inode_attr shrink = { .valid = ATTR_SIZE, .size = 5 };
	struct inode_attr grow = { .valid = ATTR_SIZE, .size = 9000 };

	fresh();
	HT_EQ_INT(vfs_mknod_at(ROOT, "f", S_IFREG | 0644, 0, &i), 0);
	HT_EQ_INT(i->ops->write(i, "abcdefgh", 8, 8190), 8);	/* across a page edge */
	HT_EQ_INT(i->size, 8198);
	HT_EQ_INT(i->blocks, 16);		/* only the two touched pages, not page 0 */
	HT_EQ_INT(i->ops->read(i, buf, sizeof(buf), 0), 8198);
	for (int k = 0; k < 8190; k++)
		if (buf[k])
			HT_FAIL("hole byte %d is %d", k, buf[k]);
	HT_ASSERT(memcmp(buf + 8190, "abcdefgh", 8) == 0);
	HT_EQ_INT(i->ops->read(i, buf, 100, 9000), 0);	/* past EOF */
	/* Shrink into the middle of a page, grow again: the cut bytes are zeros. */
	HT_EQ_INT(i->ops->write(i, "XYZXYZXYZ", 9, 0), 9);
	HT_EQ_INT(vfs_setattr(i, &shrink), 0);
	HT_EQ_INT(vfs_setattr(i, &grow), 0);
	HT_EQ_INT(i->ops->read(i, buf, sizeof(buf), 0), 9000);
	HT_ASSERT(memcmp(buf, "XYZXY\0\0\0\0", 9) == 0);
	HT_EQ_INT(buf[8191], 0);
	HT_EQ_INT(i->blocks, 8);		/* pages 1 and 2 were freed, page 0 written */
	inode_put(i);
}

/* ---------------------------------------------------------------- getdents packing */

/* List @path with a buffer of @size bytes per call; names joined by ' '. */
static int list_dir(const char *path, size_t size, char *out, size_t out_size, int *calls)
{
	struct inode *d;
	char buf[4096];
	struct dirent_buf b = { .ctx = { .actor = dirent_pack }, .buf = buf };
	int err = lookup(path, &d);

	if (err)
		return err;
	out[0] = '\0';
	*calls = 0;
	for (;;) {
		b.size = size;
		b.used = 0;
		d->ops->iterate(d, &b.ctx);
		(*calls)++;
		if (b.used == 0)
			break;
		for (size_t off = 0; off < b.used;) {
			struct linux_dirent64 *e = (struct linux_dirent64 *)(buf + off);

			if (e->d_reclen % 8 || off + e->d_reclen > b.used)
				return -998;
			/* The last record's d_off is where the next call starts. */
			if (off + e->d_reclen == b.used && (uint64_t)e->d_off != b.ctx.pos)
				return -999;
			strncat(out, e->d_name, out_size - strlen(out) - 2);
			strcat(out, " ");
			off += e->d_reclen;
		}
		if (*calls > 100)
			break;
	}
	inode_put(d);
	return 0;
}

HOST_TEST(getdents_lists_dot_dotdot_and_every_entry_in_any_buffer_size)
{
	char out[1024];
	int calls;

	fresh();
	mkdir_p("d");
	write_file("d/one", "1");
	mkdir_p("d/two");
	write_file("d/a_rather_longer_name_than_the_others", "3");
	/* Big buffer: one call lists all, the next returns nothing. */
	HT_EQ_INT(list_dir("d", 4096, out, sizeof(out), &calls), 0);
	HT_EQ_STR(out, ". .. one two a_rather_longer_name_than_the_others ");
	HT_EQ_INT(calls, 2);
	/* A buffer that holds one short record: nothing is dropped. */
	HT_EQ_INT(list_dir("d", 24, out, sizeof(out), &calls), 0);
	HT_EQ_STR(out, ". .. one two ");	/* the long name never fits in 24 */
	HT_EQ_INT(list_dir("d", 64, out, sizeof(out), &calls), 0);
	HT_EQ_STR(out, ". .. one two a_rather_longer_name_than_the_others ");
}

HOST_TEST(getdents_record_layout_matches_linux)
{
	char buf[64];
	struct dirent_buf b = { .ctx = { .actor = dirent_pack }, .buf = buf, .size = 64 };
	struct linux_dirent64 *e = (struct linux_dirent64 *)buf;

	memset(buf, 0x55, sizeof(buf));
	HT_EQ_INT(dirent_pack(&b.ctx, "abcde", 5, 77, DT_REG, 9), 0);
	HT_EQ_INT(b.used, 32);			/* 19 + 5 + 1 = 25 -> 32 */
	HT_EQ_INT(e->d_ino, 77);
	HT_EQ_INT(e->d_off, 9);
	HT_EQ_INT(e->d_reclen, 32);
	HT_EQ_INT(e->d_type, DT_REG);
	HT_EQ_STR(e->d_name, "abcde");
	HT_EQ_INT(buf[31], 0);			/* padding cleared */
	HT_EQ_INT(dirent_pack(&b.ctx, "12345678901234", 14, 1, DT_DIR, 10), 1);	/* 40 > 32 */
	HT_EQ_INT(b.used, 32);
}

HOST_TEST(getdents_does_not_skip_entries_removed_or_added_meanwhile)
{
	struct inode *d;
	char buf[4096], names[512] = "";
	struct dirent_buf b = { .ctx = { .actor = dirent_pack }, .buf = buf, .size = 24 };

	fresh();
	mkdir_p("d");
	write_file("d/a", "");
	write_file("d/b", "");
	write_file("d/c", "");
	HT_EQ_INT(lookup("d", &d), 0);
	for (int call = 0; call < 10; call++) {
		b.used = 0;
		d->ops->iterate(d, &b.ctx);
		if (!b.used)
			break;
		strcat(names, ((struct linux_dirent64 *)buf)->d_name);
		strcat(names, " ");
		if (call == 2)		/* just listed "a": remove it, add "e" */
			HT_EQ_INT(vfs_unlink_at(d, "a") | write_file("d/e", ""), 0);
	}
	HT_EQ_STR(names, ". .. a b c e ");
	inode_put(d);
}

/* ---------------------------------------------------------------- getcwd */

HOST_TEST(path_of_a_directory_is_built_from_its_parents)
{
	struct inode *d;
	char buf[64];
	char *p;

	fresh();
	mkdir_p("usr");
	mkdir_p("usr/local");
	mkdir_p("usr/local/share");
	HT_EQ_INT(lookup("usr/local/share", &d), 0);
	p = vfs_path_of(d, buf, sizeof(buf));
	HT_ASSERT(!IS_ERR(p));
	HT_EQ_STR(p, "/usr/local/share");
	HT_ASSERT(IS_ERR(vfs_path_of(d, buf, 16)));
	HT_EQ_INT(PTR_ERR(vfs_path_of(d, buf, 16)), -ERANGE);
	HT_EQ_STR(vfs_path_of(d, buf, 17), "/usr/local/share");	/* exactly fits */
	HT_EQ_STR(vfs_path_of(ROOT, buf, 2), "/");
	HT_EQ_INT(vfs_rmdir_at(ROOT, "usr/local/share"), 0);
	HT_EQ_INT(PTR_ERR(vfs_path_of(d, buf, sizeof(buf))), -ENOENT);
	inode_put(d);
}

/* ---------------------------------------------------------------- initramfs */

HOST_TEST(initramfs_unpacks_dirs_files_links_nodes_and_attributes)
{
	struct cpio_builder b = { 0 };
	struct inode *i, *j;

	fresh();
	cb_entry(&b, ".", 0040755, "", 0);
	cb_entry(&b, "bin", 0040755, "", 0);
	cb_entry(&b, "./bin/busybox", 0104755, "ELF!", 4);
	cb_entry(&b, "bin/sh", 0120777, "busybox", 7);
	cb_entry(&b, "dev", 0040755, "", 0);
	cb_entry_full(&b, "070701", "dev/null", 0020666, 50, 1, 1, 3, "", 0);
	cb_entry_full(&b, "070701", "dev/fifo", 0010600, 51, 1, 0, 0, "", 0);
	/* Hard links as newc stores them: the data comes with the last one. */
	cb_entry_full(&b, "070701", "bin/ls", 0100755, 60, 2, 0, 0, "", 0);
	cb_entry_full(&b, "070701", "bin/dir", 0100755, 60, 2, 0, 0, "LS", 2);
	cb_trailer(&b);
	HT_EQ_INT(initramfs_unpack(b.buf, b.len), 0);
	HT_EQ_STR(read_file("bin/sh"), "ELF!");
	HT_EQ_INT(lookup("bin/busybox", &i), 0);
	HT_EQ_INT(i->mode, 0104755);
	HT_EQ_INT(i->uid, 1000);
	HT_EQ_INT(i->gid, 100);
	HT_EQ_INT(i->mtime.tv_sec, 1700000000);
	inode_put(i);
	HT_EQ_INT(lookup("dev/null", &i), 0);
	HT_ASSERT(S_ISCHR(i->mode));
	HT_EQ_INT(i->rdev, DEV_MAKE(1, 3));
	inode_put(i);
	HT_EQ_INT(lookup("dev/fifo", &i), 0);
	HT_ASSERT(S_ISFIFO(i->mode));
	inode_put(i);
	HT_EQ_INT(lookup("bin/ls", &i), 0);
	HT_EQ_INT(lookup("bin/dir", &j), 0);
	HT_ASSERT(i == j);
	HT_EQ_INT(i->nlink, 2);
	HT_EQ_STR(read_file("bin/ls"), "LS");
	inode_put(i);
	inode_put(j);
	cb_free(&b);
}

HOST_TEST(initramfs_later_members_replace_earlier_ones)
{
	struct cpio_builder b = { 0 };

	fresh();
	cb_entry(&b, "etc", 0040755, "", 0);
	cb_entry(&b, "etc/motd", 0100644, "first version", 13);
	cb_entry(&b, "etc/motd", 0100644, "second", 6);
	cb_entry(&b, "etc", 0040700, "", 0);	/* an existing dir keeps its contents */
	cb_trailer(&b);
	HT_EQ_INT(initramfs_unpack(b.buf, b.len), 0);
	HT_EQ_STR(read_file("etc/motd"), "second");
	cb_free(&b);
}

HOST_TEST(initramfs_refuses_a_corrupt_archive_before_creating_anything)
{
	struct cpio_builder b = { 0 };
	int before = errors_logged;

	fresh();
	cb_entry(&b, "early", 0040755, "", 0);
	cb_entry(&b, "early/file", 0100644, "abc", 3);
	cb_trailer(&b);
	b.buf[120] = 'Z';	/* inside the second header */
	HT_EQ_INT(initramfs_unpack(b.buf, b.len), -EINVAL);
	HT_EQ_INT(errors_logged, before + 1);
	HT_EQ_INT(exists("early"), -ENOENT);
	cb_free(&b);
}

HOST_TEST(initramfs_member_without_parent_is_skipped_and_reported)
{
	struct cpio_builder b = { 0 };

	fresh();
	cb_entry(&b, "missing/file", 0100644, "x", 1);
	cb_entry(&b, "ok", 0100644, "y", 1);
	cb_trailer(&b);
	HT_EQ_INT(initramfs_unpack(b.buf, b.len), -ENOENT);
	HT_EQ_STR(read_file("ok"), "y");
	cb_free(&b);
}
