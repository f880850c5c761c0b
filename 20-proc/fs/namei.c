/*
 * namei.c - the path walk: from a string to an inode (path_resolution(7)).
 *
 * One walk serves every syscall.  It takes the path one component at a
 * time, holding a reference on the directory it stands in:
 *
 *   - every component must be looked up in a directory (-ENOTDIR) that the
 *     task may search (-EACCES), and be at most NAME_MAX bytes (-ENAMETOOLONG);
 *   - "." stays, ".." goes up but never above the task's root;
 *   - a symlink met before the last component is always followed, the last
 *     one only when asked (or when a trailing slash follows it).  Following
 *     splices the link's target in front of the rest of the path, in a fresh
 *     buffer, and goes on from the link's directory (or the root, for an
 *     absolute target): no recursion, so a long chain of links costs no
 *     kernel stack.  After SYMLINK_MAX links the walk fails with -ELOOP,
 *     which is how a loop is detected;
 *   - every inode reached passes through the mount hooks, which layer 40
 *     sets to cross into a filesystem mounted there, and to leave one at
 *     its root through "..".
 *
 * Pure C: the task's root comes from fsctx_root(), which the host tests
 * replace, so the whole walk runs on the host against ramfs.
 */
#include <kmalloc.h>
#include <string.h>
#include "internal.h"

static const struct vfs_mount_hooks *mount_hooks;

void vfs_set_mount_hooks(const struct vfs_mount_hooks *hooks)
{
	mount_hooks = hooks;
}

struct inode *walk_mount_enter(struct inode *inode)
{
	return mount_hooks && mount_hooks->enter ? mount_hooks->enter(inode) : inode;
}

struct inode *walk_mount_leave(struct inode *dir)
{
	return mount_hooks && mount_hooks->leave ? mount_hooks->leave(dir) : dir;
}

/* A walk in progress. */
struct nameidata {
	struct inode *root;	/* the task's root: ".." stops here (a reference) */
	struct inode *cur;	/* the directory we stand in (a reference) */
	const char *p;		/* the rest of the path */
	char *buf;		/* the buffer @p points into after a symlink, or NULL */
	int links;		/* symlinks followed */
};

static void nd_start(struct nameidata *nd, struct inode *start, const char *path, int links)
{
	nd->root = fsctx_root();
	nd->cur = walk_mount_enter(inode_get(path[0] == '/' ? nd->root : start));
	nd->p = path;
	nd->buf = NULL;
	nd->links = links;
}

static void nd_done(struct nameidata *nd)
{
	inode_put(nd->cur);
	inode_put(nd->root);
	kfree(nd->buf);
}

/*
 * Copy the next component into @name.  Returns its length, 0 when the path
 * is used up, or -ENAMETOOLONG.  *@last says no component follows it, and
 * *@slash that slashes followed it anyway ("dir/").
 */
static int next_component(struct nameidata *nd, char *name, int *last, int *slash)
{
	const char *p = nd->p, *end;
	size_t len;

	while (*p == '/')
		p++;
	if (*p == '\0') {
		nd->p = p;
		return 0;
	}
	end = p;
	while (*end && *end != '/')
		end++;
	len = end - p;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(name, p, len);
	name[len] = '\0';
	nd->p = end;
	*slash = *end == '/';
	while (*end == '/')
		end++;
	*last = *end == '\0';
	return len;
}

/* The directory we stand in may be searched. */
static int may_search(struct inode *dir)
{
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	return inode_permission(dir, MAY_EXEC);
}

/* Look @name up in directory @dir (checked by the caller): a new reference. */
static int lookup_in(struct inode *dir, const char *name, struct inode **out)
{
	int err;

	if (!dir->ops || !dir->ops->lookup)
		return -ENOTDIR;
	err = dir->ops->lookup(dir, name, out);
	if (err)
		return err;
	*out = walk_mount_enter(*out);
	return 0;
}

/* Move nd->cur to its parent, staying put at the task's root. */
static int step_dotdot(struct nameidata *nd)
{
	struct inode *parent;
	int err;

	if (nd->cur == nd->root)
		return 0;
	nd->cur = walk_mount_leave(nd->cur);
	err = lookup_in(nd->cur, "..", &parent);
	if (err)
		return err;
	inode_put(nd->cur);
	nd->cur = parent;
	return 0;
}

