/*
 * ramfs.c - a filesystem that lives entirely in kernel memory.
 *
 * The root filesystem of layer 20: initramfs_unpack() fills it, and
 * everything a program creates stays in RAM until the machine stops.
 *
 * A directory is a list of entries in the order they were added, each with
 * a cookie that only grows.  The cookie is the getdents position: listing
 * resumes at "the first entry whose cookie is >= pos", so removing or adding
 * entries while a directory is being read never makes the listing skip an
 * entry that stays (positions 0 and 1 are "." and "..").
 *
 * A regular file is an array of pointers to 4 KiB pages, allocated when
 * first written; a missing page reads as zeros (a hole).  Invariant: every
 * byte of an allocated page at or beyond the file size is zero, so growing
 * the file (write past the end, truncate up) never exposes old data.
 *
 * An inode stays while a name refers to it (nlink > 0) or the VFS holds a
 * reference (refs > 0); when both are gone it is freed (ramfs_maybe_free).
 */
#include <kmalloc.h>
#include <list.h>
#include <stddef.h>
#include <string.h>
#include "internal.h"

#define RAMFS_PAGE 4096
/* Files are capped at 4 GiB: the page pointer array must stay kmalloc-able. */
#define RAMFS_MAX_SIZE (1ULL << 32)
#define RAMFS_MAGIC 0x858458f6	/* Linux's RAMFS_MAGIC, for statfs */

struct ramfs_dirent {
	struct list_node node;		/* in the directory's entries, by cookie */
	uint64_t cookie;		/* the getdents position of this entry */
	struct inode *inode;		/* counted in inode->nlink, not in refs */
	size_t len;
	char name[];			/* NUL-terminated */
};

struct ramfs_inode {
	struct inode vfs;
	/* directories */
	struct list_node entries;
	uint64_t next_cookie;
	struct inode *parent;		/* for ".."; NULL once removed */
	/* regular files */
	uint8_t **pages;
	size_t page_slots;
	/* symlinks */
	char *target;
};

static const struct inode_ops ramfs_dir_ops;
static const struct inode_ops ramfs_file_ops;
static const struct inode_ops ramfs_symlink_ops;
static const struct inode_ops ramfs_special_ops;

static struct ramfs_inode *RI(struct inode *inode)
{
	return container_of(inode, struct ramfs_inode, vfs);
}

static void ramfs_free(struct inode *inode)
{
	struct ramfs_inode *ri = RI(inode);

	for (size_t i = 0; i < ri->page_slots; i++)
		ramfs_page_put(ri->pages[i]);
	kfree(ri->pages);
	kfree(ri->target);
	kfree(ri);
}

/* Free @inode if nothing refers to it any more. */
static void ramfs_maybe_free(struct inode *inode)
{
	if (inode->refs == 0 && inode->nlink == 0)
		ramfs_free(inode);
}

static void ramfs_inode_release(struct inode *inode)
{
	ramfs_maybe_free(inode);
}

static int ramfs_statfs(struct super_block *sb, struct kstatfs *st)
{
	memset(st, 0, sizeof(*st));
	st->type = RAMFS_MAGIC;
	st->bsize = RAMFS_PAGE;
	st->namelen = NAME_MAX;
	return 0;
}

static const struct super_ops ramfs_super_ops = {
	.inode_release = ramfs_inode_release,
	.statfs = ramfs_statfs,
};

/* A new inode of type @mode in @sb, with one reference and no name yet. */
static struct inode *ramfs_new_inode(struct super_block *sb, mode_t mode, dev_t rdev)
{
	struct ramfs_inode *ri = kzalloc(sizeof(*ri));
	const struct inode_ops *ops;

	if (!ri)
		return NULL;
	switch (mode & S_IFMT) {
	case S_IFDIR:
		ops = &ramfs_dir_ops;
		break;
	case S_IFREG:
		ops = &ramfs_file_ops;
		break;
	case S_IFLNK:
		ops = &ramfs_symlink_ops;
		break;
	default:
		ops = &ramfs_special_ops;
		break;
	}
	inode_init(&ri->vfs, sb, mode, ops);
	list_init(&ri->entries);
	ri->next_cookie = 2;	/* 0 and 1 are "." and ".." */
	ri->vfs.rdev = rdev;
	if (S_ISDIR(mode))
		ri->vfs.nlink = 2;	/* its name and its "." */
	return &ri->vfs;
}

