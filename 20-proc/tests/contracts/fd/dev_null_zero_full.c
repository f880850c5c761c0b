/*
 * The memory character devices (man 4 null, man 4 zero, man 4 full):
 * /dev/null swallows writes and reads as end of file; /dev/zero reads as
 * zeros and swallows writes; /dev/full reads as zeros and a write fails
 * with ENOSPC.  All three are character devices 1:3, 1:5, 1:7.
 */
#include <sys/sysmacros.h>
#include "../contract.h"

static void check_node(const char *path, unsigned int minor)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		printf("%s: stat: %s\n", path, errno_name(errno));
		return;
	}
	printf("%s: character device: %s, 1:%u: %s\n", path, yes(S_ISCHR(st.st_mode)),
	       minor, yes(major(st.st_rdev) == 1 && minor(st.st_rdev) == minor));
}

int main(void)
{
	char buf[100];
	int fd, i, zero;

	check_node("/dev/null", 3);
	check_node("/dev/zero", 5);
	check_node("/dev/full", 7);

	fd = open("/dev/null", O_RDWR);
	show("write 100 bytes to /dev/null", write(fd, buf, sizeof(buf)));
	show("read /dev/null", read(fd, buf, sizeof(buf)));
	close(fd);

	fd = open("/dev/zero", O_RDWR);
	memset(buf, 'x', sizeof(buf));
	show("read 100 bytes of /dev/zero", read(fd, buf, sizeof(buf)));
	for (zero = 1, i = 0; i < 100; i++)
		zero &= buf[i] == 0;
	printf("all zero: %s\n", yes(zero));
	show("write to /dev/zero", write(fd, buf, 10));
	close(fd);

	fd = open("/dev/full", O_RDWR);
	show("write to /dev/full", write(fd, buf, 10));
	memset(buf, 'x', sizeof(buf));
	show("read /dev/full", read(fd, buf, 10));
	printf("zeros: %s\n", yes(buf[0] == 0 && buf[9] == 0));
	close(fd);
	return 0;
}
