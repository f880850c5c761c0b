/*
 * vfork() runs the child in the parent's memory and suspends the parent
 * until the child calls _exit() or execve() (man 2 vfork): the parent
 * resumes after that, and sees what the child wrote to memory.
 */
#include "../contract.h"

static volatile int shared_var;

int main(int argc, char **argv)
{
	volatile int on_stack = 0;
	int status;
	pid_t pid;

	if (argc > 1) {
		/* Re-executed by the second child: exit with a known code. */
		_exit(atoi(argv[1]));
	}

	pid = vfork();
	if (pid < 0)
		setup_failed("vfork");
	if (pid == 0) {
		shared_var = 41;
		on_stack = 1;
		_exit(3);
	}
	/* The child has _exit()ed by now: its writes are here to see. */
	printf("parent resumed after the child's _exit: %s\n", yes(on_stack == 1));
	printf("child's write to a global is visible: %s\n", yes(shared_var == 41));
	status = 0;
	printf("waitpid returns the vfork child: %s\n", yes(waitpid(pid, &status, 0) == pid));
	printf("vfork child %s\n", status_text(status));

	/* Now a child that execs: the parent resumes once the exec is done. */
	shared_var = 0;
	pid = vfork();
	if (pid < 0)
		setup_failed("vfork");
	if (pid == 0) {
		char *args[] = { argv[0], "9", NULL };

		shared_var = 1;
		execv(argv[0], args);
		_exit(127);
	}
	printf("parent resumed after the child's execve: %s\n", yes(shared_var == 1));
	waitpid(pid, &status, 0);
	printf("exec'd child %s\n", status_text(status));
	return 0;
}
