/*
 * poll(2) on pipes: an empty pipe is writable, not readable; data makes it
 * readable; a closed write end gives POLLHUP (even with no events asked
 * for); a closed read end gives POLLERR to the writer; a bad fd is POLLNVAL
 * and a negative fd is skipped.  A timeout of 50 ms with nothing ready
 * returns 0 after at least 50 ms.  (BusyBox's read builtin waits in poll:
 * a missing POLLHUP once hung `cmd | { read a; read b; }`.)
 */
#include <poll.h>
#include <time.h>
#include "../contract.h"

static void show_poll(const char *what, struct pollfd *p, int n, int timeout)
{
	int r = poll(p, n, timeout);

	printf("%s: %d", what, r);
	for (int i = 0; i < n; i++)
		printf(" [%s%s%s%s%s]", p[i].revents & POLLIN ? "IN" : "",
		       p[i].revents & POLLOUT ? "OUT" : "", p[i].revents & POLLHUP ? "HUP" : "",
		       p[i].revents & POLLERR ? "ERR" : "", p[i].revents & POLLNVAL ? "NVAL" : "");
	printf("\n");
}

int main(void)
{
	int fds[2];
	struct pollfd p[2];
	struct timespec a, b;

	if (pipe(fds) < 0)
		setup_failed("pipe");
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	show_poll("empty pipe", p, 2, 0);
	if (write(fds[1], "x", 1) != 1)
		setup_failed("write");
	show_poll("one byte in it", p, 2, 0);
	close(fds[1]);
	show_poll("writer closed, byte unread", p, 1, 0);
	char c;
	if (read(fds[0], &c, 1) != 1)
		setup_failed("read");
	show_poll("writer closed, drained", p, 1, -1);
	p[0].events = 0;
	show_poll("writer closed, no events asked", p, 1, 0);
	close(fds[0]);

	if (pipe(fds) < 0)
		setup_failed("pipe");
	close(fds[0]);
	p[0] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	show_poll("reader closed", p, 1, 0);
	close(fds[1]);

	p[0] = (struct pollfd){ .fd = 1000, .events = POLLIN };
	p[1] = (struct pollfd){ .fd = -1, .events = POLLIN };
	show_poll("bad fd and negative fd", p, 2, 0);

	if (pipe(fds) < 0)
		setup_failed("pipe");
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	clock_gettime(CLOCK_MONOTONIC, &a);
	show_poll("nothing ready, 50 ms", p, 1, 50);
	clock_gettime(CLOCK_MONOTONIC, &b);
	long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
	printf("waited at least 50 ms: %s\n", yes(ms >= 50));
	return 0;
}
