/*
 * symlink() stores any text (the target need not exist); readlink()
 * returns it without a NUL, truncated to the buffer; stat() follows a
 * link and lstat() does not; readlink of a non-link is EINVAL; symlink
 * over an existing name is EEXIST; relative targets resolve from the
 * link's directory (man 2 symlink, man 2 readlink, man 7 path_resolution).
 */
#include "../contract.h"

int main(void)
{
	const char *file = make_file("file", "target contents");
	char buf[64];
	struct stat st;
	ssize_t n;

	show("symlink 'file' as link", symlink("file", tmp_path("link")));
	memset(buf, '#', sizeof(buf));
	n = readlink(tmp_path("link"), buf, sizeof(buf));
	printf("readlink: %zd '%.*s', no NUL added: %s\n", n, (int)n, buf, yes(buf[n] == '#'));
	n = readlink(tmp_path("link"), buf, 2);
	printf("readlink into 2 bytes: %zd '%.2s'\n", n, buf);
	lstat(tmp_path("link"), &st);
	printf("lstat: symlink %s, size %lld\n", yes(S_ISLNK(st.st_mode)), (long long)st.st_size);
	stat(tmp_path("link"), &st);
	printf("stat follows: regular %s, size %lld\n", yes(S_ISREG(st.st_mode)), (long long)st.st_size);
	show("readlink of a regular file", readlink(file, buf, sizeof(buf)));
	show("readlink of a missing name", readlink(tmp_path("missing"), buf, sizeof(buf)));
	show("symlink over an existing name", symlink("x", file));
	show("symlink to a missing target", symlink("does/not/exist", tmp_path("dangling")));
	show("stat of the dangling link", stat(tmp_path("dangling"), &st));
	show("lstat of the dangling link", lstat(tmp_path("dangling"), &st) == 0 ? 0 : -1);

	/* A relative target resolves from the link's own directory. */
	mkdir(tmp_path("dir"), 0755);
	make_file("dir/inner", "inner file");
	symlink("inner", tmp_path("dir/rel"));
	symlink("dir/rel", tmp_path("chain"));
	int fd = open(tmp_path("chain"), O_RDONLY);
	n = fd < 0 ? 0 : read(fd, buf, sizeof(buf));
	printf("a chain of two relative links opens: '%.*s'\n", (int)n, buf);
	symlink("dir", tmp_path("dirlink"));
	fd = open(tmp_path("dirlink/inner"), O_RDONLY);
	n = fd < 0 ? 0 : read(fd, buf, sizeof(buf));
	printf("a link to a directory in the middle of a path: '%.*s'\n", (int)n, buf);
	show("unlink removes the link, not the target", unlink(tmp_path("link")));
	printf("target still there: %s\n", yes(access(file, F_OK) == 0));
	long long big = 0;
	char target[5000];
	memset(target, 't', sizeof(target) - 1);
	target[sizeof(target) - 1] = 0;
	big = symlink(target, tmp_path("toolong"));
	show("symlink with a 4999-byte target", big);
	return 0;
}
