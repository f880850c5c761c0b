/*
 * execve() with a bad filename, argv or envp fails with EFAULT and the
 * caller goes on running (man 2 execve): NULL or kernel filename, argv
 * itself at a kernel address, an argv entry pointing nowhere, an argv
 * array that runs off the end of a mapping before its NULL, a bad envp
 * entry.  Each attempt is made in a child, so a wrong success is seen as
 * the child's exit status 99.
 */
#include "../contract.h"

static char *self;

static void try_execve(const char *label, const char *path, char **argv, char **envp)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		long r = syscall(SYS_execve, path, argv, envp);

		printf("%s: %ld %s\n", label, r, errno_name(errno));
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		printf("%s: child %s\n", label, status_text(status));
}

int main(int argc, char **argv)
{
	char *good_argv[] = { "reexec", NULL };
	char *good_envp[] = { "A=1", NULL };
	char *bad_entry[] = { "reexec", KERNEL_ADDR, NULL };
	char *unmapped_entry[] = { "reexec", unmapped_page(), NULL };
	char *bad_env[] = { "A=1", (char *)NONCANONICAL_ADDR, NULL };
	char **runaway = (char **)(mapping_end() - 2 * sizeof(char *));

	if (strcmp(argv[0], "reexec") == 0)
		return 99;	/* an execve that should have failed did not */
	self = argv[0];
	runaway[0] = "reexec";
	runaway[1] = "no NULL after me";

	try_execve("valid execve (control)", self, good_argv, good_envp);
	try_execve("filename NULL", NULL, good_argv, good_envp);
	try_execve("filename at a kernel address", KERNEL_ADDR, good_argv, good_envp);
	try_execve("argv at a kernel address", self, KERNEL_ADDR, good_envp);
	try_execve("envp at a kernel address", self, good_argv, KERNEL_ADDR);
	try_execve("argv[1] at a kernel address", self, bad_entry, good_envp);
	try_execve("argv[1] unmapped", self, unmapped_entry, good_envp);
	try_execve("envp[1] non-canonical", self, good_argv, bad_env);
	try_execve("argv running off the end of a mapping", self, runaway, good_envp);
	return 0;
}
