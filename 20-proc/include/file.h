/**
 * @file file.h
 * @brief Open files and their operation tables; character devices.
 *
 * A struct file is one open of something: a regular file or directory of a
 * filesystem, a pipe end, a character device (the console TTY, /dev/null).
 * What "read" or "ioctl" means is in its `struct file_ops`, chosen at open
 * time: from the inode for filesystem objects, from the character-device
 * registry for device nodes.  Files are reference counted: fork, dup and
 * the fd table hold references; the last file_put() calls `release`.
 */
#ifndef FILE_H
#define FILE_H

#include <compiler.h>
#include <registry.h>
#include <types.h>

struct file;
struct inode;
struct dir_context;
struct poll_table;

/** @brief What an open file does; any member may be NULL (then the generic behaviour or an error applies). */
struct file_ops {
	/** @brief Called once when the file is opened; a negative errno fails the open. */
	int (*open)(struct inode *inode, struct file *file);
	/** @brief Read up to @p n bytes at *@p pos into user memory; return bytes, 0 at EOF, or -errno. NULL: -EINVAL. */
	ssize_t (*read)(struct file *file, void __user *buf, size_t n, uint64_t *pos);
	/** @brief Write @p n bytes from user memory at *@p pos; return bytes or -errno. NULL: -EINVAL. */
	ssize_t (*write)(struct file *file, const void __user *buf, size_t n, uint64_t *pos);
	/** @brief Move the position (SEEK_SET/CUR/END); NULL: -ESPIPE. */
	int64_t (*llseek)(struct file *file, int64_t offset, int whence);
	/** @brief Device control; NULL: -ENOTTY. */
	long (*ioctl)(struct file *file, unsigned int cmd, uint64_t arg);
	/** @brief List directory entries through @p ctx (getdents64); NULL: -ENOTDIR. */
	int (*iterate)(struct file *file, struct dir_context *ctx);
	/**
	 * @brief Which POLL* events (vfs_poll.h) are ready now; call poll_wait() on every wait queue
	 * whose wake-up could change that.  NULL: always readable and writable, like a regular file.
	 */
	unsigned int (*poll)(struct file *file, struct poll_table *pt);
	/** @brief Called when the last reference goes away. */
	void (*release)(struct file *file);
};

/** @brief One open file. */
struct file {
	unsigned int refs;		/**< references: fd table slots, in-flight syscalls */
	unsigned int flags;		/**< O_ACCMODE, O_APPEND, O_NONBLOCK, ... (not O_CLOEXEC: that is per fd) */
	uint64_t pos;			/**< the file position */
	struct inode *inode;		/**< the filesystem object, or NULL (pipes, anonymous files) */
	const struct file_ops *ops;	/**< what the operations do */
	void *private_data;		/**< the owner's per-open state (pipe, tty) */
};

/**
 * file_alloc() - A new file with one reference.
 * @param ops its operations
 * @param flags its O_* status flags
 * @return the file, or NULL when out of memory
 */
struct file *file_alloc(const struct file_ops *ops, unsigned int flags);

/**
 * file_get() - Take another reference to @p f.
 * @param f the file
 * @return @p f
 */
struct file *file_get(struct file *f);

/**
 * file_put() - Drop a reference; the last one releases the file.
 * @param f the file (NULL is allowed)
 */
void file_put(struct file *f);

/** @brief A character-device driver for the device numbers major:[minor_first, minor_first + minor_count). */
struct chrdev {
	const char *name;		/**< driver name, for logs */
	unsigned int major;		/**< Linux major number (1 mem, 4 tty, 5 console) */
	unsigned int minor_first;	/**< first minor */
	unsigned int minor_count;	/**< how many minors */
	const struct file_ops *ops;	/**< what an open of such a node does */
};

REGISTRY_DECLARE(struct chrdev, chrdevs);

/** @brief Register the struct chrdev @p item (a static object) at build time. */
#define CHRDEV_REGISTER(item) REGISTRY_ADD(chrdevs, 0, item)

/**
 * chrdev_find() - The driver for device number @p rdev.
 * @param rdev Linux encoding: major in bits 8..19, minor in bits 0..7 and 20..31
 * @return the driver, or NULL (an open then fails with -ENXIO)
 */
const struct chrdev *chrdev_find(dev_t rdev);

/** @brief Major number of a Linux dev_t. */
#define DEV_MAJOR(d) ((unsigned int)(((d) >> 8) & 0xfff))
/** @brief Minor number of a Linux dev_t. */
#define DEV_MINOR(d) ((unsigned int)(((d) & 0xff) | (((d) >> 12) & 0xfff00)))
/** @brief Linux dev_t from major and minor. */
#define DEV_MAKE(ma, mi) ((dev_t)((((ma) & 0xfff) << 8) | ((mi) & 0xff) | (((mi) & 0xfff00) << 12)))

#endif /* FILE_H */
