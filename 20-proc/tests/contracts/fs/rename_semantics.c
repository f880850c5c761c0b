/*
 * rename() (man 2 rename): moves a name, atomically replacing an existing
 * file; open fds follow the file; renaming onto itself succeeds and does
 * nothing; a directory moves with its contents and may replace an empty
 * directory but not a non-empty one (ENOTEMPTY); a directory cannot go
 * inside itself (EINVAL); a file cannot replace a directory (EISDIR) nor a
 * directory a file (ENOTDIR).
 */
#include "../contract.h"

static void show_contents(const char *label, const char *path)
{
	char buf[32];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0) {
		printf("%s: %s\n", label, errno_name(errno));
		return;
	}
	n = read(fd, buf, sizeof(buf));
	printf("%s: '%.*s'\n", label, (int)n, buf);
	close(fd);
}

int main(void)
{
	const char *a = make_file("a", "AAA"), *b = make_file("b", "BBB");
	int fd;

	fd = open(a, O_RDONLY);
	show("rename a -> c", rename(a, tmp_path("c")));
	show_contents("a", a);
	show_contents("c", tmp_path("c"));
	show("rename c -> b (replaces b)", rename(tmp_path("c"), b));
	show_contents("b", b);
	char buf[4];
	printf("the fd opened as 'a' reads: '%.*s'\n", (int)read(fd, buf, 3), buf);
	show("rename b -> b", rename(b, b));
	show_contents("b", b);
	show("rename a missing name", rename(a, tmp_path("z")));

	mkdir(tmp_path("d1"), 0755);
	make_file("d1/inside", "III");
	show("rename directory d1 -> d2", rename(tmp_path("d1"), tmp_path("d2")));
	show_contents("d2/inside", tmp_path("d2/inside"));
	show("rename d2 into itself", rename(tmp_path("d2"), tmp_path("d2/sub")));
	mkdir(tmp_path("empty"), 0755);
	show("rename d2 over an empty directory", rename(tmp_path("d2"), tmp_path("empty")));
	show_contents("empty/inside", tmp_path("empty/inside"));
	mkdir(tmp_path("d3"), 0755);
	show("rename d3 over a non-empty directory", rename(tmp_path("d3"), tmp_path("empty")));
	show("rename a file over a directory", rename(b, tmp_path("d3")));
	show("rename a directory over a file", rename(tmp_path("d3"), b));
	show("rename to a missing directory", rename(b, tmp_path("nodir/b")));
	show("rename into a subdirectory", rename(b, tmp_path("empty/b")));
	show_contents("empty/b", tmp_path("empty/b"));
	show("rename '.'", rename(tmp_path("empty/."), tmp_path("x")));
	return 0;
}
