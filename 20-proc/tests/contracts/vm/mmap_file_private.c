/*
 * A MAP_PRIVATE file mapping shows the file's contents (as read() returns
 * them), zeros after the end of the file up to the end of the page, and
 * SIGBUS for a page wholly past the end; an offset must be page aligned;
 * writes to the mapping are private and never reach the file (man 2 mmap).
 */
#include "../contract.h"

#define FILE_SIZE (3 * PAGE + 100)

int main(void)
{
	static char content[FILE_SIZE], readback[FILE_SIZE];
	const char *path = tmp_path("data");
	char *map, *map2;
	size_t i;
	int fd, zero = 1;

	for (i = 0; i < FILE_SIZE; i++)
		content[i] = 'A' + (i * 7 + i / PAGE) % 26;
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, content, FILE_SIZE) != FILE_SIZE)
		setup_failed("create the file");

	map = mmap(NULL, 5 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	printf("mmap 5 pages of a 3.02-page file: %s\n", map == MAP_FAILED ? errno_name(errno) : "ok");
	if (map == MAP_FAILED)
		return 1;
	pread(fd, readback, FILE_SIZE, 0);
	printf("mapping equals read(): %s\n", yes(memcmp(map, readback, FILE_SIZE) == 0));
	for (i = FILE_SIZE; i < 4 * PAGE; i++)
		zero &= map[i] == 0;
	printf("rest of the last page is zero: %s\n", yes(zero));
	printf("touching the page past the end of the file: %s\n",
	       status_text(run_child(touch_read, map + 4 * PAGE)));

	memset(map, 'z', 10);
	map[3 * PAGE + 50] = 'z';
	pread(fd, readback, FILE_SIZE, 0);
	printf("private writes do not reach the file: %s\n", yes(memcmp(readback, content, FILE_SIZE) == 0));
	printf("the mapping keeps them: %s\n", yes(map[0] == 'z' && map[3 * PAGE + 50] == 'z'));

	map2 = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 2 * PAGE);
	printf("mmap at offset 2 pages: %s\n", map2 == MAP_FAILED ? errno_name(errno) : "ok");
	printf("shows the file from 2 pages on: %s\n",
	       yes(map2 != MAP_FAILED && memcmp(map2, content + 2 * PAGE, PAGE) == 0));
	printf("mmap at offset 100: %s\n",
	       mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED ? errno_name(errno) : "ok");
	close(fd);
	printf("mapping still readable after close(): %s\n", yes(map2[0] == content[2 * PAGE]));
	unlink(path);
	printf("and after unlink(): %s\n", yes(map2[1] == content[2 * PAGE + 1]));
	return 0;
}
