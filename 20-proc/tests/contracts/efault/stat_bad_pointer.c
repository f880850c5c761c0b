/*
 * stat(), fstat() and lstat() with a bad path or result pointer are
 * EFAULT (man 2 stat): NULL, a kernel address, a non-canonical address, a
 * path with no NUL before the end of the mapping, and a result buffer that
 * runs off the end of a mapping.
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("file", "x");
	char *end = mapping_end();
	struct stat st;
	int fd = open(path, O_RDONLY);

	show("stat(NULL, &st)", syscall(SYS_stat, NULL, &st));
	show("stat(path, NULL)", syscall(SYS_stat, path, NULL));
	show("stat(kernel address, &st)", syscall(SYS_stat, KERNEL_ADDR, &st));
	show("stat(path, kernel address)", syscall(SYS_stat, path, KERNEL_ADDR));
	show("stat(path, non-canonical)", syscall(SYS_stat, path, NONCANONICAL_ADDR));
	show("stat(path, buffer off the end)", syscall(SYS_stat, path, end - 16));
	show("stat(path, buffer ending at the end)", syscall(SYS_stat, path, end - sizeof(st)));
	show("fstat(fd, NULL)", syscall(SYS_fstat, fd, NULL));
	show("fstat(fd, kernel address)", syscall(SYS_fstat, fd, KERNEL_ADDR));
	show("fstat(fd, buffer off the end)", syscall(SYS_fstat, fd, end - 16));
	show("lstat(path, buffer off the end)", syscall(SYS_lstat, path, end - 16));
	/* A path whose last byte is the mapping's last byte, with no NUL. */
	memcpy(end - 3, "abc", 3);
	show("stat of a path with no NUL before the end", syscall(SYS_stat, end - 3, &st));
	memcpy(end - 4, "abc", 4);	/* now "abc\0" fits exactly */
	show("stat of a path whose NUL is the last byte", syscall(SYS_stat, end - 4, &st));
	return 0;
}