int walk_read_link(struct inode *link, char **out)
{
	char *buf;
	ssize_t n;

	if (!link->ops || !link->ops->readlink)
		return -EINVAL;
	buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	n = link->ops->readlink(link, buf, PATH_MAX - 1);
	if (n < 0) {
		kfree(buf);
		return n;
	}
	buf[n] = '\0';
	*out = buf;
	return n;
}

/*
 * Replace what is left of the path by @link's target followed by the rest.
 * nd->cur stays the link's directory, or becomes the root for "/...".
 */
static int follow_link(struct nameidata *nd, struct inode *link)
{
	size_t rest_len = strlen(nd->p);
	char *buf;
	int n;

	if (++nd->links > SYMLINK_MAX)
		return -ELOOP;
	n = walk_read_link(link, &buf);
	if (n < 0)
		return n;
	if (n == 0) {
		kfree(buf);
		return -ENOENT;		/* an empty symlink names nothing */
	}
	if ((size_t)n + rest_len >= PATH_MAX) {
		kfree(buf);
		return -ENAMETOOLONG;
	}
	memcpy(buf + n, nd->p, rest_len + 1);
	kfree(nd->buf);
	nd->buf = buf;
	nd->p = buf;
	if (buf[0] == '/') {
		inode_put(nd->cur);
		nd->cur = walk_mount_enter(inode_get(nd->root));
	}
	return 0;
}

/*
 * Walk until the last component, which is left in @name (with *@kind,
 * *@slash).  Symlinks before it are followed.
 */
static int walk_to_last(struct nameidata *nd, char *name, enum last_kind *kind, int *slash)
{
	for (;;) {
		struct inode *child;
		int last = 0, len, err;

		len = next_component(nd, name, &last, slash);
		if (len < 0)
			return len;
		if (len == 0) {
			*kind = LAST_ROOT;	/* "/" or a link to it */
			*slash = 0;
			name[0] = '\0';
			return 0;
		}
		if (last) {
			if (strcmp(name, ".") == 0)
				*kind = LAST_DOT;
			else if (strcmp(name, "..") == 0)
				*kind = LAST_DOTDOT;
			else
				*kind = LAST_NORMAL;
			return 0;
		}
		err = may_search(nd->cur);
		if (err)
			return err;
		if (strcmp(name, ".") == 0)
			continue;
		if (strcmp(name, "..") == 0) {
			err = step_dotdot(nd);
			if (err)
				return err;
			continue;
		}
		err = lookup_in(nd->cur, name, &child);
		if (err)
			return err;
		if (S_ISLNK(child->mode)) {
			err = follow_link(nd, child);
			inode_put(child);
			if (err)
				return err;
			continue;
		}
		inode_put(nd->cur);
		nd->cur = child;
	}
}

int walk_parent_at(struct inode *start, const char *path, struct walk_parent *wp)
{
	struct nameidata nd;
	int err;

	if (path[0] == '\0')
		return -ENOENT;
	nd_start(&nd, start, path, wp->links);
	err = walk_to_last(&nd, wp->name, &wp->kind, &wp->trailing_slash);
	wp->links = nd.links;
	if (err) {
		nd_done(&nd);
		return err;
	}
	wp->dir = nd.cur;
	nd.cur = NULL;
	nd_done(&nd);
	return 0;
}

void walk_parent_done(struct walk_parent *wp)
{
	inode_put(wp->dir);
	wp->dir = NULL;
}

int walk_lookup_last(struct walk_parent *wp, struct inode **out)
{
	int err = may_search(wp->dir);

	if (err)
		return err;
	return lookup_in(wp->dir, wp->name, out);
}

int walk_at(struct inode *start, const char *path, unsigned int flags, int *links,
	    struct inode **out)
{
	struct nameidata nd;
	char name[NAME_MAX + 1];
	enum last_kind kind;
	struct inode *inode;
	int slash, err;

