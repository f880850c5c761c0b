/*
 * A pipe: bytes come out in the order they went in, a read returns what
 * is there (up to the count asked) rather than waiting for more, reads
 * return 0 (end of file) once every write end is closed, and the two ends
 * have the access modes O_RDONLY and O_WRONLY (man 7 pipe).
 */
#include "../contract.h"

int main(void)
{
	int fds[2], status;
	char buf[64];
	ssize_t n;
	pid_t pid;

	if (pipe(fds) < 0)
		setup_failed("pipe");
	printf("read end is O_RDONLY: %s, write end is O_WRONLY: %s\n",
	       yes((fcntl(fds[0], F_GETFL) & O_ACCMODE) == O_RDONLY),
	       yes((fcntl(fds[1], F_GETFL) & O_ACCMODE) == O_WRONLY));
	show("write 5 bytes", write(fds[1], "hello", 5));
	show("write 6 more", write(fds[1], " world", 6));
	n = read(fds[0], buf, 3);
	printf("read 3: %zd '%.3s'\n", n, buf);
	n = read(fds[0], buf, sizeof(buf));
	printf("read the rest: %zd '%.*s'\n", n, (int)(n > 0 ? n : 0), buf);
	show("read from the write end", read(fds[1], buf, 1));
	show("write to the read end", write(fds[0], "x", 1));
	show("lseek on a pipe", lseek(fds[0], 0, SEEK_SET));

	/* A writer in another process; EOF after it exits. */
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		int i;

		close(fds[0]);
		for (i = 0; i < 100; i++)
			write(fds[1], "0123456789", 10);
		_exit(0);
	}
	close(fds[1]);
	size_t total = 0;
	int in_order = 1;
	while ((n = read(fds[0], buf, 7)) > 0) {
		ssize_t i;

		for (i = 0; i < n; i++)
			in_order &= buf[i] == '0' + (int)((total + i) % 10);
		total += n;
	}
	printf("read %zu bytes from the child, in order: %s\n", total, yes(in_order));
	show("read at EOF", n);
	show("read at EOF again", read(fds[0], buf, 1));
	waitpid(pid, &status, 0);
	printf("writer %s\n", status_text(status));
	show("read of 0 bytes", read(fds[0], buf, 0));
	return 0;
}
