/*
 * open() flags (man 2 open): O_CREAT makes a missing file with the mode
 * given (less the umask); O_CREAT|O_EXCL on an existing name is EEXIST;
 * O_TRUNC empties a file; O_APPEND makes every write go to the end, even
 * after lseek; without O_CREAT a missing file is ENOENT.
 */
#include "../contract.h"

int main(void)
{
	const char *path = tmp_path("file");
	struct stat st;
	char buf[32];
	int fd;
	ssize_t n;

	umask(022);
	show("open missing without O_CREAT", open(path, O_RDWR));
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0640);
	show_ok("O_CREAT|O_EXCL of a new name", fd);
	fstat(fd, &st);
	printf("regular file, mode 0%o, size %lld\n", (unsigned)(st.st_mode & 07777),
	       (long long)st.st_size);
	write(fd, "hello world", 11);
	close(fd);
	show("O_CREAT|O_EXCL of an existing name", open(path, O_RDWR | O_CREAT | O_EXCL, 0600));
	fd = open(path, O_RDWR | O_CREAT, 0600);
	fstat(fd, &st);
	printf("O_CREAT of an existing file keeps it: size %lld, mode 0%o\n",
	       (long long)st.st_size, (unsigned)(st.st_mode & 07777));
	close(fd);

	fd = open(path, O_WRONLY | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	show("O_APPEND write after lseek(0)", write(fd, "!", 1));
	show("offset after it (the end)", lseek(fd, 0, SEEK_CUR));
	close(fd);
	fd = open(path, O_RDONLY);
	n = read(fd, buf, sizeof(buf));
	printf("contents: '%.*s'\n", (int)n, buf);
	close(fd);

	fd = open(path, O_RDWR | O_TRUNC);
	fstat(fd, &st);
	printf("O_TRUNC: size %lld\n", (long long)st.st_size);
	write(fd, "ab", 2);
	close(fd);
	fd = open(path, O_RDONLY | O_TRUNC);
	fstat(fd, &st);
	printf("O_RDONLY|O_TRUNC also truncates (Linux): size %lld\n", (long long)st.st_size);
	close(fd);

	show("O_EXCL without O_CREAT on an existing file", open(path, O_RDONLY | O_EXCL) >= 0 ? 0 : -1);
	show("O_CREAT with a trailing slash", open(tmp_path("newdir/"), O_RDWR | O_CREAT, 0600));
	show("O_CREAT in a missing directory", open(tmp_path("missing/x"), O_RDWR | O_CREAT, 0600));
	show("creat() of an existing file (truncates)", creat(path, 0600) >= 0 ? 0 : -1);
	stat(path, &st);
	printf("size after creat: %lld\n", (long long)st.st_size);
	return 0;
}
