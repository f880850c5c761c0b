/*
 * waitid() reports in a siginfo_t: si_pid, si_code (CLD_EXITED, CLD_KILLED)
 * and si_status (the exit code, or the signal); WNOWAIT leaves the child
 * waitable; WNOHANG with nothing ready zeroes si_pid and returns 0
 * (man 2 waitid).
 */
#include "../contract.h"

static void segv(void *arg)
{
	*(volatile int *)0 = 0;
}

int main(void)
{
	struct rlimit no_core = { 0, 0 };
	siginfo_t info;
	int fds[2];
	pid_t pid;
	char c;

	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0)
		_exit(23);
	memset(&info, 0, sizeof(info));
	show("waitid(P_PID, WEXITED|WNOWAIT)", waitid(P_PID, pid, &info, WEXITED | WNOWAIT));
	printf("si_pid is the child: %s, si_code CLD_EXITED: %s, si_status %d, si_signo SIGCHLD: %s\n",
	       yes(info.si_pid == pid), yes(info.si_code == CLD_EXITED), info.si_status,
	       yes(info.si_signo == SIGCHLD));
	memset(&info, 0, sizeof(info));
	show("waitid(P_PID, WEXITED) after WNOWAIT", waitid(P_PID, pid, &info, WEXITED));
	printf("same child again: %s, si_status %d\n", yes(info.si_pid == pid), info.si_status);
	show("waitid on the reaped child", waitid(P_PID, pid, &info, WEXITED));

	/* Killed by a fault: CLD_KILLED (or CLD_DUMPED with a core) and the signal. */
	pid = fork();
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &no_core);
		segv(NULL);
		_exit(0);
	}
	memset(&info, 0, sizeof(info));
	show("waitid(P_ALL, WEXITED)", waitid(P_ALL, 0, &info, WEXITED));
	printf("si_code CLD_KILLED: %s, si_status SIGSEGV: %s\n",
	       yes(info.si_code == CLD_KILLED), yes(info.si_status == SIGSEGV));

	/* Nothing has exited yet: WNOHANG returns 0 with si_pid 0. */
	if (pipe(fds) < 0)
		setup_failed("pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(0);
	}
	close(fds[0]);
	memset(&info, 0xff, sizeof(info));
	show("waitid(WNOHANG) while the child runs", waitid(P_PID, pid, &info, WEXITED | WNOHANG));
	printf("si_pid zeroed: %s\n", yes(info.si_pid == 0));
	show("waitid with no WEXITED/WSTOPPED/WCONTINUED", waitid(P_PID, pid, &info, WNOHANG));
	show("waitid with a bad idtype", waitid((idtype_t)42, 0, &info, WEXITED));
	close(fds[1]);
	show("waitid(P_PGID) of our group", waitid(P_PGID, getpgid(0), &info, WEXITED));
	printf("si_pid is the child: %s\n", yes(info.si_pid == pid));
	return 0;
}
