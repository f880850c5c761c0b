/*
 * execve() replaces the program and hands it exactly the argv and envp
 * given, including empty strings and long ones (man 2 execve); a failed
 * execve returns -1 with errno and leaves the caller running.
 */
#include "../contract.h"

static void print_args(int argc, char **argv, char **envp)
{
	int i;

	printf("argc: %d\n", argc);
	for (i = 1; i < argc; i++) {
		size_t len = strlen(argv[i]);

		if (len > 60)
			printf("argv[%d]: %zu bytes, all 'x': %s\n", i, len,
			       yes(strspn(argv[i], "x") == len));
		else
			printf("argv[%d]: '%s'\n", i, argv[i]);
	}
	printf("argv[argc] is NULL: %s\n", yes(argv[argc] == NULL));
	for (i = 0; envp[i]; i++)
		printf("envp[%d]: '%s'\n", i, envp[i]);
	printf("envp count: %d\n", i);
	printf("getenv(\"CT_B\"): '%s'\n", getenv("CT_B") ? getenv("CT_B") : "(null)");
}

int main(int argc, char **argv, char **envp)
{
	static char big[100001];
	int status;
	pid_t pid;

	if (argc > 1 && strcmp(argv[1], "--child") == 0) {
		print_args(argc, argv, envp);
		return 0;
	}
	memset(big, 'x', sizeof(big) - 1);

	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		char *args[] = { argv[0], "--child", "one", "", "three with spaces", big, NULL };
		char *env[] = { "CT_A=1", "CT_B=two", "CT_EMPTY=", "NOEQUALS", NULL };

		execve(argv[0], args, env);
		printf("execve failed: %s\n", errno_name(errno));
		_exit(127);
	}
	waitpid(pid, &status, 0);
	printf("child %s\n", status_text(status));

	pid = fork();
	if (pid == 0) {
		char *args[] = { argv[0], "--child", NULL };
		char *env[] = { NULL };

		execve(argv[0], args, env);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	printf("child with an empty environment %s\n", status_text(status));

	char *args[] = { "nothing", NULL };
	show("execve of a missing file", execve(tmp_path("no-such-program"), args, envp));
	show("execve of a directory", execve(tmp_path(""), args, envp));
	const char *text = make_file("not-executable", "#!/bin/sh\nexit 0\n");
	show("execve of a file without x permission", execve(text, args, envp));
	chmod(text, 0755);
	make_file("garbage", "this is neither ELF nor a script\n");
	chmod(tmp_path("garbage"), 0755);
	show("execve of a file in no known format", execve(tmp_path("garbage"), args, envp));
	show("execve of a path through a file", execve(tmp_path("garbage/x"), args, envp));
	printf("still running after failed execs: yes\n");
	return 0;
}
