/**
 * @file vfs.h
 * @brief The virtual filesystem: fd tables, working directories, path lookup, opening files.
 *
 * What the rest of the kernel calls to reach files.  The process core uses
 * the fd-table and fs-context functions at fork, clone, execve and exit, and
 * vfs_open()/file_pread_kernel() to load programs.  Filesystems plug in
 * through inode.h; open files are struct file (file.h).
 *
 * Paths are resolved by one walk (namei.c) used by every syscall: it
 * follows symbolic links (at most SYMLINK_MAX, then -ELOOP), refuses
 * components longer than NAME_MAX (-ENAMETOOLONG), checks search permission
 * on each directory and stops `..` at the task's root.  Layer 40 crosses
 * mount points by installing struct vfs_mount_hooks.
 *
 * All functions run in task context and may sleep only where noted (pipes,
 * FIFO opens); the kernel is not preempted, so none takes a lock.
 */
#ifndef VFS_H
#define VFS_H

#include <compiler.h>
#include <file.h>
#include <inode.h>
#include <stat.h>
#include <types.h>

/* open(2) flags, Linux x86_64 values. */
#ifndef O_CREAT
#define O_ACCMODE 00000003	/**< mask of the access mode */
#define O_RDONLY 00000000	/**< open for reading */
#define O_WRONLY 00000001	/**< open for writing */
#define O_RDWR 00000002		/**< open for both */
#define O_CREAT 00000100	/**< create if missing */
#define O_EXCL 00000200		/**< with O_CREAT: fail if it exists */
#define O_NOCTTY 00000400	/**< do not become the controlling terminal */
#define O_TRUNC 00001000	/**< truncate a regular file to 0 */
#define O_APPEND 00002000	/**< every write goes to the end */
#define O_NONBLOCK 00004000	/**< never sleep: -EAGAIN instead */
#define O_DSYNC 00010000	/**< synchronous data writes (a no-op on RAM) */
#define O_ASYNC 00020000	/**< SIGIO (not supported; accepted and kept) */
#define O_DIRECT 00040000	/**< bypass caches (accepted and kept) */
#define O_LARGEFILE 00100000	/**< 64-bit offsets: always on, as Linux x86_64 sets it */
#define O_DIRECTORY 00200000	/**< fail unless a directory */
#define O_NOFOLLOW 00400000	/**< fail with -ELOOP if the last component is a symlink */
#define O_NOATIME 01000000	/**< do not update the access time */
#define O_CLOEXEC 02000000	/**< set FD_CLOEXEC on the new descriptor */
#define O_SYNC 04010000		/**< synchronous writes (a no-op on RAM) */
#define O_PATH 010000000	/**< a handle for the name only: no read, write or ioctl */
#define O_TMPFILE 020200000	/**< unnamed file (not supported: -EOPNOTSUPP) */
#endif

/* *at(2) arguments. */
#ifndef AT_FDCWD
#define AT_FDCWD (-100)			/**< dirfd meaning the working directory */
#define AT_SYMLINK_NOFOLLOW 0x100	/**< do not follow a final symlink */
#define AT_EACCESS 0x200		/**< faccessat: use the effective ids */
#define AT_REMOVEDIR 0x200		/**< unlinkat: remove a directory */
#define AT_SYMLINK_FOLLOW 0x400		/**< linkat: follow a final symlink */
#define AT_EMPTY_PATH 0x1000		/**< an empty path means dirfd itself */
#endif

/* fcntl(2) commands and descriptor flags. */
#ifndef F_DUPFD
#define F_DUPFD 0		/**< duplicate to the lowest fd >= arg */
#define F_GETFD 1		/**< get FD_CLOEXEC */
#define F_SETFD 2		/**< set FD_CLOEXEC */
#define F_GETFL 3		/**< get the status flags and access mode */
#define F_SETFL 4		/**< set O_APPEND, O_NONBLOCK, O_ASYNC, O_DIRECT, O_NOATIME */
#define F_DUPFD_CLOEXEC 1030	/**< F_DUPFD with FD_CLOEXEC set */
#define FD_CLOEXEC 1		/**< close the descriptor at execve */
#endif

/* lseek(2) whence. */
#ifndef SEEK_SET
#define SEEK_SET 0	/**< from the start */
#define SEEK_CUR 1	/**< from the current position */
#define SEEK_END 2	/**< from the end */
#endif

/* access(2) modes. */
#ifndef R_OK
#define F_OK 0		/**< exists */
#define X_OK 1		/**< executable / searchable */
#define W_OK 2		/**< writable */
#define R_OK 4		/**< readable */
#endif

/** @brief renameat2(2) flag: fail with -EEXIST if the target exists. */
#define RENAME_NOREPLACE 1
/** @brief renameat2(2) flag: swap the two names (not supported: -EINVAL). */
#define RENAME_EXCHANGE 2