int ramfs_create(struct super_block **out)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	struct inode *root;

	if (!sb)
		return -ENOMEM;
	super_init(sb, "ramfs", vfs_anon_dev_alloc(), &ramfs_super_ops);
	root = ramfs_new_inode(sb, S_IFDIR | 0755, 0);
	if (!root) {
		list_del(&sb->all_node);
		kfree(sb);
		return -ENOMEM;
	}
	root->uid = 0;
	root->gid = 0;
	RI(root)->parent = root;	/* ".." of the root is the root */
	sb->root = root;		/* keeps the reference inode_init() gave */
	*out = sb;
	return 0;
}

/* ---------------------------------------------------------------- directories */

static struct ramfs_dirent *dir_find(struct inode *dir, const char *name)
{
	struct list_node *n;

	list_for_each(n, &RI(dir)->entries) {
		struct ramfs_dirent *d = list_entry(n, struct ramfs_dirent, node);

		if (strcmp(d->name, name) == 0)
			return d;
	}
	return NULL;
}

static struct ramfs_dirent *dirent_new(const char *name)
{
	size_t len = strlen(name);
	struct ramfs_dirent *d = kmalloc(offsetof(struct ramfs_dirent, name) + len + 1);

	if (!d)
		return NULL;
	d->len = len;
	memcpy(d->name, name, len + 1);
	d->inode = NULL;
	return d;
}

/* Link @d (naming @inode) at the end of @dir; counts nothing. */
static void dir_attach(struct inode *dir, struct ramfs_dirent *d, struct inode *inode)
{
	d->inode = inode;
	d->cookie = RI(dir)->next_cookie++;
	list_add_tail(&d->node, &RI(dir)->entries);
	inode_touch(dir, TOUCH_MTIME | TOUCH_CTIME);
}

/* A removed directory (nlink 0) can be someone's cwd; it accepts no new names. */
static int dir_alive(struct inode *dir)
{
	return dir->nlink > 0;
}

static int ramfs_lookup(struct inode *dir, const char *name, struct inode **out)
{
	struct ramfs_dirent *d;

	if (!dir_alive(dir))
		return -ENOENT;
	if (strcmp(name, "..") == 0) {
		*out = inode_get(RI(dir)->parent);
		return 0;
	}
	d = dir_find(dir, name);
	if (!d)
		return -ENOENT;
	*out = inode_get(d->inode);
	return 0;
}

static int ramfs_mknod(struct inode *dir, const char *name, mode_t mode, dev_t rdev,
		       struct inode **out)
{
	struct ramfs_dirent *d;
	struct inode *inode;

	if (!dir_alive(dir))
		return -ENOENT;
	if (dir_find(dir, name))
		return -EEXIST;
	d = dirent_new(name);
	if (!d)
		return -ENOMEM;
	inode = ramfs_new_inode(dir->sb, mode, rdev);
	if (!inode) {
		kfree(d);
		return -ENOMEM;
	}
	if (S_ISDIR(mode)) {
		RI(inode)->parent = dir;
		dir->nlink++;	/* the child's ".." */
	}
	dir_attach(dir, d, inode);
	*out = inode;
	return 0;
}

static int ramfs_link(struct inode *dir, const char *name, struct inode *inode)
{
	struct ramfs_dirent *d;

	if (!dir_alive(dir))
		return -ENOENT;
	if (dir_find(dir, name))
		return -EEXIST;
	d = dirent_new(name);
	if (!d)
		return -ENOMEM;
	inode->nlink++;
	inode_touch(inode, TOUCH_CTIME);
	dir_attach(dir, d, inode);
	return 0;
}

/* Take entry @d out of @dir and drop the name's count on its inode. */
static void dir_remove(struct inode *dir, struct ramfs_dirent *d)
{
	struct inode *inode = d->inode;

	list_del(&d->node);
	kfree(d);
	if (S_ISDIR(inode->mode)) {
		inode->nlink = 0;	/* its name and its "." are both gone */
		RI(inode)->parent = NULL;
		dir->nlink--;		/* its ".." */
	} else {
		inode->nlink--;
	}
	inode_touch(inode, TOUCH_CTIME);
	inode_touch(dir, TOUCH_MTIME | TOUCH_CTIME);
	ramfs_maybe_free(inode);
}

static int ramfs_unlink(struct inode *dir, const char *name)
{
	struct ramfs_dirent *d = dir_find(dir, name);

	if (!d)
		return -ENOENT;
	if (S_ISDIR(d->inode->mode))
		return -EISDIR;
	dir_remove(dir, d);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, const char *name)
{
	struct ramfs_dirent *d = dir_find(dir, name);

	if (!d)
		return -ENOENT;
	if (!S_ISDIR(d->inode->mode))
		return -ENOTDIR;
	if (!list_empty(&RI(d->inode)->entries))
		return -ENOTEMPTY;
	dir_remove(dir, d);
	return 0;
}

