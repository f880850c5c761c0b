/*
 * writev() writes the buffers in array order as one sequence, readv()
 * fills them in order; zero-length entries are skipped; iovcnt 0 returns 0;
 * a negative or too large iovcnt is EINVAL (man 2 readv).
 */
#include <sys/uio.h>
#include "../contract.h"

int main(void)
{
	const char *path = tmp_path("data");
	char a[3], b[5], c[10];
	struct iovec out[4] = {
		{ "one", 3 }, { "", 0 }, { "-two-", 5 }, { "three", 5 },
	};
	struct iovec in[3] = { { a, sizeof(a) }, { b, sizeof(b) }, { c, sizeof(c) } };
	int fd, fds[2];
	ssize_t n;

	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || pipe(fds) < 0)
		setup_failed("open/pipe");
	show("writev 4 buffers (one empty)", writev(fd, out, 4));
	show("writev with iovcnt 0", writev(fd, out, 0));
	lseek(fd, 0, SEEK_SET);
	memset(c, '.', sizeof(c));
	n = readv(fd, in, 3);
	printf("readv: %zd -> '%.3s' '%.5s' '%.10s'\n", n, a, b, c);
	show("readv at EOF", readv(fd, in, 3));
	show("writev with iovcnt -1", writev(fd, out, -1));
	show("writev with iovcnt 1025 (over IOV_MAX)", writev(fd, out, 1025));
	show("preadv at offset 3", preadv(fd, in, 1, 3));
	printf("preadv got '%.3s'\n", a);
	show("pwritev at offset 0", pwritev(fd, out, 1, 0));

	/* On a pipe: one writev is one sequence of bytes. */
	show("writev to a pipe", writev(fds[1], out, 4));
	char buf[32];
	n = read(fds[0], buf, sizeof(buf));
	printf("pipe got: '%.*s'\n", (int)n, buf);
	return 0;
}
