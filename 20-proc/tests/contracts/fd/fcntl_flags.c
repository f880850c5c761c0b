/*
 * fcntl(F_GETFL) reports the access mode and status flags; F_SETFL changes
 * O_APPEND and O_NONBLOCK but not the access mode or creation flags;
 * F_GETFD/F_SETFD hold FD_CLOEXEC per descriptor; an unknown command is
 * EINVAL and a closed fd EBADF (man 2 fcntl).
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("data", "abc");
	int fd, fd2, fl;

	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		setup_failed("open");
	fl = fcntl(fd, F_GETFL);
	printf("access mode O_RDWR: %s, O_APPEND: %s, O_NONBLOCK: %s\n",
	       yes((fl & O_ACCMODE) == O_RDWR), yes(fl & O_APPEND), yes(fl & O_NONBLOCK));
	printf("creation flags not reported: %s\n", yes(!(fl & (O_CREAT | O_TRUNC | O_EXCL))));
	show("F_SETFL O_APPEND|O_NONBLOCK|O_RDONLY", fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY));
	fl = fcntl(fd, F_GETFL);
	printf("now O_APPEND: %s, O_NONBLOCK: %s, still O_RDWR: %s\n",
	       yes(fl & O_APPEND), yes(fl & O_NONBLOCK), yes((fl & O_ACCMODE) == O_RDWR));
	/* Status flags belong to the open file, so a dup sees them. */
	fd2 = dup(fd);
	printf("the dup sees O_APPEND: %s\n", yes(fcntl(fd2, F_GETFL) & O_APPEND));
	lseek(fd, 0, SEEK_SET);
	write(fd, "Z", 1);
	show("O_APPEND write went to the end (offset)", lseek(fd, 0, SEEK_CUR));
	show("F_SETFL 0", fcntl(fd, F_SETFL, 0));
	printf("O_APPEND cleared: %s\n", yes(!(fcntl(fd, F_GETFL) & O_APPEND)));

	show("F_GETFD", fcntl(fd, F_GETFD));
	show("F_SETFD FD_CLOEXEC", fcntl(fd, F_SETFD, FD_CLOEXEC));
	show("F_GETFD", fcntl(fd, F_GETFD));
	show("F_GETFD on the dup (per descriptor)", fcntl(fd2, F_GETFD));
	show("F_SETFD 0", fcntl(fd, F_SETFD, 0));
	show("F_GETFD", fcntl(fd, F_GETFD));

	int ro = open(path, O_RDONLY);
	printf("O_RDONLY reports O_RDONLY: %s\n", yes((fcntl(ro, F_GETFL) & O_ACCMODE) == O_RDONLY));
	int wo = open(path, O_WRONLY);
	printf("O_WRONLY reports O_WRONLY: %s\n", yes((fcntl(wo, F_GETFL) & O_ACCMODE) == O_WRONLY));
	show("fcntl with an unknown command", fcntl(fd, 12345));
	show("fcntl on a closed fd", fcntl(77, F_GETFL));
	return 0;
}