static int ramfs_rename(struct inode *old_dir, const char *old_name,
			struct inode *new_dir, const char *new_name, unsigned int flags)
{
	struct ramfs_dirent *src = dir_find(old_dir, old_name);
	struct ramfs_dirent *dst, *moved;
	struct inode *inode;

	if (!src)
		return -ENOENT;
	if (!dir_alive(new_dir))
		return -ENOENT;
	inode = src->inode;
	dst = dir_find(new_dir, new_name);
	if (dst == src)
		return 0;
	if (dst) {
		if (dst->inode == inode)
			return 0;	/* two links to one file: rename(2) does nothing */
		if (flags & RENAME_NOREPLACE)
			return -EEXIST;
		if (S_ISDIR(dst->inode->mode) && !list_empty(&RI(dst->inode)->entries))
			return -ENOTEMPTY;
	}
	/* Allocate first: after this point nothing can fail. */
	moved = dirent_new(new_name);
	if (!moved)
		return -ENOMEM;
	if (dst)
		dir_remove(new_dir, dst);
	list_del(&src->node);
	kfree(src);
	inode_touch(old_dir, TOUCH_MTIME | TOUCH_CTIME);
	if (S_ISDIR(inode->mode) && old_dir != new_dir) {
		old_dir->nlink--;
		new_dir->nlink++;
		RI(inode)->parent = new_dir;
	}
	dir_attach(new_dir, moved, inode);
	inode_touch(inode, TOUCH_CTIME);
	return 0;
}

static int ramfs_symlink(struct inode *dir, const char *name, const char *target,
			 struct inode **out)
{
	size_t len = strlen(target);
	char *copy = kmalloc(len + 1);
	struct inode *inode;
	int err;

	if (!copy)
		return -ENOMEM;
	memcpy(copy, target, len + 1);
	err = ramfs_mknod(dir, name, S_IFLNK | 0777, 0, &inode);
	if (err) {
		kfree(copy);
		return err;
	}
	RI(inode)->target = copy;
	inode->size = len;
	*out = inode;
	return 0;
}

static int ramfs_iterate(struct inode *dir, struct dir_context *ctx)
{
	struct ramfs_inode *ri = RI(dir);
	struct list_node *n;

	if (ctx->pos == 0) {
		if (ctx->actor(ctx, ".", 1, dir->ino, DT_DIR, 1))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		uint64_t up = ri->parent ? ri->parent->ino : dir->ino;

		if (ctx->actor(ctx, "..", 2, up, DT_DIR, 2))
			return 0;
		ctx->pos = 2;
	}
	list_for_each(n, &ri->entries) {
		struct ramfs_dirent *d = list_entry(n, struct ramfs_dirent, node);

		if (d->cookie < ctx->pos)
			continue;
		if (ctx->actor(ctx, d->name, d->len, d->inode->ino,
			       MODE_TO_DT(d->inode->mode), d->cookie + 1))
			return 0;
		ctx->pos = d->cookie + 1;
	}
	return 0;
}

/* ---------------------------------------------------------------- regular files */

/* Make room for @slots page pointers. */
static int file_reserve(struct ramfs_inode *ri, size_t slots)
{
	size_t n = ri->page_slots ? ri->page_slots : 4;
	uint8_t **pages;

	if (slots <= ri->page_slots)
		return 0;
	while (n < slots)
		n *= 2;
	pages = kzalloc(n * sizeof(*pages));
	if (!pages)
		return -ENOMEM;
	if (ri->page_slots)
		memcpy(pages, ri->pages, ri->page_slots * sizeof(*pages));
	kfree(ri->pages);
	ri->pages = pages;
	ri->page_slots = n;
	return 0;
}

static ssize_t ramfs_read(struct inode *inode, void *buf, size_t n, uint64_t off)
{
	struct ramfs_inode *ri = RI(inode);
	size_t done = 0;

	if (off >= inode->size)
		return 0;
	if (n > inode->size - off)
		n = inode->size - off;
	while (done < n) {
		uint64_t pos = off + done;
		size_t index = pos / RAMFS_PAGE, in_page = pos % RAMFS_PAGE;
		size_t chunk = RAMFS_PAGE - in_page;

		if (chunk > n - done)
			chunk = n - done;
		if (index < ri->page_slots && ri->pages[index])
			memcpy((char *)buf + done, ri->pages[index] + in_page, chunk);
		else
			memset((char *)buf + done, 0, chunk);
		done += chunk;
	}
	return done;
}

