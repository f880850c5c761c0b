/*
 * EBADF for every use of a closed or out-of-range descriptor, and for
 * reading a write-only or writing a read-only one; closing twice fails the
 * second time (man 2 read, write, close).
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("data", "abc");
	char c;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		setup_failed("open");
	show("write to an O_RDONLY fd", write(fd, "x", 1));
	close(fd);
	show("close again", close(fd));
	show("read a closed fd", read(fd, &c, 1));
	show("read fd -1", read(-1, &c, 1));
	show("read fd 1000000", read(1000000, &c, 1));
	show("close fd -1", close(-1));
	fd = open(path, O_WRONLY);
	show("read from an O_WRONLY fd", read(fd, &c, 1));
	show("fstat a closed fd", fstat(555, &(struct stat){ 0 }));
	fd = open(path, O_RDONLY);
	show("ftruncate an O_RDONLY fd", ftruncate(fd, 0));
	return 0;
}