	if (path[0] == '\0')
		return -ENOENT;
	nd_start(&nd, start, path, *links);
	for (;;) {
		err = walk_to_last(&nd, name, &kind, &slash);
		if (err)
			goto out;
		if (kind == LAST_ROOT || kind == LAST_DOT) {
			err = may_search(nd.cur);
			if (kind == LAST_ROOT && err == -EACCES)
				err = 0;	/* "/" itself needs no search right */
			if (err)
				goto out;
			inode = inode_get(nd.cur);
			break;
		}
		err = may_search(nd.cur);
		if (err)
			goto out;
		if (kind == LAST_DOTDOT) {
			err = step_dotdot(&nd);
			if (err)
				goto out;
			inode = inode_get(nd.cur);
			break;
		}
		err = lookup_in(nd.cur, name, &inode);
		if (err)
			goto out;
		if (S_ISLNK(inode->mode) && ((flags & LOOKUP_FOLLOW) || slash)) {
			err = follow_link(&nd, inode);
			inode_put(inode);
			if (err)
				goto out;
			continue;
		}
		break;
	}
	if (((flags & LOOKUP_DIRECTORY) || slash) && !S_ISDIR(inode->mode)) {
		inode_put(inode);
		err = -ENOTDIR;
		goto out;
	}
	*out = inode;
out:
	*links = nd.links;
	nd_done(&nd);
	return err;
}

int vfs_lookup_at(struct inode *start, const char *path, unsigned int flags,
		  struct inode **out)
{
	int links = 0;

	return walk_at(start, path, flags, &links, out);
}

/* ---------------------------------------------------------------- getcwd */

struct name_search {
	struct dir_context ctx;
	uint64_t ino;
	char *name;		/* NAME_MAX + 1 bytes */
	int found;
};

static int match_ino(struct dir_context *ctx, const char *name, size_t len, uint64_t ino,
		     unsigned int type, uint64_t next_pos)
{
	struct name_search *s = container_of(ctx, struct name_search, ctx);

	if (ino != s->ino || (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return 0;
	memcpy(s->name, name, len);
	s->name[len] = '\0';
	s->found = 1;
	return 1;
}

/*
 * Prepend "/name" for each directory from @dir up to the root, finding
 * each one's name by its inode number in its parent (the Unix way: it
 * works for any filesystem that can list a directory).  Across a mount,
 * the name is that of the inode mounted on, which lives in the parent's
 * filesystem.
 */
char *vfs_path_of(struct inode *dir, char *buf, size_t size)
{
	struct inode *root = fsctx_root();
	struct inode *cur = inode_get(dir);
	struct name_search s = { .ctx = { .actor = match_ino } };
	char *p = buf + size;
	char *err = NULL;

	if (size < 2) {
		err = ERR_PTR(-ERANGE);
		goto out;
	}
	*--p = '\0';
	s.name = kmalloc(NAME_MAX + 1);
	if (!s.name) {
		err = ERR_PTR(-ENOMEM);
		goto out;
	}
	while (cur != root) {
		struct inode *parent;
		size_t len;
		int e;

		cur = walk_mount_leave(cur);
		e = lookup_in(cur, "..", &parent);
		if (e) {
			err = ERR_PTR(e);
			goto out;
		}
		if (parent == cur) {	/* a root that is not the task's root */
			inode_put(parent);
			break;
		}
		s.ino = cur->ino;
		s.found = 0;
		s.ctx.pos = 0;
		if (parent->ops && parent->ops->iterate)
			parent->ops->iterate(parent, &s.ctx);
		inode_put(cur);
		cur = parent;
		if (!s.found) {
			err = ERR_PTR(-ENOENT);
			goto out;
		}
		len = strlen(s.name);
		if ((size_t)(p - buf) < len + 1) {
			err = ERR_PTR(-ERANGE);
			goto out;
		}
		p -= len;
		memcpy(p, s.name, len);
		*--p = '/';
	}
	if (*p == '\0') {
		if (p == buf) {
			err = ERR_PTR(-ERANGE);
			goto out;
		}
		*--p = '/';
	}
out:
	kfree(s.name);
	inode_put(cur);
	inode_put(root);
	return err ? err : p;
}
