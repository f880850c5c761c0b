/**
 * @file types.h
 * @brief The scalar types of the Linux x86_64 ABI that syscalls pass around.
 */
#ifndef TYPES_H
#define TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;		/**< a byte count or a negative errno */
typedef int pid_t;		/**< process, thread or group id */
typedef unsigned int uid_t;	/**< user id */
typedef unsigned int gid_t;	/**< group id */
typedef unsigned int mode_t;	/**< file type and permission bits */
typedef long off_t;		/**< file offset */
typedef uint64_t dev_t;		/**< device number, Linux's (major << 8 | minor) encoding */

#endif /* TYPES_H */
