/*
 * The *at() calls resolve a relative path from a directory fd (or the
 * working directory for AT_FDCWD) and ignore the fd for an absolute path;
 * a file fd as the base is ENOTDIR; unlinkat(AT_REMOVEDIR) removes
 * directories; fstatat(AT_SYMLINK_NOFOLLOW) is lstat (man 2 openat).
 */
#include "../contract.h"

int main(void)
{
	int dfd, fd, ffd;
	struct stat st;
	char buf[16];

	mkdir(tmp_path("base"), 0755);
	dfd = open(tmp_path("base"), O_RDONLY | O_DIRECTORY);
	if (dfd < 0)
		setup_failed("open base");
	fd = openat(dfd, "made-by-openat", O_CREAT | O_RDWR, 0644);
	show_ok("openat(dirfd, relative, O_CREAT)", fd);
	write(fd, "at!", 3);
	close(fd);
	printf("it is in base/: %s\n", yes(access(tmp_path("base/made-by-openat"), F_OK) == 0));
	show("mkdirat", mkdirat(dfd, "sub", 0755));
	show("symlinkat", symlinkat("made-by-openat", dfd, "link"));
	show("fstatat follows", fstatat(dfd, "link", &st, 0));
	printf("  regular: %s, size %lld\n", yes(S_ISREG(st.st_mode)), (long long)st.st_size);
	show("fstatat AT_SYMLINK_NOFOLLOW", fstatat(dfd, "link", &st, AT_SYMLINK_NOFOLLOW));
	printf("  symlink: %s\n", yes(S_ISLNK(st.st_mode)));
	show("readlinkat", readlinkat(dfd, "link", buf, sizeof(buf)));
	show("renameat", renameat(dfd, "made-by-openat", dfd, "sub/moved"));
	show("linkat", linkat(dfd, "sub/moved", dfd, "hard", 0));
	show("unlinkat a file", unlinkat(dfd, "hard", 0));
	show("unlinkat a directory without AT_REMOVEDIR", unlinkat(dfd, "sub", 0));
	show("unlinkat a non-empty directory with AT_REMOVEDIR", unlinkat(dfd, "sub", AT_REMOVEDIR));
	unlinkat(dfd, "sub/moved", 0);
	show("unlinkat the emptied directory with AT_REMOVEDIR", unlinkat(dfd, "sub", AT_REMOVEDIR));
	show("unlinkat with a bad flag", unlinkat(dfd, "link", 0x1));

	ffd = open(make_file("plain", "p"), O_RDONLY);
	show("openat with a file as the base", openat(ffd, "x", O_RDONLY));
	show_ok("openat with a file fd and an absolute path", openat(ffd, tmp_path("plain"), O_RDONLY));
	show("openat with a closed fd", openat(200, "x", O_RDONLY));
	make_file("base/here", "h");
	chdir(tmp_path("base"));
	show_ok("openat(AT_FDCWD) from the working directory", openat(AT_FDCWD, "here", O_RDONLY));
	show("fstatat AT_EMPTY_PATH on an fd", fstatat(ffd, "", &st, AT_EMPTY_PATH));
	printf("  size %lld\n", (long long)st.st_size);
	show("fstatat with an empty path and no AT_EMPTY_PATH", fstatat(ffd, "", &st, 0));
	return 0;
}
