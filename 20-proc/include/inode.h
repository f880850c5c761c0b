/**
 * @file inode.h
 * @brief Inodes, superblocks and filesystem types: what a filesystem implements for the VFS.
 *
 * An inode is one filesystem object (file, directory, symlink, device node,
 * FIFO), named by (st_dev, st_ino) = (inode->sb->dev, inode->ino).  A
 * filesystem instance is a struct super_block; a filesystem driver provides
 * a struct inode_ops for each kind of inode it makes and a struct super_ops
 * for the instance.  The VFS (vfs.h) does everything that is the same for
 * every filesystem: path walking, permission checks, the type checks of
 * rename/unlink/rmdir, open files, and the syscalls.  Layer 20 has one
 * filesystem, ramfs (the root, filled from the initramfs); layer 40 adds
 * others (tmpfs, devfs, procfs, ext2) through the same tables and registers
 * them with FS_TYPE_REGISTER().
 *
 * Lifetime: `refs` counts in-memory users (open files, working directories,
 * a path walk in progress); `nlink` counts names in the filesystem.  When
 * the last reference goes, inode_put() calls sb->ops->inode_release(); the
 * filesystem frees the inode then if no name refers to it any more (so a
 * file unlinked while open stays readable until closed).
 *
 * Locking: one CPU and a kernel that is never preempted (task.h): nothing
 * here is touched by interrupt handlers, so nothing needs a lock.  Only
 * operations that may sleep (none of ramfs's do) can interleave.
 */
#ifndef INODE_H
#define INODE_H

#include <compiler.h>
#include <ktime.h>
#include <list.h>
#include <registry.h>
#include <stat.h>
#include <types.h>

struct inode;
struct super_block;
struct file_ops;
struct pipe;

/** @brief Longest name of one path component, without its NUL (Linux's NAME_MAX). */
#define NAME_MAX 255
/** @brief Longest path, with its NUL (Linux's PATH_MAX). */
#define PATH_MAX 4096
/** @brief Most symbolic links one path walk follows before failing with -ELOOP. */
#define SYMLINK_MAX 40

/** @brief inode_attr.valid bits: which members of struct inode_attr to apply. */
#define ATTR_MODE 0x01	/**< permission bits (the type bits are kept) */
#define ATTR_UID 0x02	/**< owner */
#define ATTR_GID 0x04	/**< group */
#define ATTR_SIZE 0x08	/**< size: truncate or extend with zeros */
#define ATTR_ATIME 0x10	/**< access time */
#define ATTR_MTIME 0x20	/**< modification time */
#define ATTR_CTIME 0x40	/**< status change time */

/** @brief A change of an inode's attributes (chmod, chown, truncate, utimensat). */
struct inode_attr {
	unsigned int valid;		/**< ATTR_* bits */
	mode_t mode;			/**< new permission bits (S_IALLUGO part) */
	uid_t uid;			/**< new owner */
	gid_t gid;			/**< new group */
	uint64_t size;			/**< new size */
	struct ktimespec atime;		/**< new access time */
	struct ktimespec mtime;		/**< new modification time */
	struct ktimespec ctime;		/**< new change time */
};

struct dir_context;

/**
 * @brief Receives one directory entry from inode_ops.iterate.
 * @param ctx      the context
 * @param name     the entry's name (not NUL-terminated)
 * @param len      its length
 * @param ino      its inode number
 * @param type     its DT_* type
 * @param next_pos the position just after this entry
 * @return 0 if the entry was taken (the filesystem then sets ctx->pos to
 *         @p next_pos and goes on), nonzero to stop *without* consuming it
 */
typedef int (*dir_actor_t)(struct dir_context *ctx, const char *name, size_t len,
			   uint64_t ino, unsigned int type, uint64_t next_pos);

/**
 * @brief A directory listing in progress (getdents64, getcwd, kernel users).
 *
 * `pos` is a cookie only the filesystem interprets, except that 0 means
 * "from the start" and that a directory lists `.` and `..` first.  The
 * filesystem advances it only past entries the actor took, so an entry that
 * did not fit in the caller's buffer comes first in the next call.
 */
struct dir_context {
	dir_actor_t actor;	/**< called for each entry */
	uint64_t pos;		/**< where the listing stands */
};

/**
 * @brief What a filesystem does with its inodes; members the VFS calls, NULL meaning "not supported".
 *
 * Names are single path components, NUL-terminated, 1..NAME_MAX bytes, never
 * "." (the walk handles it); ".." is passed to lookup only.  The VFS has
 * already checked search/write permission on directories and the kinds of
 * the objects involved (see each member); the filesystem checks existence
 * and emptiness, which it knows best.  Every `out` inode is a new reference.
 * A missing member makes the operation fail with -EPERM (changes) or
 * -EINVAL (reads).
 */
