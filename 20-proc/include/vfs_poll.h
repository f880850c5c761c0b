/**
 * @file vfs_poll.h
 * @brief Waiting for any of several files: the poll events and poll_wait().
 *
 * poll(2), ppoll(2), select(2) and pselect6(2) share one loop (fs/poll.c):
 * ask every file's `file_ops.poll` what is ready; if nothing is, sleep on
 * every wait queue the files named with poll_wait() until one of them is
 * woken, the timeout passes or a signal arrives; then ask again.  Layer 50
 * adds sockets (and epoll) through the same `poll` operation.
 */
#ifndef VFS_POLL_H
#define VFS_POLL_H

#include <file.h>
#include <wait.h>

#define POLLIN 0x0001		/**< data to read */
#define POLLPRI 0x0002		/**< urgent data to read */
#define POLLOUT 0x0004		/**< writing will not block */
#define POLLERR 0x0008		/**< error condition (e.g. pipe without readers); always reported */
#define POLLHUP 0x0010		/**< hang up (e.g. pipe without writers); always reported */
#define POLLNVAL 0x0020		/**< fd not open; always reported */
#define POLLRDNORM 0x0040	/**< normal data to read */
#define POLLRDBAND 0x0080	/**< priority data to read */
#define POLLWRNORM 0x0100	/**< normal data may be written */
#define POLLWRBAND 0x0200	/**< priority data may be written */

/** @brief Most wait queues one poll call may sleep on (several per file are allowed). */
#define POLL_MAX_WAITS 256

/** @brief The wait queues a poll call sleeps on (filled by poll_wait()). */
struct poll_table {
	unsigned int count;				/**< entries used */
	int collecting;					/**< 0: queues are already registered */
	struct wait_queue *queues[POLL_MAX_WAITS];	/**< the queues */
	struct wait_entry entries[POLL_MAX_WAITS];	/**< our place on each */
};

/**
 * poll_wait() - Ask to be woken when @p wq is (from a file's poll operation).
 * @param pt the table given to the poll operation (NULL: nobody will sleep)
 * @param wq the wait queue on which readiness changes are announced
 */
void poll_wait(struct poll_table *pt, struct wait_queue *wq);

/**
 * file_poll() - The POLL* events of @p f that are ready now.
 * @param f  the file
 * @param pt the poll table, or NULL to just ask
 * @return the ready events (POLLIN | POLLOUT for files without a poll operation)
 */
unsigned int file_poll(struct file *f, struct poll_table *pt);

#endif /* VFS_POLL_H */