/** @brief utimensat(2) tv_nsec value: set this time to now. */
#define UTIME_NOW ((1L << 30) - 1L)
/** @brief utimensat(2) tv_nsec value: leave this time alone. */
#define UTIME_OMIT ((1L << 30) - 2L)

/** @brief Hard limit on descriptors per fd table (RLIMIT_NOFILE may lower it). */
#define FILES_MAX 4096
/** @brief Capacity of a pipe in bytes (Linux's default, 16 pages). */
#define PIPE_SIZE 65536
/** @brief Writes of at most this many bytes to a pipe are atomic (POSIX PIPE_BUF). */
#define PIPE_BUF 4096

/** @brief One descriptor slot of an fd table. */
struct fd_slot {
	struct file *file;	/**< the open file (one reference), or NULL if the fd is free */
	unsigned int cloexec;	/**< 1: close at execve (FD_CLOEXEC) */
};

/** @brief A process's descriptor table; threads created with CLONE_FILES share it. */
struct files {
	unsigned int refs;	/**< tasks using it */
	unsigned int size;	/**< slots allocated (grows on demand up to FILES_MAX) */
	struct fd_slot *slots;	/**< the descriptors */
};

/** @brief A process's root, working directory and umask; shared with CLONE_FS. */
struct fs_context {
	unsigned int refs;	/**< tasks using it */
	struct inode *root;	/**< where "/" and ".." stop (one reference) */
	struct inode *cwd;	/**< where relative paths start (one reference) */
	mode_t umask;		/**< bits cleared from the mode of new files */
};

/**
 * files_create() - An empty fd table.
 * @return the table with one reference, or NULL when out of memory
 */
struct files *files_create(void);

/**
 * files_dup() - A copy of @p f for fork without CLONE_FILES: the same open files (each
 * file_get()) in the same slots, with the same close-on-exec bits.
 * @param f the table to copy
 * @return the copy with one reference, or NULL when out of memory
 */
struct files *files_dup(struct files *f);

/**
 * files_get() - Share @p f (clone with CLONE_FILES).
 * @param f the table
 * @return @p f
 */
struct files *files_get(struct files *f);

/**
 * files_put() - Drop a reference; the last one closes every descriptor.
 * @param f the table (NULL is allowed)
 */
void files_put(struct files *f);

/**
 * files_close_on_exec() - Close every descriptor marked FD_CLOEXEC (execve).
 * @param f the table
 */
void files_close_on_exec(struct files *f);

/**
 * fs_context_create() - The first fs context: root and cwd are the root directory, umask 022.
 * @return it with one reference, or NULL when out of memory
 */
struct fs_context *fs_context_create(void);

/**
 * fs_context_dup() - A copy of @p fs (fork or clone without CLONE_FS).
 * @param fs the context
 * @return the copy with one reference, or NULL when out of memory
 */
struct fs_context *fs_context_dup(struct fs_context *fs);

/**
 * fs_context_get() - Share @p fs (CLONE_FS).
 * @param fs the context
 * @return @p fs
 */
struct fs_context *fs_context_get(struct fs_context *fs);

/**
 * fs_context_put() - Drop a reference; the last one releases root and cwd.
 * @param fs the context (NULL is allowed)
 */
void fs_context_put(struct fs_context *fs);

/**
 * vfs_open() - Open a kernel path, exactly as open(2) does (the code open and openat use).
 * @param path  NUL-terminated; relative paths start at task_current()->fs->cwd
 *              (at the root if the task has no fs context yet)
 * @param flags O_* flags
 * @param mode  permission bits of a file O_CREAT makes (the umask is applied)
 * @param out   receives the file (one reference)
 * @return 0 or -errno (-ENOENT, -EACCES, -EISDIR, -ELOOP, -ENXIO, ...)
 *
 * May sleep (opening a FIFO waits for the other end unless O_NONBLOCK).
 */
int vfs_open(const char *path, int flags, mode_t mode, struct file **out);

/**
 * file_pread_kernel() - Read a regular file into kernel memory (execve, mmap).
 * @param f   the file
 * @param buf kernel buffer
 * @param n   bytes wanted
 * @param off file offset
 * @return bytes read (fewer at end of file, 0 past it), -EINVAL if @p f is not
 *         a regular file, -EBADF if it was opened O_PATH or write-only
 */
ssize_t file_pread_kernel(struct file *f, void *buf, size_t n, uint64_t off);

/**
 * file_exec_check() - Whether @p f may be executed.
 * @param f the file
 * @return 0, or -EACCES unless it is a regular file with an x bit the task may use
 */
int file_exec_check(struct file *f);

