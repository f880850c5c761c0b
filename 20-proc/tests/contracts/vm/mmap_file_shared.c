/*
 * A MAP_SHARED file mapping and the file are one: a store into the mapping
 * is seen by read() at once, a write() is seen in the mapping, and the
 * data stays in the file after munmap (man 2 mmap, man 2 msync).
 */
#include "../contract.h"

int main(void)
{
	const char *path = tmp_path("data");
	char buf[16] = { 0 };
	char *map;
	int fd;

	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || ftruncate(fd, 2 * PAGE) < 0)
		setup_failed("create the file");
	map = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	printf("mmap MAP_SHARED: %s\n", map == MAP_FAILED ? errno_name(errno) : "ok");
	if (map == MAP_FAILED)
		return 1;
	memcpy(map + PAGE + 10, "shared", 6);
	pread(fd, buf, 6, PAGE + 10);
	printf("read() sees the store: '%.6s'\n", buf);
	pwrite(fd, "WRITE", 5, 3);
	printf("the mapping sees write(): '%.5s'\n", map + 3);
	show("msync", msync(map, 2 * PAGE, MS_SYNC));
	show("munmap", munmap(map, 2 * PAGE));
	memset(buf, 0, sizeof(buf));
	pread(fd, buf, 6, PAGE + 10);
	printf("the file keeps it after munmap: '%.6s'\n", buf);

	/* Shared across fork too: the child's store reaches the file. */
	map = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (fork() == 0) {
		map[100] = '!';
		_exit(0);
	}
	wait(NULL);
	pread(fd, buf, 1, 100);
	printf("child's store reached the file: %s, and the parent's mapping: %s\n",
	       yes(buf[0] == '!'), yes(map[100] == '!'));

	int ro = open(path, O_RDONLY);
	printf("MAP_SHARED PROT_WRITE of an O_RDONLY fd: %s\n",
	       mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) == MAP_FAILED ?
	       errno_name(errno) : "ok");
	printf("MAP_PRIVATE PROT_WRITE of an O_RDONLY fd: %s\n",
	       mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0) == MAP_FAILED ?
	       errno_name(errno) : "ok");
	return 0;
}
