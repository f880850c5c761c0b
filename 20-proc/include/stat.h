/**
 * @file stat.h
 * @brief The Linux x86_64 ABI of file metadata: mode bits, struct stat, directory entries.
 *
 * These are the byte layouts user programs compiled for Linux expect from
 * stat(2), fstat(2), newfstatat(2) and getdents64(2).  The names carry a
 * `linux_` prefix so that host unit tests can include this header next to
 * the C library's own struct stat.
 */
#ifndef STAT_H
#define STAT_H

#include <stdint.h>

#ifndef S_IFMT
#define S_IFMT 0170000		/**< mask of the file type bits */
#define S_IFSOCK 0140000	/**< socket */
#define S_IFLNK 0120000		/**< symbolic link */
#define S_IFREG 0100000		/**< regular file */
#define S_IFBLK 0060000		/**< block device */
#define S_IFDIR 0040000		/**< directory */
#define S_IFCHR 0020000		/**< character device */
#define S_IFIFO 0010000		/**< FIFO (named pipe) */
#define S_ISUID 04000		/**< set-user-id on execution */
#define S_ISGID 02000		/**< set-group-id on execution */
#define S_ISVTX 01000		/**< sticky bit */
#endif

/** @brief Whether mode @p m is a regular file. */
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
/** @brief Whether mode @p m is a directory. */
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
/** @brief Whether mode @p m is a symbolic link. */
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
/** @brief Whether mode @p m is a character device. */
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
/** @brief Whether mode @p m is a block device. */
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
/** @brief Whether mode @p m is a FIFO. */
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
/** @brief Whether mode @p m is a socket. */
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

/** @brief The permission bits and set-id/sticky bits of a mode (what chmod may change). */
#define S_IALLUGO 07777

/** @brief struct stat as Linux x86_64 lays it out (144 bytes). */
struct linux_stat {
	uint64_t st_dev;	/**< device of the filesystem */
	uint64_t st_ino;	/**< inode number */
	uint64_t st_nlink;	/**< hard links */
	uint32_t st_mode;	/**< type and permissions */
	uint32_t st_uid;	/**< owner */
	uint32_t st_gid;	/**< group */
	uint32_t __pad0;	/**< padding, zero */
	uint64_t st_rdev;	/**< device number of a device node */
	int64_t st_size;	/**< size in bytes */
	int64_t st_blksize;	/**< preferred I/O size */
	int64_t st_blocks;	/**< 512-byte blocks allocated */
	int64_t st_atime_sec;	/**< last access, seconds */
	int64_t st_atime_nsec;	/**< and nanoseconds */
	int64_t st_mtime_sec;	/**< last modification */
	int64_t st_mtime_nsec;	/**< and nanoseconds */
	int64_t st_ctime_sec;	/**< last status change */
	int64_t st_ctime_nsec;	/**< and nanoseconds */
	int64_t __unused[3];	/**< reserved, zero */
};

/** @brief One getdents64(2) record: a fixed header, then the NUL-terminated name, padded to 8 bytes. */
struct linux_dirent64 {
	uint64_t d_ino;		/**< inode number */
	int64_t d_off;		/**< position of the next entry (for lseek) */
	uint16_t d_reclen;	/**< size of this record */
	uint8_t d_type;		/**< DT_* type */
	char d_name[];		/**< the name */
};

/** @brief d_type values: the file type bits shifted down (Linux's DT_*). */
#define DT_UNKNOWN 0
#define DT_FIFO 1	/**< FIFO */
#define DT_CHR 2	/**< character device */
#define DT_DIR 4	/**< directory */
#define DT_BLK 6	/**< block device */
#define DT_REG 8	/**< regular file */
#define DT_LNK 10	/**< symbolic link */
#define DT_SOCK 12	/**< socket */

/** @brief The DT_* value for mode @p m. */
#define MODE_TO_DT(m) ((unsigned int)(((m) & S_IFMT) >> 12))

#endif /* STAT_H */