struct inode_ops {
	/** @brief Find @p name (or "..") in directory @p dir: 0 and *@p out, or -ENOENT. */
	int (*lookup)(struct inode *dir, const char *name, struct inode **out);
	/**
	 * @brief Make a new object @p name in @p dir: @p mode has its type (S_IFREG,
	 * S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK) and final permission bits (umask
	 * applied); @p rdev is the device number of a device node.  -EEXIST if the name exists.
	 */
	int (*create)(struct inode *dir, const char *name, mode_t mode, dev_t rdev,
		      struct inode **out);
	/** @brief Give @p inode (never a directory) the extra name @p name in @p dir; -EEXIST if taken. */
	int (*link)(struct inode *dir, const char *name, struct inode *inode);
	/** @brief Remove the name @p name of a non-directory from @p dir. */
	int (*unlink)(struct inode *dir, const char *name);
	/** @brief Remove the directory @p name from @p dir; -ENOTEMPTY unless it is empty. */
	int (*rmdir)(struct inode *dir, const char *name);
	/**
	 * @brief Move @p old_name of @p old_dir to @p new_name of @p new_dir (same
	 * superblock), replacing what is there.  The VFS has checked: the source exists,
	 * the target (if any) has a compatible type and is not the source's ancestor, and
	 * RENAME_NOREPLACE.  The filesystem checks that a replaced directory is empty.
	 */
	int (*rename)(struct inode *old_dir, const char *old_name, struct inode *new_dir,
		      const char *new_name, unsigned int flags);
	/** @brief Make a symbolic link @p name in @p dir that points to @p target. */
	int (*symlink)(struct inode *dir, const char *name, const char *target,
		       struct inode **out);
	/** @brief Copy a symlink's target (no NUL) into @p buf: its length, truncated to @p size. */
	ssize_t (*readlink)(struct inode *inode, char *buf, size_t size);
	/** @brief Apply @p attr (the VFS has checked permissions); must handle ATTR_SIZE on regular files. */
	int (*setattr)(struct inode *inode, const struct inode_attr *attr);
	/** @brief Read up to @p n bytes of a regular file at @p off into kernel memory: bytes, 0 at EOF. */
	ssize_t (*read)(struct inode *inode, void *buf, size_t n, uint64_t off);
	/** @brief Write @p n bytes from kernel memory at @p off, growing the file: bytes or -errno. */
	ssize_t (*write)(struct inode *inode, const void *buf, size_t n, uint64_t off);
	/** @brief List directory @p dir from ctx->pos (".", "..", then the entries). */
	int (*iterate)(struct inode *dir, struct dir_context *ctx);
	/**
	 * @brief The physical page holding bytes [@p index * 4096, +4096) of a regular file, with a
	 * reference taken for the caller (MAP_SHARED maps it; munmap drops it).  A hole becomes a
	 * real zeroed page first.  -ENXIO past the end of the file.  NULL: no shared mappings.
	 */
	int (*map_page)(struct inode *inode, uint64_t index, uint64_t *phys);
};

/** @brief Filesystem statistics (statfs(2), which layer 40 adds). */
struct kstatfs {
	uint64_t type;		/**< filesystem magic number */
	uint64_t bsize;		/**< block size */
	uint64_t blocks;	/**< total blocks */
	uint64_t bfree;		/**< free blocks */
	uint64_t bavail;	/**< blocks free for unprivileged users */
	uint64_t files;		/**< total inodes */
	uint64_t ffree;		/**< free inodes */
	uint64_t namelen;	/**< longest name */
};

/** @brief What a filesystem instance does; any member may be NULL. */
struct super_ops {
	/** @brief The last reference to @p inode was dropped (free it if nlink is 0; a cache may keep it). */
	void (*inode_release)(struct inode *inode);
	/** @brief Write everything dirty to the backing store (sync(2), fsync(2)); NULL: nothing to do. */
	int (*sync)(struct super_block *sb);
	/** @brief Fill @p st (statfs(2)). */
	int (*statfs)(struct super_block *sb, struct kstatfs *st);
};

/** @brief One filesystem instance. */
struct super_block {
	dev_t dev;			/**< st_dev of every inode (vfs_anon_dev_alloc() for RAM filesystems) */
	const struct super_ops *ops;	/**< its operations */
	const char *type_name;		/**< its filesystem type's name ("ramfs") */
	struct inode *root;		/**< its root directory (one reference held) */
	uint64_t next_ino;		/**< next inode number inode_init() hands out */
	void *fs_info;			/**< the filesystem's own data */
	struct list_node all_node;	/**< link in the list of every superblock (sync) */
};

