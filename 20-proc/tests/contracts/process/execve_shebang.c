/*
 * A file starting with "#!INTERPRETER [ARG]" is run as INTERPRETER [ARG]
 * SCRIPT ARGS...: the kernel passes the script's path as given to execve and
 * drops the original argv[0] (man 2 execve, "Interpreter scripts").  The
 * interpreter here is this program itself.
 */
#include "../contract.h"

int main(int argc, char **argv)
{
	char script_text[600];
	const char *script;
	int status, i;
	pid_t pid;

	if (argc > 1 && strcmp(argv[1], "--as-interpreter") == 0) {
		printf("interpreter argc: %d\n", argc);
		printf("argv[2] is the script's path: %s\n",
		       yes(strcmp(argv[2], tmp_path("script")) == 0));
		for (i = 3; i < argc; i++)
			printf("argv[%d]: '%s'\n", i, argv[i]);
		return 5;
	}
	if (argv[0][0] != '/') {
		printf("setup failed: run me by absolute path\n");
		return 1;
	}
	snprintf(script_text, sizeof(script_text), "#!%s --as-interpreter\nignored\n", argv[0]);
	script = make_file("script", script_text);
	chmod(script, 0755);

	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		char *args[] = { "argv0-is-dropped", "first", "second", NULL };
		char tmp_env[600];
		char *env[] = { tmp_env, NULL };

		snprintf(tmp_env, sizeof(tmp_env), "CONTRACT_TMP=%s",
			 getenv("CONTRACT_TMP") ? getenv("CONTRACT_TMP") : "/tmp");
		execve(script, args, env);
		printf("execve failed: %s\n", errno_name(errno));
		_exit(127);
	}
	waitpid(pid, &status, 0);
	printf("script %s\n", status_text(status));

	/* "#!" with no interpreter at all is not executable. */
	make_file("empty-shebang", "#!\n");
	chmod(tmp_path("empty-shebang"), 0755);
	char *args[] = { "x", NULL };
	char *noenv[] = { NULL };
	show("execve of '#!' with no interpreter", execve(tmp_path("empty-shebang"), args, noenv));
	make_file("missing-interp", "#!/no/such/interpreter\n");
	chmod(tmp_path("missing-interp"), 0755);
	show("execve with a missing interpreter", execve(tmp_path("missing-interp"), args, noenv));
	return 0;
}
