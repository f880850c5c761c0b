/*
 * mkdir() and rmdir() (man 2 mkdir, man 2 rmdir): an existing name is
 * EEXIST, a missing parent ENOENT; rmdir of a non-empty directory is
 * ENOTEMPTY, of a file ENOTDIR, of "." EINVAL; an emptied directory can be
 * removed; a new directory holds only "." and "..".
 */
#include "../contract.h"

int main(void)
{
	struct stat st;

	show("mkdir d", mkdir(tmp_path("d"), 0755));
	stat(tmp_path("d"), &st);
	printf("is a directory: %s\n", yes(S_ISDIR(st.st_mode)));
	show("mkdir d again", mkdir(tmp_path("d"), 0755));
	show("mkdir over a file", mkdir(make_file("f", "x"), 0755));
	show("mkdir with a missing parent", mkdir(tmp_path("no/such"), 0755));
	show("mkdir with a trailing slash", mkdir(tmp_path("e/"), 0755));
	show("mkdir d/sub", mkdir(tmp_path("d/sub"), 0755));
	make_file("d/file", "x");
	show("rmdir a non-empty directory", rmdir(tmp_path("d")));
	show("rmdir a file", rmdir(tmp_path("d/file")));
	show("rmdir d/sub/.", rmdir(tmp_path("d/sub/.")));
	show("rmdir d/sub/..", rmdir(tmp_path("d/sub/..")));
	show("rmdir a missing name", rmdir(tmp_path("d/none")));
	unlink(tmp_path("d/file"));
	show("rmdir d/sub", rmdir(tmp_path("d/sub")));
	show("rmdir d, now empty", rmdir(tmp_path("d")));
	show("stat d", stat(tmp_path("d"), &st));
	show("rmdir e with a trailing slash", rmdir(tmp_path("e/")));

	/* A directory removed while it is the working directory. */
	mkdir(tmp_path("cwd"), 0755);
	chdir(tmp_path("cwd"));
	show("rmdir the working directory", rmdir(tmp_path("cwd")));
	show("creating a file in it", open("x", O_CREAT | O_RDWR, 0600));
	return 0;
}
