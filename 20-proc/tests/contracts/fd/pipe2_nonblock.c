/*
 * pipe2(O_NONBLOCK): a read on an empty pipe and a write to a full one fail
 * with EAGAIN instead of blocking; pipe2(O_CLOEXEC) sets FD_CLOEXEC on both
 * ends; other flags are EINVAL (man 2 pipe).  A pipe holds at least a page.
 */
#include "../contract.h"

int main(void)
{
	static char chunk[1000];
	int fds[2], cfds[2];
	size_t capacity = 0;
	ssize_t n;
	char c;

	if (pipe2(fds, O_NONBLOCK) < 0)
		setup_failed("pipe2");
	printf("both ends O_NONBLOCK: %s\n",
	       yes((fcntl(fds[0], F_GETFL) & O_NONBLOCK) && (fcntl(fds[1], F_GETFL) & O_NONBLOCK)));
	printf("no FD_CLOEXEC: %s\n", yes(fcntl(fds[0], F_GETFD) == 0));
	show("read from an empty pipe", read(fds[0], &c, 1));
	/* 1000-byte writes are atomic (below PIPE_BUF): they stop with room
	 * left for less than 1000; single bytes fill that. */
	while ((n = write(fds[1], chunk, sizeof(chunk))) > 0)
		capacity += n;
	printf("filling stops with: %s\n", errno_name(errno));
	while ((n = write(fds[1], chunk, 1)) > 0)
		capacity += n;
	printf("capacity is at least 4096 bytes: %s\n", yes(capacity >= 4096));
	show("write 1 byte to the full pipe", write(fds[1], "x", 1));
	show("read 1 byte", read(fds[0], &c, 1));
	size_t drained = 1;
	while ((n = read(fds[0], chunk, sizeof(chunk))) > 0)
		drained += n;
	printf("drained exactly what was written: %s\n", yes(drained == capacity));
	printf("draining stops with: %s\n", errno_name(errno));
	close(fds[1]);
	show("read after the writer closed (EOF, not EAGAIN)", read(fds[0], &c, 1));
	close(fds[0]);

	show_ok("pipe2(O_CLOEXEC)", pipe2(cfds, O_CLOEXEC));
	printf("FD_CLOEXEC on both ends: %s\n",
	       yes(fcntl(cfds[0], F_GETFD) == FD_CLOEXEC && fcntl(cfds[1], F_GETFD) == FD_CLOEXEC));
	show("pipe2 with O_APPEND", pipe2(cfds, O_APPEND));
	/* Switching a blocking pipe to non-blocking with fcntl. */
	if (pipe(fds) < 0)
		setup_failed("pipe");
	show("fcntl(F_SETFL, O_NONBLOCK)", fcntl(fds[0], F_SETFL, O_NONBLOCK));
	show("read from the empty pipe now", read(fds[0], &c, 1));
	return 0;
}
