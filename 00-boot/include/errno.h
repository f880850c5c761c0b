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
#define ENOTBLK 15	/**< Block device required */
#define EXDEV 18		/**< Cross-device link */
#define ENFILE 23		/**< File table overflow */
#define EMFILE 24		/**< Too many open files */
#define ENOTTY 25		/**< Not a typewriter */
#define ETXTBSY 26	/**< Text file busy */
#define EFBIG 27		/**< File too large */
#define ESPIPE 29		/**< Illegal seek */
#define EROFS 30		/**< Read-only file system */
#define EMLINK 31		/**< Too many links */
#define EPIPE 32		/**< Broken pipe */
#define EDOM 33		/**< Math argument out of domain */
#define EDEADLK 35	/**< Resource deadlock would occur */
#define ENAMETOOLONG 36	/**< File name too long */
#define ENOLCK 37		/**< No record locks available */
#define ENOTEMPTY 39	/**< Directory not empty */
#define ELOOP 40		/**< Too many symbolic links encountered */
#define ENOMSG 42		/**< No message of desired type */
#define EIDRM 43		/**< Identifier removed */
#define ENOSTR 60		/**< Device not a stream */
#define ENODATA 61	/**< No data available */
#define ETIME 62		/**< Timer expired */
#define EOVERFLOW 75	/**< Value too large for defined data type */
#define EBADFD 77		/**< File descriptor in bad state */
#define EILSEQ 84		/**< Illegal byte sequence */
#define ERESTART 85	/**< Interrupted system call should be restarted */
#define EUSERS 87		/**< Too many users */
#define ENOTSOCK 88	/**< Socket operation on non-socket */
#define EDESTADDRREQ 89	/**< Destination address required */
#define EMSGSIZE 90	/**< Message too long */
#define EPROTOTYPE 91	/**< Protocol wrong type for socket */
#define ENOPROTOOPT 92	/**< Protocol not available */
#define EPROTONOSUPPORT 93	/**< Protocol not supported */
#define ESOCKTNOSUPPORT 94	/**< Socket type not supported */
#define EOPNOTSUPP 95	/**< Operation not supported on transport endpoint */
#define EPFNOSUPPORT 96	/**< Protocol family not supported */
#define EAFNOSUPPORT 97	/**< Address family not supported by protocol */
#define EADDRINUSE 98	/**< Address already in use */
#define EADDRNOTAVAIL 99	/**< Cannot assign requested address */
#define ENETDOWN 100	/**< Network is down */
#define ENETUNREACH 101	/**< Network is unreachable */
#define ENETRESET 102	/**< Network dropped connection because of reset */
#define ECONNABORTED 103	/**< Software caused connection abort */
#define ECONNRESET 104	/**< Connection reset by peer */
#define ENOBUFS 105	/**< No buffer space available */
#define EISCONN 106	/**< Transport endpoint is already connected */
#define ENOTCONN 107	/**< Transport endpoint is not connected */
#define ESHUTDOWN 108	/**< Cannot send after transport endpoint shutdown */
#define ETIMEDOUT 110	/**< Connection timed out */
#define ECONNREFUSED 111	/**< Connection refused */
#define EHOSTDOWN 112	/**< Host is down */
#define EHOSTUNREACH 113	/**< No route to host */
#define EALREADY 114	/**< Operation already in progress */
#define EINPROGRESS 115	/**< Operation now in progress */
#define ESTALE 116		/**< Stale file handle */
#define EDQUOT 122		/**< Quota exceeded */
#define ECANCELED 125	/**< Operation Canceled */
#define EOWNERDEAD 130	/**< Owner died */
#define ENOTRECOVERABLE 131	/**< State not recoverable */
#define EWOULDBLOCK EAGAIN	/**< Operation would block (same as EAGAIN) */
#define ENOTSUP EOPNOTSUPP	/**< Not supported (same as EOPNOTSUPP) */
/** @brief The largest errno: pointers from -MAX_ERRNO to -1 are errors (ERR_PTR). */
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
