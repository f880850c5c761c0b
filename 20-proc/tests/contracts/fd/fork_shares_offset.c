/*
 * After fork() parent and child hold the same open files: a read in the
 * child moves the offset the parent sees, and closing an fd in the child
 * leaves the parent's open (man 2 fork).
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("data", "0123456789");
	char buf[8] = { 0 };
	int fd, status;
	pid_t pid;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		setup_failed("open");
	read(fd, buf, 2);
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		read(fd, buf, 3);
		close(fd);
		_exit(memcmp(buf, "234", 3) == 0 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	printf("child read from the inherited offset: %s\n", yes(WIFEXITED(status) && !WEXITSTATUS(status)));
	show("parent's offset after the child's read", lseek(fd, 0, SEEK_CUR));
	printf("parent's fd still open after the child closed it: %s\n", yes(fcntl(fd, F_GETFD) >= 0));
	read(fd, buf, 2);
	printf("parent reads on: '%.2s'\n", buf);
	return 0;
}