/**
 * file_mmap_check() - Whether @p f may be mapped.
 * @param f                 the file
 * @param prot_write_shared 1 for a writable MAP_SHARED mapping (needs O_RDWR)
 * @return 0; -EACCES if not open for reading (or writing, for @p prot_write_shared);
 *         -ENODEV unless it is a regular file
 */
int file_mmap_check(struct file *f, int prot_write_shared);

/**
 * file_size() - Size in bytes of the file's inode.
 * @param f the file
 * @return the size (0 for files without an inode)
 */
uint64_t file_size(struct file *f);

/**
 * fd_install() - Put @p f in the lowest free descriptor of task_current()->files.
 * @param f       the file; its reference moves into the table (also on failure it is dropped)
 * @param cloexec 1 to set FD_CLOEXEC
 * @return the descriptor, or -EMFILE (or -ENOMEM)
 */
int fd_install(struct file *f, int cloexec);

/**
 * fd_get() - The open file behind descriptor @p fd of the current task.
 * @param fd the descriptor
 * @return a new reference (drop it with file_put()), or NULL if @p fd is not open
 */
struct file *fd_get(int fd);

/**
 * initramfs_unpack() - Unpack a cpio "newc" archive into the root filesystem.
 * @param cpio the archive (e.g. the initramfs the boot loader gave)
 * @param len  its size
 * @return 0; -EINVAL for a corrupt archive (checked before anything is
 *         unpacked; a pr_err names the entry and offset); or the first error
 *         creating an entry (the others are still unpacked)
 */
int initramfs_unpack(const void *cpio, size_t len);

/** @brief vfs_lookup() flags. */
#define LOOKUP_FOLLOW 1		/**< follow a symlink in the last component */
#define LOOKUP_DIRECTORY 2	/**< the result must be a directory (-ENOTDIR) */

/**
 * vfs_lookup_at() - Resolve a kernel path starting at directory @p start.
 * @param start where a relative path starts (an absolute one starts at the task's root)
 * @param path  NUL-terminated, non-empty
 * @param flags LOOKUP_* bits
 * @param out   receives the inode (one reference)
 * @return 0 or -errno
 */
int vfs_lookup_at(struct inode *start, const char *path, unsigned int flags,
		  struct inode **out);

/**
 * vfs_user_lookup() - Resolve a user path relative to @p dirfd, as the *at() syscalls do.
 * @param dirfd AT_FDCWD or a directory descriptor
 * @param upath the user's path
 * @param flags LOOKUP_* bits, plus AT_EMPTY_PATH to allow "" meaning @p dirfd itself
 * @param out   receives the inode (one reference)
 * @return 0 or -errno (-EFAULT, -ENOENT for "", -EBADF, -ENOTDIR, ...)
 */
int vfs_user_lookup(int dirfd, const char __user *upath, unsigned int flags,
		    struct inode **out);

/**
 * vfs_root() - The root directory of the root filesystem.
 * @return it (no reference taken; it lives forever)
 */
struct inode *vfs_root(void);

/**
 * vfs_getattr() - Fill a Linux struct stat from @p inode.
 * @param inode the inode
 * @param st    the result
 */
void vfs_getattr(struct inode *inode, struct linux_stat *st);

/**
 * vfs_iterate() - List the directory open as @p f into @p ctx, from and updating f->pos.
 * @param f   an open directory
 * @param ctx the actor; ctx->pos is set from f->pos first
 * @return 0 or -errno (-ENOTDIR)
 */
int vfs_iterate(struct file *f, struct dir_context *ctx);

/**
 * @brief Where the path walk crosses mount points; layer 40 fills it with vfs_set_mount_hooks().
 *
 * Mounts are keyed by the mounted-on inode's (sb->dev, ino).  Without hooks
 * (layer 20) nothing is ever mounted and the walk stays in the root ramfs.
 */
struct vfs_mount_hooks {
	/**
	 * @brief Called on every inode the walk reaches (including the start):
	 * return the root of what is mounted on @p inode (a new reference, after
	 * inode_put(@p inode)), or @p inode itself.
	 */
	struct inode *(*enter)(struct inode *inode);
	/**
	 * @brief Called before the walk takes ".." of directory @p dir: if @p dir is
	 * the root of a mounted filesystem, return the inode it is mounted on (a new
	 * reference, after inode_put(@p dir)), so ".." leaves the mount; else @p dir.
	 */
	struct inode *(*leave)(struct inode *dir);
};

/**
 * vfs_set_mount_hooks() - Install the mount-crossing hooks (layer 40, once at boot).
 * @param hooks a static table; NULL restores the default (no mounts)
 */
void vfs_set_mount_hooks(const struct vfs_mount_hooks *hooks);

#endif /* VFS_H */
