/**
 * @file errno.h
 * @brief Error numbers, with the values Linux uses on x86_64 (asm-generic/errno-base.h).
 *
 * Kernel functions return 0 or a negative errno (-ENOMEM); syscalls hand the
 * same negative value back to user space, where libc turns it into errno.
 * The host unit tests use the C library's errno.h instead, which has the same
 * values on Linux.
 */
#ifndef ERRNO_H
#define ERRNO_H

#define EPERM 1		/**< Operation not permitted */
#define ENOENT 2	/**< No such file or directory */
#define ESRCH 3		/**< No such process */
#define EINTR 4		/**< Interrupted system call */
#define EIO 5		/**< I/O error */
#define ENXIO 6		/**< No such device or address */
#define E2BIG 7		/**< Argument list too long */
#define ENOEXEC 8	/**< Exec format error */
#define EBADF 9		/**< Bad file number */
#define ECHILD 10	/**< No child processes */
#define EAGAIN 11	/**< Try again */
#define ENOMEM 12	/**< Out of memory */
#define EACCES 13	/**< Permission denied */
#define EFAULT 14	/**< Bad address */
#define EBUSY 16	/**< Device or resource busy */
#define EEXIST 17	/**< File exists */
#define ENODEV 19	/**< No such device */
#define ENOTDIR 20	/**< Not a directory */
#define EISDIR 21	/**< Is a directory */
#define EINVAL 22	/**< Invalid argument */
#define ENOSPC 28	/**< No space left on device */
#define ERANGE 34	/**< Result out of range */
#define ENOSYS 38	/**< Function not implemented */

/** @brief Largest errno value; pointers in the last page encode errors. */
#define MAX_ERRNO 4095

/**
 * ERR_PTR() - Encode a negative errno as a pointer.
 * @param err a negative errno
 * @return a pointer that IS_ERR() recognises
 */
static inline void *ERR_PTR(long err)
{
	return (void *)err;
}

/**
 * PTR_ERR() - The negative errno encoded in @p p.
 * @param p a pointer for which IS_ERR() is true
 * @return the errno, negative
 */
static inline long PTR_ERR(const void *p)
{
	return (long)p;
}

/**
 * IS_ERR() - Whether @p p encodes an error rather than pointing somewhere.
 * @param p a pointer returned by a function that may return ERR_PTR()
 * @return nonzero for an error
 */
static inline int IS_ERR(const void *p)
{
	return (unsigned long)p >= (unsigned long)-MAX_ERRNO;
}

#endif /* ERRNO_H */
