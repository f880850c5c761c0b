/*
 * Hard links (man 2 link, man 2 stat): link() adds a name for the same
 * inode and raises st_nlink; unlink() lowers it; the data is shared; a
 * directory starts with st_nlink 2 and each subdirectory adds one (its
 * ".."); hard links to directories are EPERM; an existing new name is
 * EEXIST.
 */
#include "../contract.h"

static nlink_t links(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_nlink : (nlink_t)-1;
}

int main(void)
{
	const char *a = make_file("a", "shared data");
	struct stat sa, sb;
	char buf[16];
	int fd;

	printf("new file: st_nlink %lu\n", (unsigned long)links(a));
	show("link a -> b", link(a, tmp_path("b")));
	printf("a: st_nlink %lu, b: st_nlink %lu\n", (unsigned long)links(a),
	       (unsigned long)links(tmp_path("b")));
	stat(a, &sa);
	stat(tmp_path("b"), &sb);
	printf("same inode and device: %s\n", yes(sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev));
	fd = open(tmp_path("b"), O_WRONLY);
	write(fd, "SHARED", 6);
	close(fd);
	fd = open(a, O_RDONLY);
	printf("a write through b is seen through a: '%.*s'\n", (int)read(fd, buf, 11), buf);
	close(fd);
	show("link a -> c", link(a, tmp_path("c")));
	printf("st_nlink %lu\n", (unsigned long)links(a));
	unlink(a);
	printf("after unlink a: b has st_nlink %lu\n", (unsigned long)links(tmp_path("b")));
	show("link over an existing name", link(tmp_path("b"), tmp_path("c")));
	show("link of a missing name", link(a, tmp_path("d")));

	mkdir(tmp_path("dir"), 0755);
	printf("new directory: st_nlink %lu\n", (unsigned long)links(tmp_path("dir")));
	mkdir(tmp_path("dir/s1"), 0755);
	mkdir(tmp_path("dir/s2"), 0755);
	make_file("dir/f", "");
	printf("with two subdirectories and a file: st_nlink %lu\n",
	       (unsigned long)links(tmp_path("dir")));
	rmdir(tmp_path("dir/s1"));
	printf("after removing one: st_nlink %lu\n", (unsigned long)links(tmp_path("dir")));
	show("link to a directory", link(tmp_path("dir"), tmp_path("dirlink")));
	return 0;
}
