/*
 * stat(), fstat() and lstat() agree on a file: type, size, inode, mode;
 * st_blksize is positive; ftruncate() and truncate() grow a file with
 * zeros and shrink it (man 2 stat, man 2 truncate); negative lengths are
 * EINVAL.
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("file", "0123456789");
	struct stat s1, s2, s3;
	char buf[32];
	int fd, zero = 1, i;

	fd = open(path, O_RDWR);
	stat(path, &s1);
	fstat(fd, &s2);
	lstat(path, &s3);
	printf("regular: %s, size %lld\n", yes(S_ISREG(s1.st_mode)), (long long)s1.st_size);
	printf("stat, fstat, lstat agree (ino, dev, mode, size, nlink): %s\n",
	       yes(s1.st_ino == s2.st_ino && s1.st_ino == s3.st_ino && s1.st_dev == s2.st_dev &&
		   s1.st_mode == s2.st_mode && s1.st_size == s3.st_size && s1.st_nlink == s2.st_nlink));
	printf("st_blksize positive: %s, st_uid is getuid(): %s, st_gid is getgid(): %s\n",
	       yes(s1.st_blksize > 0), yes(s1.st_uid == getuid()), yes(s1.st_gid == getgid()));
	stat(tmp_path(""), &s3);
	printf("the directory is S_ISDIR: %s, on the same device: %s, other inode: %s\n",
	       yes(S_ISDIR(s3.st_mode)), yes(s3.st_dev == s1.st_dev), yes(s3.st_ino != s1.st_ino));

	show("ftruncate to 20", ftruncate(fd, 20));
	fstat(fd, &s2);
	printf("size %lld\n", (long long)s2.st_size);
	pread(fd, buf, 20, 0);
	for (i = 10; i < 20; i++)
		zero &= buf[i] == 0;
	printf("first 10 bytes kept: %s, the 10 new ones zero: %s\n",
	       yes(memcmp(buf, "0123456789", 10) == 0), yes(zero));
	show("truncate (by path) to 4", truncate(path, 4));
	fstat(fd, &s2);
	printf("size %lld\n", (long long)s2.st_size);
	show("offset unchanged by truncation", lseek(fd, 0, SEEK_CUR));
	lseek(fd, 0, SEEK_END);
	show("SEEK_END after truncation", lseek(fd, 0, SEEK_CUR));
	ftruncate(fd, 4);
	show("ftruncate to -1", ftruncate(fd, -1));
	show("truncate a directory", truncate(tmp_path(""), 0));
	show("truncate a missing file", truncate(tmp_path("none"), 0));
	show("stat a missing file", stat(tmp_path("none"), &s1));
	show("stat with a path through a file", stat(tmp_path("file/x"), &s1));
	return 0;
}
