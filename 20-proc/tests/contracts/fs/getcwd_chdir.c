/*
 * chdir() and getcwd() (man 2 chdir, man 3 getcwd): relative paths resolve
 * from the working directory; getcwd returns the absolute path; ".."
 * climbs; a buffer too small is ERANGE; chdir to a file is ENOTDIR and to
 * a missing name ENOENT; fchdir works on a directory fd; a child inherits
 * the working directory but its chdir does not change the parent's.
 */
#include "../contract.h"

int main(void)
{
	char base[512], cwd[1024], small[4];
	const char *rel;
	int fd, status;
	pid_t pid;

	if (!realpath(tmp_path(""), base))
		setup_failed("realpath");
	mkdir(tmp_path("a"), 0755);
	mkdir(tmp_path("a/b"), 0755);
	make_file("a/b/file", "in b");

	show("chdir a/b", chdir(tmp_path("a/b")));
	getcwd(cwd, sizeof(cwd));
	rel = strncmp(cwd, base, strlen(base)) == 0 ? cwd + strlen(base) : cwd;
	printf("getcwd, below the temp dir: '%s'\n", rel);
	printf("a relative open finds file: %s\n", yes(access("file", R_OK) == 0));
	show("chdir ..", chdir(".."));
	getcwd(cwd, sizeof(cwd));
	printf("getcwd: '%s'\n", cwd + strlen(base));
	show("raw getcwd with a 4-byte buffer", syscall(SYS_getcwd, small, sizeof(small)));
	printf("raw getcwd returns the length with its NUL: %s\n",
	       yes(syscall(SYS_getcwd, cwd, sizeof(cwd)) == (long)strlen(cwd) + 1));
	show("chdir to a file", chdir(tmp_path("a/b/file")));
	show("chdir to a missing name", chdir(tmp_path("nope")));
	show("chdir to an empty path", chdir(""));

	fd = open(tmp_path("a/b"), O_RDONLY | O_DIRECTORY);
	show("fchdir to a/b", fchdir(fd));
	getcwd(cwd, sizeof(cwd));
	printf("getcwd: '%s'\n", cwd + strlen(base));
	int ffd = open("file", O_RDONLY);
	show("fchdir to a file fd", fchdir(ffd));

	pid = fork();
	if (pid == 0) {
		char c[1024];

		getcwd(c, sizeof(c));
		if (strcmp(c, cwd) != 0)
			_exit(1);
		chdir("/");
		_exit(0);
	}
	waitpid(pid, &status, 0);
	printf("child inherited the working directory: %s\n", yes(WIFEXITED(status) && !WEXITSTATUS(status)));
	getcwd(base, sizeof(base));
	printf("child's chdir left ours alone: %s\n", yes(strcmp(base, cwd) == 0));
	chdir("/");
	getcwd(cwd, sizeof(cwd));
	printf("getcwd at the root: '%s'\n", cwd);
	show("chdir .. at the root stays there", chdir(".."));
	getcwd(cwd, sizeof(cwd));
	printf("getcwd: '%s'\n", cwd);
	return 0;
}
