/*
 * fs_context.c - a process's root, working directory and umask, and the
 * syscalls that read or change them: getcwd, chdir, fchdir, chroot, umask.
 *
 * Also the one place the files code asks "who is the current task?"
 * (fsctx_root(), fsctx_cwd(), vfs_current_ids()): before the first task
 * exists, or for a kernel thread without a context, the answer is the
 * root directory and root's ids.
 */
#include <kmalloc.h>
#include <syscall.h>
#include <task.h>
#include <uaccess.h>
#include "internal.h"

static struct fs_context *cur_fs(void)
{
	struct task *t = task_current();

	return t ? t->fs : NULL;
}

struct inode *fsctx_root(void)
{
	struct fs_context *fs = cur_fs();

	return inode_get(fs ? fs->root : vfs_root());
}

struct inode *fsctx_cwd(void)
{
	struct fs_context *fs = cur_fs();

	return inode_get(fs ? fs->cwd : vfs_root());
}

mode_t fsctx_umask(void)
{
	struct fs_context *fs = cur_fs();

	return fs ? fs->umask : 0;
}

/* Linux checks files against the fsuid, which follows the euid unless setfsuid(2) is used. */
void vfs_current_ids(uid_t *uid, gid_t *gid)
{
	struct task *t = task_current();

	*uid = t ? t->euid : 0;
	*gid = t ? t->egid : 0;
}

struct fs_context *fs_context_create(void)
{
	struct fs_context *fs = kzalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	fs->refs = 1;
	fs->root = inode_get(vfs_root());
	fs->cwd = inode_get(vfs_root());
	fs->umask = 022;
	return fs;
}

struct fs_context *fs_context_dup(struct fs_context *old)
{
	struct fs_context *fs = kzalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	fs->refs = 1;
	fs->root = inode_get(old->root);
	fs->cwd = inode_get(old->cwd);
	fs->umask = old->umask;
	return fs;
}

struct fs_context *fs_context_get(struct fs_context *fs)
{
	fs->refs++;
	return fs;
}

void fs_context_put(struct fs_context *fs)
{
	if (!fs || --fs->refs)
		return;
	inode_put(fs->root);
	inode_put(fs->cwd);
	kfree(fs);
}

SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_context *fs = cur_fs();
	mode_t old = fs->umask;

	fs->umask = mask & 0777;
	return old;
}

/*
 * The raw syscall returns the length including the NUL (glibc and musl
 * turn that into the buffer pointer), -ERANGE if it does not fit, and
 * -ENOENT once the working directory has been removed.
 */
SYSCALL_DEFINE2(getcwd, char __user *, ubuf, unsigned long, size)
{
	char *buf = kmalloc(PATH_MAX);
	char *path;
	long ret;
	size_t len;

	if (!buf)
		return -ENOMEM;
	path = vfs_path_of(cur_fs()->cwd, buf, PATH_MAX);
	if (IS_ERR(path)) {
		ret = PTR_ERR(path);
		goto out;
	}
	len = buf + PATH_MAX - path;	/* with the NUL */
	if (len > size) {
		ret = -ERANGE;
		goto out;
	}
	ret = copy_to_user(ubuf, path, len) ? -EFAULT : (long)len;
out:
	kfree(buf);
	return ret;
}

/* Make @dir (a reference) the cwd or root after checking it is a searchable directory. */
static long set_dir(struct inode **slot, struct inode *dir)
{
	long err = 0;

	if (!S_ISDIR(dir->mode))
		err = -ENOTDIR;
	else
		err = inode_permission(dir, MAY_EXEC);
	if (err) {
		inode_put(dir);
		return err;
	}
	inode_put(*slot);
	*slot = dir;
	return 0;
}

SYSCALL_DEFINE1(chdir, const char __user *, path)
{
	struct inode *dir;
	long err = vfs_user_lookup(AT_FDCWD, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &dir);

	return err ? err : set_dir(&cur_fs()->cwd, dir);
}

SYSCALL_DEFINE1(fchdir, int, fd)
{
	struct file *f = fd_get(fd);
	struct inode *dir;

	if (!f)
		return -EBADF;
	if (!f->inode) {
		file_put(f);
		return -ENOTDIR;
	}
	dir = inode_get(f->inode);
	file_put(f);
	return set_dir(&cur_fs()->cwd, dir);
}

/* chroot(2): only root may; ".." then stops at the new root. */
SYSCALL_DEFINE1(chroot, const char __user *, path)
{
	struct inode *dir;
	uid_t uid;
	gid_t gid;
	long err;

	vfs_current_ids(&uid, &gid);
	err = vfs_user_lookup(AT_FDCWD, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &dir);
	if (err)
		return err;
	if (uid != 0) {
		inode_put(dir);
		return -EPERM;
	}
	return set_dir(&cur_fs()->root, dir);
}
