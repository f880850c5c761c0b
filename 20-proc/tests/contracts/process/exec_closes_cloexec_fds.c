/*
 * execve() closes the descriptors marked FD_CLOEXEC and keeps the others,
 * at the same numbers and with their file offsets (man 2 execve, man 2 fcntl).
 */
#include "../contract.h"

int main(int argc, char **argv)
{
	int keep, drop, status;
	pid_t pid;

	if (argc == 4 && strcmp(argv[1], "--after-exec") == 0) {
		keep = atoi(argv[2]);
		drop = atoi(argv[3]);
		printf("fd without FD_CLOEXEC still open: %s\n", yes(fcntl(keep, F_GETFD) >= 0));
		printf("its offset survived: %s\n", yes(lseek(keep, 0, SEEK_CUR) == 3));
		show("fcntl(F_GETFD) on the FD_CLOEXEC fd", fcntl(drop, F_GETFD));
		return 0;
	}
	make_file("data", "abcdef");
	keep = open(tmp_path("data"), O_RDONLY);
	drop = open(tmp_path("data"), O_RDONLY | O_CLOEXEC);
	if (keep < 0 || drop < 0)
		setup_failed("open");
	lseek(keep, 3, SEEK_SET);
	printf("O_CLOEXEC sets FD_CLOEXEC: %s\n", yes(fcntl(drop, F_GETFD) == FD_CLOEXEC));
	printf("plain open has no FD_CLOEXEC: %s\n", yes(fcntl(keep, F_GETFD) == 0));

	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		char a[16], b[16];
		char *args[] = { argv[0], "--after-exec", a, b, NULL };

		snprintf(a, sizeof(a), "%d", keep);
		snprintf(b, sizeof(b), "%d", drop);
		printf("FD_CLOEXEC fd still open across fork: %s\n", yes(fcntl(drop, F_GETFD) >= 0));
		execv(argv[0], args);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	printf("child %s\n", status_text(status));
	return 0;
}
