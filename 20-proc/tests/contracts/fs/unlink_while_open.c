/*
 * unlink() removes the name, not the file: an open fd keeps reading and
 * writing it, fstat shows st_nlink 0, the name is gone (ENOENT), and a new
 * file may take the name (man 2 unlink).  unlink of a directory is EISDIR.
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("file", "still here");
	struct stat st;
	char buf[32];
	int fd, fd2;
	ssize_t n;

	fd = open(path, O_RDWR);
	if (fd < 0)
		setup_failed("open");
	show("unlink", unlink(path));
	show("stat the name", stat(path, &st));
	fstat(fd, &st);
	printf("fstat: st_nlink %lu, size %lld\n", (unsigned long)st.st_nlink, (long long)st.st_size);
	n = pread(fd, buf, sizeof(buf), 0);
	printf("read through the fd: '%.*s'\n", (int)n, buf);
	show("write through the fd", pwrite(fd, "!", 1, 10));
	fstat(fd, &st);
	printf("size now %lld\n", (long long)st.st_size);
	fd2 = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
	show_ok("a new file with the same name", fd2);
	fstat(fd2, &st);
	printf("the new file is empty: %s\n", yes(st.st_size == 0));
	n = pread(fd, buf, sizeof(buf), 0);
	printf("the old one is still '%.*s'\n", (int)n, buf);
	show("unlink again", unlink(path));
	show("unlink a missing name", unlink(path));
	mkdir(tmp_path("dir"), 0755);
	show("unlink a directory", unlink(tmp_path("dir")));
	make_file("other", "");
	show("unlink with a path through a file", unlink(tmp_path("other/x")));
	return 0;
}
