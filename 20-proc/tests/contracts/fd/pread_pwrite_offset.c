/*
 * pread() and pwrite() use the offset given and leave the file offset
 * where it was; pread at or past the end returns 0; a negative offset is
 * EINVAL; on a pipe they are ESPIPE (man 2 pread).
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("data", "abcdefghij");
	char buf[16] = { 0 };
	int fd, fds[2];
	ssize_t n;

	fd = open(path, O_RDWR);
	if (fd < 0 || pipe(fds) < 0)
		setup_failed("open/pipe");
	lseek(fd, 2, SEEK_SET);
	n = pread(fd, buf, 3, 5);
	printf("pread 3 at 5: %zd '%.3s'\n", n, buf);
	show("offset still 2", lseek(fd, 0, SEEK_CUR));
	show("pwrite 'XY' at 8", pwrite(fd, "XY", 2, 8));
	show("offset still 2", lseek(fd, 0, SEEK_CUR));
	n = read(fd, buf, sizeof(buf));
	printf("read from 2: %zd '%.*s'\n", n, (int)n, buf);
	show("pread at the end", pread(fd, buf, 4, 10));
	show("pread past the end", pread(fd, buf, 4, 1000));
	show("pread straddling the end", pread(fd, buf, 8, 6));
	show("pread at a negative offset", pread(fd, buf, 1, -1));
	show("pwrite past the end (12)", pwrite(fd, "!", 1, 12));
	n = pread(fd, buf, sizeof(buf), 0);
	printf("file is now %zd bytes, byte 10 and 11 zero: %s, then '%c'\n", n,
	       yes(buf[10] == 0 && buf[11] == 0), buf[12]);
	show("pread on a pipe", pread(fds[0], buf, 1, 0));
	show("pwrite on a pipe", pwrite(fds[1], buf, 1, 0));

	/* O_APPEND: Linux's pwrite appends anyway (man 2 pwrite, BUGS). */
	int afd = open(path, O_WRONLY | O_APPEND);
	show("pwrite at 0 with O_APPEND", pwrite(afd, "A", 1, 0));
	n = pread(fd, buf, sizeof(buf), 0);
	printf("with O_APPEND the byte went to the end: %s\n", yes(n == 14 && buf[13] == 'A' && buf[0] == 'a'));
	return 0;
}
