/*
 * Other calls that write or read a user structure fail with EFAULT for a
 * bad pointer, and do no half of their work (man 2 pipe, uname, getcwd,
 * clock_gettime, nanosleep, writev, getrandom, futex, sysinfo,
 * getdents64): pipe() with a bad array leaves no fds behind.
 */
#include <sys/uio.h>
#include <time.h>
#include "../contract.h"

int main(void)
{
	char *end = mapping_end();
	struct iovec bad_iov[1] = { { KERNEL_ADDR, 10 } };
	struct timespec ts = { 0, 1000 };
	int fd, next_fd;

	next_fd = dup(0);
	close(next_fd);
	show("pipe(NULL)", syscall(SYS_pipe, NULL));
	show("pipe(kernel address)", syscall(SYS_pipe, KERNEL_ADDR));
	show("pipe2(array off the end, 0)", syscall(SYS_pipe2, end - 4, 0));
	fd = dup(0);
	printf("no fds leaked by the failed pipes: %s\n", yes(fd == next_fd));
	close(fd);
	show("uname(NULL)", syscall(SYS_uname, NULL));
	show("uname(off the end)", syscall(SYS_uname, end - 100));
	show("getcwd(NULL, 100)", syscall(SYS_getcwd, NULL, 100));
	show("getcwd(kernel address, 100)", syscall(SYS_getcwd, KERNEL_ADDR, 100));
	show("clock_gettime(MONOTONIC, NULL)", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL));
	show("clock_gettime(MONOTONIC, kernel)", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, KERNEL_ADDR));
	show("gettimeofday(kernel, NULL)", syscall(SYS_gettimeofday, KERNEL_ADDR, NULL));
	show("nanosleep(NULL, NULL)", syscall(SYS_nanosleep, NULL, NULL));
	show("nanosleep(&ts, kernel) (rem unused when not interrupted)",
	     syscall(SYS_nanosleep, &ts, KERNEL_ADDR));
	show("writev(1, NULL, 1)", syscall(SYS_writev, 1, NULL, 1));
	show("writev with an iov_base at a kernel address", syscall(SYS_writev, 1, bad_iov, 1));
	show("getrandom(NULL, 16, 0)", syscall(SYS_getrandom, NULL, 16, 0));
	show("getrandom(kernel, 16, 0)", syscall(SYS_getrandom, KERNEL_ADDR, 16, 0));
	show("futex(NULL, FUTEX_WAIT)", futex(NULL, FUTEX_WAIT, 0, NULL));
	show("futex(kernel, FUTEX_WAKE)", futex(KERNEL_ADDR, FUTEX_WAKE, 1, NULL));
	show("futex wait with a timeout at a kernel address",
	     syscall(SYS_futex, end - 4, FUTEX_WAIT, 0, KERNEL_ADDR, NULL, 0));
	show("sysinfo(NULL)", syscall(SYS_sysinfo, NULL));
	fd = open(tmp_path(""), O_RDONLY | O_DIRECTORY);
	show("getdents64(dir, kernel, 4096)", syscall(SYS_getdents64, fd, KERNEL_ADDR, 4096));
	show("wait4(-1, kernel status, WNOHANG) with no children",
	     syscall(SYS_wait4, -1, KERNEL_ADDR, WNOHANG, NULL));
	show("getrlimit(RLIMIT_NOFILE, NULL)", syscall(SYS_getrlimit, RLIMIT_NOFILE, NULL));
	show("setrlimit(RLIMIT_NOFILE, kernel)", syscall(SYS_setrlimit, RLIMIT_NOFILE, KERNEL_ADDR));
	return 0;
}
