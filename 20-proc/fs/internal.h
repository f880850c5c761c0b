/*
 * internal.h - what the files of 20-proc/fs/ share and nobody else needs.
 *
 * The functions marked "host-stubbed" read the current task; the pure parts
 * (inode.c, ramfs.c, namei.c, vfs_dir.c, initramfs.c) reach the task only
 * through them, so the host tests can replace them.
 */
#ifndef FS_INTERNAL_H
#define FS_INTERNAL_H

#include <errno.h>
#include <file.h>
#include <inode.h>
#include <stat.h>
#include <types.h>
#include <vfs.h>

/*
 * The data pages of ramfs files (fs/ramfs_pages.c in the kernel; the host
 * tests supply their own): whole physical pages with a reference count, so
 * a page mapped MAP_SHARED outlives its removal from the file.
 */
void *ramfs_page_alloc(void);		/* a zeroed page, or NULL */
void ramfs_page_put(void *page);	/* drop the file's reference (NULL: nothing) */
uint64_t ramfs_page_share(void *page);	/* its physical address, one more reference taken */

/*
 * ERR_PTR and friends come with the kernel's <errno.h>; the host tests get
 * the C library's errno.h, so define the same helpers for them.
 */
#ifndef MAX_ERRNO
#define MAX_ERRNO 4095
static inline void *ERR_PTR(long err)
{
	return (void *)err;
}

static inline long PTR_ERR(const void *p)
{
	return (long)p;
}

static inline int IS_ERR(const void *p)
{
	return (unsigned long)p >= (unsigned long)-MAX_ERRNO;
}
#endif

/* The largest count one read or write moves, as Linux's MAX_RW_COUNT. */
#define RW_MAX 0x7ffff000UL

/* ---- the current task's view (fs_context.c; host-stubbed) ---- */

/* The task's root directory, or vfs_root() without a task: a new reference. */
struct inode *fsctx_root(void);
/* The task's working directory (or vfs_root()): a new reference. */
struct inode *fsctx_cwd(void);
/* The task's umask (0 without a task). */
mode_t fsctx_umask(void);
/* The ids files are created with and checked against (the effective ids). */
void vfs_current_ids(uid_t *uid, gid_t *gid);

/* ---- inode.c ---- */

/* inode_permission() for given ids (access(2) checks with the real ones). */
int inode_permission_ids(struct inode *inode, int mask, uid_t uid, gid_t gid);
/* The current time (ktime_realtime). */
void vfs_now(struct ktimespec *ts);

/* ---- namei.c: the path walk ---- */

/* What the last component of a path is. */
enum last_kind {
	LAST_NORMAL,	/* a name */
	LAST_DOT,	/* "." */
	LAST_DOTDOT,	/* ".." */
	LAST_ROOT,	/* the path was "/" (or only slashes) */
};

/* A path resolved up to its last component. */
struct walk_parent {
	struct inode *dir;		/* the directory holding the last component (a reference) */
	char name[NAME_MAX + 1];	/* the last component ("" for LAST_ROOT) */
	enum last_kind kind;
	int trailing_slash;		/* the path ended in '/' */
	int links;			/* symlinks followed so far (in: carried over from a restart) */
};

/*
 * Resolve all but the last component of @path, starting at @start (or at the
 * task's root for an absolute path).  On success wp->dir holds a reference:
 * release it with walk_parent_done().  wp->links must be set by the caller.
 */
int walk_parent_at(struct inode *start, const char *path, struct walk_parent *wp);
void walk_parent_done(struct walk_parent *wp);
/*
 * Look up wp->name in wp->dir as the walk would (directory and search
 * permission checked, mount hooks applied).  No symlink is followed.
 */
int walk_lookup_last(struct walk_parent *wp, struct inode **out);
/* Resolve the whole path; *links counts followed symlinks across restarts. */
int walk_at(struct inode *start, const char *path, unsigned int flags, int *links,
	    struct inode **out);
