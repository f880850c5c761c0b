/*
 * lseek(): SEEK_SET, SEEK_CUR and SEEK_END move the offset; a resulting
 * negative offset is EINVAL and leaves the offset alone; a bad whence is
 * EINVAL; seeking past the end is allowed, and a write there leaves a hole
 * that reads back as zeros (man 2 lseek).
 */
#include "../contract.h"

int main(void)
{
	const char *path = make_file("data", "abcdefghij");
	unsigned char buf[32];
	struct stat st;
	int fd, zeros, i;
	ssize_t n;

	fd = open(path, O_RDWR);
	if (fd < 0)
		setup_failed("open");
	show("SEEK_SET 4", lseek(fd, 4, SEEK_SET));
	show("SEEK_CUR +2", lseek(fd, 2, SEEK_CUR));
	show("SEEK_CUR -3", lseek(fd, -3, SEEK_CUR));
	show("SEEK_END 0 (the size)", lseek(fd, 0, SEEK_END));
	show("SEEK_END -4", lseek(fd, -4, SEEK_END));
	n = read(fd, buf, sizeof(buf));
	printf("read after SEEK_END -4: %zd '%.*s'\n", n, (int)n, buf);
	show("SEEK_SET -1", lseek(fd, -1, SEEK_SET));
	show("SEEK_CUR to below 0", lseek(fd, -100, SEEK_CUR));
	show("SEEK_END to below 0", lseek(fd, -11, SEEK_END));
	show("offset unchanged by the failures", lseek(fd, 0, SEEK_CUR));
	show("whence 42", lseek(fd, 0, 42));
	show("lseek on a closed fd", lseek(99, 0, SEEK_SET));

	show("SEEK_SET past the end (20)", lseek(fd, 20, SEEK_SET));
	show("size not changed by seeking", fstat(fd, &st) == 0 ? st.st_size : -2);
	show("read past the end", read(fd, buf, 4));
	show("write 'XY' at 20", write(fd, "XY", 2));
	show("size now", fstat(fd, &st) == 0 ? st.st_size : -2);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof(buf));
	show("read everything", n);
	for (zeros = 0, i = 10; i < 20; i++)
		zeros += buf[i] == 0;
	printf("bytes 10..19 are zeros: %s; then '%.2s'\n", yes(zeros == 10), buf + 20);
	show("SEEK_END after the write", lseek(fd, 0, SEEK_END));
	/* A big sparse offset: the hole reads as zeros too. */
	show("SEEK_SET 1 MiB", lseek(fd, 1 << 20, SEEK_SET));
	show("write 1 byte there", write(fd, "Z", 1));
	lseek(fd, 500000, SEEK_SET);
	n = read(fd, buf, 8);
	printf("read in the middle of the hole: %zd bytes, all zero: %s\n", n,
	       yes(n == 8 && memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0));
	return 0;
}