static ssize_t ramfs_write(struct inode *inode, const void *buf, size_t n, uint64_t off)
{
	struct ramfs_inode *ri = RI(inode);
	size_t done = 0;
	int err;

	if (n == 0)
		return 0;
	if (off >= RAMFS_MAX_SIZE || n > RAMFS_MAX_SIZE - off)
		return -EFBIG;
	err = file_reserve(ri, (off + n + RAMFS_PAGE - 1) / RAMFS_PAGE);
	if (err)
		return err;
	while (done < n) {
		uint64_t pos = off + done;
		size_t index = pos / RAMFS_PAGE, in_page = pos % RAMFS_PAGE;
		size_t chunk = RAMFS_PAGE - in_page;

		if (chunk > n - done)
			chunk = n - done;
		if (!ri->pages[index]) {
			ri->pages[index] = ramfs_page_alloc();
			if (!ri->pages[index])
				break;
			inode->blocks += RAMFS_PAGE / 512;
		}
		memcpy(ri->pages[index] + in_page, (const char *)buf + done, chunk);
		done += chunk;
	}
	if (done == 0)
		return -ENOMEM;
	if (off + done > inode->size)
		inode->size = off + done;
	inode_touch(inode, TOUCH_MTIME | TOUCH_CTIME);
	return done;
}

/* MAP_SHARED maps the file's own pages, so stores reach the file and read() sees them. */
static int ramfs_map_page(struct inode *inode, uint64_t index, uint64_t *phys)
{
	struct ramfs_inode *ri = RI(inode);
	int err;

	if (index >= (inode->size + RAMFS_PAGE - 1) / RAMFS_PAGE)
		return -ENXIO;
	err = file_reserve(ri, index + 1);
	if (err)
		return err;
	if (!ri->pages[index]) {
		ri->pages[index] = ramfs_page_alloc();
		if (!ri->pages[index])
			return -ENOMEM;
		inode->blocks += RAMFS_PAGE / 512;
	}
	*phys = ramfs_page_share(ri->pages[index]);
	return 0;
}

/* Cut or extend the file to @size, keeping the zero-beyond-EOF invariant. */
static int file_resize(struct inode *inode, uint64_t size)
{
	struct ramfs_inode *ri = RI(inode);

	if (size > RAMFS_MAX_SIZE)
		return -EFBIG;
	if (size < inode->size) {
		size_t keep = (size + RAMFS_PAGE - 1) / RAMFS_PAGE;

		for (size_t i = keep; i < ri->page_slots; i++) {
			if (ri->pages[i]) {
				/* A shared mapping may still hold the page: it goes when that does. */
				ramfs_page_put(ri->pages[i]);
				ri->pages[i] = NULL;
				inode->blocks -= RAMFS_PAGE / 512;
			}
		}
		if (size % RAMFS_PAGE && keep - 1 < ri->page_slots && ri->pages[keep - 1])
			memset(ri->pages[keep - 1] + size % RAMFS_PAGE, 0,
			       RAMFS_PAGE - size % RAMFS_PAGE);
	}
	inode->size = size;
	inode_touch(inode, TOUCH_MTIME | TOUCH_CTIME);
	return 0;
}

static int ramfs_setattr(struct inode *inode, const struct inode_attr *attr)
{
	if (attr->valid & ATTR_SIZE) {
		int err;

		if (!S_ISREG(inode->mode))
			return -EINVAL;
		err = file_resize(inode, attr->size);
		if (err)
			return err;
	}
	inode_setattr_copy(inode, attr);
	return 0;
}

/* ---------------------------------------------------------------- symlinks */

static ssize_t ramfs_readlink(struct inode *inode, char *buf, size_t size)
{
	size_t len = inode->size;

	if (len > size)
		len = size;
	memcpy(buf, RI(inode)->target, len);
	return len;
}

static const struct inode_ops ramfs_dir_ops = {
	.lookup = ramfs_lookup,
	.create = ramfs_mknod,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.rename = ramfs_rename,
	.symlink = ramfs_symlink,
	.setattr = ramfs_setattr,
	.iterate = ramfs_iterate,
};

static const struct inode_ops ramfs_file_ops = {
	.setattr = ramfs_setattr,
	.read = ramfs_read,
	.write = ramfs_write,
	.map_page = ramfs_map_page,
};

static const struct inode_ops ramfs_symlink_ops = {
	.readlink = ramfs_readlink,
	.setattr = ramfs_setattr,
};

static const struct inode_ops ramfs_special_ops = {
	.setattr = ramfs_setattr,
};
