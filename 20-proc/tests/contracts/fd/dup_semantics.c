/*
 * dup() returns the lowest free fd; the duplicate shares the file offset
 * and status flags but not FD_CLOEXEC, which dup() and dup2() clear and
 * dup3(O_CLOEXEC) and F_DUPFD_CLOEXEC set.  dup2(fd, fd) returns fd;
 * dup3(fd, fd) is EINVAL; a bad old fd is EBADF (man 2 dup, man 2 fcntl).
 * dup3 is called raw: musl's wrapper checks some of this itself.
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("data", "0123456789");
	int fd, copy, low, high;
	char buf[4] = { 0 };

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		setup_failed("open");
	/* Free a low slot under fd: dup must take it. */
	low = dup(fd);
	high = dup(fd);
	close(low);
	copy = dup(fd);
	printf("dup reuses the lowest free fd: %s\n", yes(copy == low));
	printf("dup clears FD_CLOEXEC: %s (original keeps it: %s)\n",
	       yes(fcntl(copy, F_GETFD) == 0), yes(fcntl(fd, F_GETFD) == FD_CLOEXEC));
	read(fd, buf, 3);
	printf("offset shared after read on the original: %s\n", yes(lseek(copy, 0, SEEK_CUR) == 3));
	lseek(copy, 7, SEEK_SET);
	read(fd, buf, 2);
	printf("read on the original continues at the copy's lseek: '%.2s'\n", buf);
	close(fd);
	printf("the copy still works after closing the original: %s\n",
	       yes(lseek(copy, 0, SEEK_SET) == 0 && read(copy, buf, 1) == 1 && buf[0] == '0'));

	fd = open(path, O_RDONLY | O_CLOEXEC);
	show("dup2(fd, 100) returns 100", dup2(fd, 100));
	printf("dup2 clears FD_CLOEXEC: %s\n", yes(fcntl(100, F_GETFD) == 0));
	show("dup2(fd, fd)", dup2(fd, fd) == fd ? 0 : -2);
	printf("dup2(fd, fd) leaves FD_CLOEXEC alone: %s\n", yes(fcntl(fd, F_GETFD) == FD_CLOEXEC));
	show("dup3(fd, 101, O_CLOEXEC) returns 101", syscall(SYS_dup3, fd, 101, O_CLOEXEC));
	printf("dup3 O_CLOEXEC sets FD_CLOEXEC: %s\n", yes(fcntl(101, F_GETFD) == FD_CLOEXEC));
	show("dup3(fd, fd, 0)", syscall(SYS_dup3, fd, fd, 0));
	show("dup3 with a flag other than O_CLOEXEC", syscall(SYS_dup3, fd, 102, O_NONBLOCK));
	show("dup2 onto an open fd (closes it silently)", dup2(high, 100));
	show("dup of a closed fd", dup(50));
	show("dup2 of a closed fd", dup2(50, 51));
	show("dup2 to a negative fd", dup2(fd, -1));
	show("fcntl(F_DUPFD, 60)", fcntl(fd, F_DUPFD, 60));
	show("fcntl(F_DUPFD, 60) again: next free above 60", fcntl(fd, F_DUPFD, 60));
	show("fcntl(F_DUPFD_CLOEXEC, 70)", fcntl(fd, F_DUPFD_CLOEXEC, 70));
	printf("F_DUPFD_CLOEXEC sets FD_CLOEXEC: %s\n", yes(fcntl(70, F_GETFD) == FD_CLOEXEC));
	show("fcntl(F_DUPFD) with a negative minimum", fcntl(fd, F_DUPFD, -1));
	return 0;
}