/** @brief One in-memory inode. */
struct inode {
	unsigned int refs;		/**< in-memory references (see the file comment) */
	uint64_t ino;			/**< inode number, unique within sb */
	struct super_block *sb;		/**< its filesystem: sb->dev is its st_dev */
	mode_t mode;			/**< type and permission bits */
	unsigned int nlink;		/**< names referring to it (directories: 2 + subdirectories) */
	uid_t uid;			/**< owner */
	gid_t gid;			/**< group */
	uint64_t size;			/**< size in bytes */
	uint64_t blocks;		/**< 512-byte blocks allocated (st_blocks) */
	dev_t rdev;			/**< device number, for device nodes */
	struct ktimespec atime;		/**< last access */
	struct ktimespec mtime;		/**< last change of contents */
	struct ktimespec ctime;		/**< last change of contents or attributes */
	const struct inode_ops *ops;	/**< what it does */
	const struct file_ops *fops;	/**< file operations for an open of it; NULL: the VFS's generic ones */
	struct pipe *pipe;		/**< a FIFO's pipe while it is open, else NULL */
	void *fs_private;		/**< the filesystem's own data */
};

/**
 * inode_init() - Fill the generic part of a new inode: one reference, the next
 * inode number of @p sb, the owner of the current task, and all times now.
 * @param inode the inode (embedded in the filesystem's own structure)
 * @param sb    its filesystem
 * @param mode  its type and permission bits
 * @param ops   its operations
 */
void inode_init(struct inode *inode, struct super_block *sb, mode_t mode,
		const struct inode_ops *ops);

/**
 * inode_get() - Take another reference.
 * @param inode the inode
 * @return @p inode
 */
struct inode *inode_get(struct inode *inode);

/**
 * inode_put() - Drop a reference; the last one calls sb->ops->inode_release().
 * @param inode the inode (NULL is allowed)
 */
void inode_put(struct inode *inode);

/** @brief Access bits for inode_permission(), the same values as R_OK/W_OK/X_OK. */
#define MAY_EXEC 1
#define MAY_WRITE 2	/**< write */
#define MAY_READ 4	/**< read */

/**
 * inode_permission() - Whether the current task may access @p inode as @p mask says.
 * @param inode the inode
 * @param mask  MAY_READ | MAY_WRITE | MAY_EXEC
 * @return 0 or -EACCES (root passes every check except executing a file with no x bit)
 */
int inode_permission(struct inode *inode, int mask);

/**
 * inode_setattr_copy() - Store the attributes @p attr names in @p inode (not the size).
 * @param inode the inode
 * @param attr  what changes; ATTR_MODE keeps the type bits
 *
 * For filesystems' setattr implementations.  Also sets ctime to now.
 */
void inode_setattr_copy(struct inode *inode, const struct inode_attr *attr);

/** @brief inode_touch() bits. */
#define TOUCH_ATIME 1
#define TOUCH_MTIME 2	/**< modification time */
#define TOUCH_CTIME 4	/**< change time */

/**
 * inode_touch() - Set the times @p which says to now.
 * @param inode the inode
 * @param which TOUCH_* bits
 */
void inode_touch(struct inode *inode, unsigned int which);

/**
 * vfs_anon_dev_alloc() - A fresh device number (major 0) for a filesystem without a device.
 * @return the number, e.g. 0:1 for the root ramfs
 */
dev_t vfs_anon_dev_alloc(void);

/**
 * super_init() - Prepare a superblock and add it to the list sync(2) walks.
 * @param sb        the superblock (zeroed by the caller)
 * @param type_name its filesystem's name
 * @param dev       its device number
 * @param ops       its operations
 *
 * The filesystem then makes its root inode and stores it in sb->root.
 */
void super_init(struct super_block *sb, const char *type_name, dev_t dev,
		const struct super_ops *ops);

/**
 * super_sync_all() - Call every superblock's sync operation (sync(2)).
 * @return 0, or the first error
 */
int super_sync_all(void);

/** @brief A filesystem type that mount(2) (layer 40) can instantiate. */
struct fs_type {
	const char *name;	/**< as given to mount -t */
	/**
	 * @brief Make an instance: 0 and *@p out, or -errno.
	 * @p source is the device path or a name, @p flags MS_*, @p data the options.
	 */
	int (*mount)(const char *source, unsigned long flags, const void *data,
		     struct super_block **out);
};

REGISTRY_DECLARE(struct fs_type, fs_types);

/** @brief Register the struct fs_type @p item (a static object) at build time. */
#define FS_TYPE_REGISTER(item) REGISTRY_ADD(fs_types, 0, item)

/**
 * fs_type_find() - The registered filesystem type called @p name.
 * @param name e.g. "ramfs"
 * @return it, or NULL
 */
const struct fs_type *fs_type_find(const char *name);

/**
 * ramfs_create() - A new, empty RAM filesystem (the root filesystem; tmpfs can reuse it).
 * @param out receives the superblock; its root is a directory of mode 0755 owned by root
 * @return 0 or -ENOMEM
 */
int ramfs_create(struct super_block **out);

#endif /* INODE_H */
