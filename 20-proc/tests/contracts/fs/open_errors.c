/*
 * open() errors (man 2 open): O_DIRECTORY on a file is ENOTDIR; writing
 * to a directory is EISDIR; a path through a file is ENOTDIR; an empty
 * path is ENOENT; a component longer than 255 bytes is ENAMETOOLONG;
 * O_NOFOLLOW on a symlink is ELOOP; a symlink cycle is ELOOP.
 */
#include "../contract.h"

int main(void)
{
	const char *file = make_file("file", "x");
	const char *dir = tmp_path("");
	char longname[600];

	show("O_DIRECTORY on a file", open(file, O_RDONLY | O_DIRECTORY));
	show_ok("O_DIRECTORY on a directory", open(dir, O_RDONLY | O_DIRECTORY));
	show("O_WRONLY on a directory", open(dir, O_WRONLY));
	show("O_RDWR on a directory", open(dir, O_RDWR));
	show("O_CREAT on an existing directory", open(dir, O_RDONLY | O_CREAT, 0600));
	show("a path through a file", open(tmp_path("file/x"), O_RDONLY));
	show("a file with a trailing slash", open(tmp_path("file/"), O_RDONLY));
	show("an empty path", open("", O_RDONLY));
	memset(longname, 'n', 300);
	longname[300] = '\0';
	show("a 300-byte name", open(tmp_path(longname), O_RDONLY));
	show("a 300-byte name with O_CREAT", open(tmp_path(longname), O_RDWR | O_CREAT, 0600));
	symlink("file", tmp_path("link"));
	show("O_NOFOLLOW on a symlink", open(tmp_path("link"), O_RDONLY | O_NOFOLLOW));
	show_ok("following the symlink", open(tmp_path("link"), O_RDONLY));
	symlink("loop-b", tmp_path("loop-a"));
	symlink("loop-a", tmp_path("loop-b"));
	show("a symlink cycle", open(tmp_path("loop-a"), O_RDONLY));
	symlink("nowhere", tmp_path("dangling"));
	show("a dangling symlink", open(tmp_path("dangling"), O_RDONLY));
	show_ok("O_CREAT through a dangling symlink creates its target",
		open(tmp_path("dangling"), O_RDWR | O_CREAT, 0600));
	printf("the target exists now: %s\n", yes(access(tmp_path("nowhere"), F_OK) == 0));
	return 0;
}
