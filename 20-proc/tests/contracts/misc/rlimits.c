/*
 * getrlimit/setrlimit/prlimit64 (man 2 getrlimit): a lowered soft limit
 * reads back; RLIMIT_NOFILE caps the fd numbers (EMFILE at the limit);
 * a soft limit above the hard one is EINVAL; an unknown resource is
 * EINVAL; prlimit64 on pid 0 is the calling process.
 */
#include "../contract.h"

static void lower_hard_limit(void *arg)
{
	struct rlimit rl = { 20, 30 };

	show("child: setrlimit NOFILE 20/30", setrlimit(RLIMIT_NOFILE, &rl));
	rl.rlim_cur = 31;
	show("child: soft 31 above hard 30", setrlimit(RLIMIT_NOFILE, &rl));
}

int main(void)
{
	struct rlimit rl, old, check;
	int fd, last = -1, i, all_used = 1;

	show("getrlimit(RLIMIT_NOFILE)", getrlimit(RLIMIT_NOFILE, &old));
	printf("soft <= hard: %s, soft >= 64: %s\n", yes(old.rlim_cur <= old.rlim_max),
	       yes(old.rlim_cur >= 64));
	rl.rlim_cur = 20;
	rl.rlim_max = old.rlim_max;
	show("setrlimit soft NOFILE to 20", setrlimit(RLIMIT_NOFILE, &rl));
	getrlimit(RLIMIT_NOFILE, &check);
	printf("reads back 20, hard unchanged: %s\n",
	       yes(check.rlim_cur == 20 && check.rlim_max == old.rlim_max));
	while ((fd = dup(0)) >= 0)
		last = fd;
	printf("dup stops with %s, highest fd %d\n", errno_name(errno), last);
	for (i = 0; i < 20; i++)
		all_used &= fcntl(i, F_GETFD) >= 0;
	printf("every fd below the limit is in use: %s\n", yes(all_used));
	show("dup2 to fd 20", dup2(0, 20));
	show("fcntl(F_DUPFD, 25)", fcntl(0, F_DUPFD, 25));
	for (i = 3; i < 20; i++)
		close(i);

	/* In a child: raising a lowered hard limit again needs
	 * CAP_SYS_RESOURCE, which a host container may not grant. */
	printf("child: %s\n", status_text(run_child(lower_hard_limit, NULL)));
	show("getrlimit of resource 99", syscall(SYS_getrlimit, 99, &rl));
	show("restore NOFILE", setrlimit(RLIMIT_NOFILE, &old));

	show("prlimit64(0, RLIMIT_STACK, NULL, &old)",
	     syscall(SYS_prlimit64, 0, RLIMIT_STACK, NULL, &check));
	getrlimit(RLIMIT_STACK, &rl);
	printf("same as getrlimit: %s\n", yes(rl.rlim_cur == check.rlim_cur && rl.rlim_max == check.rlim_max));
	rl.rlim_cur = 4 << 20;
	show("prlimit64 sets RLIMIT_STACK soft to 4 MiB",
	     syscall(SYS_prlimit64, 0, RLIMIT_STACK, &rl, NULL));
	getrlimit(RLIMIT_STACK, &check);
	printf("reads back 4 MiB: %s\n", yes(check.rlim_cur == 4 << 20));
	getrlimit(RLIMIT_CORE, &rl);
	rl.rlim_cur = 0;
	show("setrlimit RLIMIT_CORE soft 0", setrlimit(RLIMIT_CORE, &rl));
	show("getrlimit(RLIMIT_AS)", getrlimit(RLIMIT_AS, &rl));
	show("getrlimit(RLIMIT_NPROC)", getrlimit(RLIMIT_NPROC, &rl));
	return 0;
}
