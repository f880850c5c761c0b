/*
 * read() into memory the process cannot write (man 2 read, EFAULT): NULL,
 * a kernel address, a non-canonical address, an unmapped page.  A buffer
 * that runs off the end of a mapping gets the bytes that fit, and the call
 * reports a short count (Linux's behaviour, which the comparison checks),
 * from a file and from a pipe.  A zero-length read touches nothing.
 */
#include "../contract.h"

static void try_read(const char *label, int fd, void *buf, size_t len)
{
	lseek(fd, 0, SEEK_SET);
	show(label, syscall(SYS_read, fd, buf, len));
}

int main(void)
{
	static char content[3 * PAGE];
	char *end = mapping_end(), *gone = unmapped_page();
	int fd, fds[2];

	memset(content, 'r', sizeof(content));
	fd = open(tmp_path("data"), O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, content, sizeof(content)) != sizeof(content) || pipe(fds) < 0)
		setup_failed("setup");
	try_read("read into NULL", fd, NULL, 10);
	try_read("read 0 bytes into NULL", fd, NULL, 0);
	try_read("read into a kernel address", fd, KERNEL_ADDR, 10);
	try_read("read into a non-canonical address", fd, NONCANONICAL_ADDR, 10);
	try_read("read into an unmapped page", fd, gone, 10);
	try_read("read 64 into the last 16 bytes of a mapping", fd, end - 16, 64);
	printf("the 16 bytes that fit were written: %s\n", yes(memcmp(end - 16, content, 16) == 0));
	show("file offset after that", lseek(fd, 0, SEEK_CUR));
	try_read("read 8000 into the last 4096+16 bytes", fd, end - PAGE - 16, 8000);
	try_read("read ending exactly at the end of the mapping", fd, end - 64, 64);
	try_read("read into read-only memory (.rodata)", fd, (void *)"a string literal......", 10);

	write(fds[1], content, 100);
	/* Linux copies what fits, but a pipe read that faults part way
	 * reports EFAULT and leaves the data in the pipe. */
	show("read from a pipe into NULL", syscall(SYS_read, fds[0], NULL, 10));
	show("read from a pipe off the end of a mapping", syscall(SYS_read, fds[0], end - 16, 64));
	show("bytes left in the pipe", syscall(SYS_read, fds[0], content, sizeof(content)));
	return 0;
}