/* Read a symlink's target into a new PATH_MAX buffer (kfree it): its length or -errno. */
int walk_read_link(struct inode *link, char **out);
/* Apply the mount hooks (they take @inode's reference and return one). */
struct inode *walk_mount_enter(struct inode *inode);
struct inode *walk_mount_leave(struct inode *dir);
/*
 * Write the path of directory @dir (as seen from the task's root) at the
 * end of @buf; return its start, or an ERR_PTR (-ENOENT if @dir was removed,
 * -ERANGE if @size is too small).
 */
char *vfs_path_of(struct inode *dir, char *buf, size_t size);

/* ---- vfs_dir.c: changing directories, on kernel paths ---- */

/* mknod/mkdir: @mode has the type and final permission bits. */
int vfs_mknod_at(struct inode *start, const char *path, mode_t mode, dev_t rdev,
		 struct inode **out);
int vfs_unlink_at(struct inode *start, const char *path);
int vfs_rmdir_at(struct inode *start, const char *path);
int vfs_rename_at(struct inode *old_start, const char *old_path, struct inode *new_start,
		  const char *new_path, unsigned int flags);
int vfs_symlink_at(const char *target, struct inode *start, const char *path);
int vfs_link_at(struct inode *old_start, const char *old_path, int follow,
		struct inode *new_start, const char *new_path);
/* Give @inode (not a directory) the new name @path. */
int vfs_link_inode_at(struct inode *inode, struct inode *start, const char *path);
/* Create @name in @dir (permission, existence and trailing-slash checks done here). */
int vfs_create_in(struct walk_parent *wp, mode_t mode, dev_t rdev, struct inode **out);
/* Apply @attr through the filesystem (no permission checks). */
int vfs_setattr(struct inode *inode, const struct inode_attr *attr);
/* Write the whole buffer into a regular file at @off: 0 or -errno. */
int vfs_write_all(struct inode *inode, const void *buf, size_t n, uint64_t off);

/* ---- dirent.c: getdents64 records ---- */

/* A kernel buffer getdents64 fills. */
struct dirent_buf {
	struct dir_context ctx;
	char *buf;
	size_t size;
	size_t used;
};
/* The actor that packs struct linux_dirent64 records into a struct dirent_buf. */
int dirent_pack(struct dir_context *ctx, const char *name, size_t len, uint64_t ino,
		unsigned int type, uint64_t next_pos);

/* ---- user paths (user_path.c) ---- */

/* Copy a user path into a new PATH_MAX buffer: the buffer or an ERR_PTR. */
char *getname(const char __user *upath);
void putname(char *name);
/* Where a path relative to @dirfd starts: a new reference, or -EBADF/-ENOTDIR. */
int dirfd_start(int dirfd, const char *path, struct inode **out);
/* The file behind @fd (a new reference) or an ERR_PTR(-EBADF). */
struct file *fd_get_err(int fd);

/* ---- open.c ---- */

/* vfs_open() starting at @start. */
int vfs_open_at(struct inode *start, const char *path, int flags, mode_t mode,
		struct file **out);
/* Whether the file may be read / written (access mode, O_PATH). */
int file_readable(const struct file *f);
int file_writable(const struct file *f);

/* ---- pipe.c ---- */

extern const struct file_ops fifo_fops;
/* A user iovec, Linux's struct iovec. */
struct user_iovec {
	void __user *base;
	size_t len;
};
/* Whether @f is a pipe or FIFO (writev to it is atomic up to PIPE_BUF). */
int file_is_pipe(const struct file *f);
/* Write the iovecs (already copied from user space, total @total bytes) to a pipe. */
ssize_t pipe_writev(struct file *f, const struct user_iovec *iov, int count, size_t total);

/* ---- fdtable.c ---- */

/* Close @fd of the current task: 0 or -EBADF. */
int fd_close(int fd);
/* The current task's FD_CLOEXEC of @fd (0/1), or -EBADF; set it with fd_set_cloexec(). */
int fd_get_cloexec(int fd);
int fd_set_cloexec(int fd, int on);
/* F_DUPFD: duplicate @oldfd to the lowest free descriptor >= @min. */
long fd_dup_from(int oldfd, long min, int cloexec);

#endif /* FS_INTERNAL_H */
