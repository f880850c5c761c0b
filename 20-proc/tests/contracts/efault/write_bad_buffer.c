/*
 * write() from memory the process cannot read (man 2 write, EFAULT): NULL,
 * a kernel address, a non-canonical address, an unmapped page; from a
 * buffer running off the end of a mapping Linux writes the bytes it could
 * read and returns that short count, to a file and to a pipe.  Nothing is
 * written on EFAULT.
 */
#include "../contract.h"

int main(void)
{
	char *end = mapping_end(), *gone = unmapped_page();
	struct stat st;
	int fd, fds[2];

	fd = open(tmp_path("data"), O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || pipe(fds) < 0)
		setup_failed("setup");
	memset(end - 100, 'w', 100);
	show("write from NULL", syscall(SYS_write, fd, NULL, 10));
	show("write 0 bytes from NULL", syscall(SYS_write, fd, NULL, 0));
	show("write from a kernel address", syscall(SYS_write, fd, KERNEL_ADDR, 10));
	show("write from a non-canonical address", syscall(SYS_write, fd, NONCANONICAL_ADDR, 10));
	show("write from an unmapped page", syscall(SYS_write, fd, gone, 10));
	fstat(fd, &st);
	printf("file size after the failures: %lld\n", (long long)st.st_size);
	show("write 64 from the last 16 bytes of a mapping", syscall(SYS_write, fd, end - 16, 64));
	fstat(fd, &st);
	printf("file size now: %lld, offset: %lld\n", (long long)st.st_size,
	       (long long)lseek(fd, 0, SEEK_CUR));

	show("write to a pipe from NULL", syscall(SYS_write, fds[1], NULL, 10));
	show("write to a pipe off the end of a mapping", syscall(SYS_write, fds[1], end - 16, 64));
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	char buf[100];
	show("bytes in the pipe", read(fds[0], buf, sizeof(buf)));
	show("pwrite from a kernel address", syscall(SYS_pwrite64, fd, KERNEL_ADDR, 10, 0));
	return 0;
}
