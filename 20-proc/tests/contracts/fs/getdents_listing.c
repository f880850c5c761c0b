/*
 * getdents64() lists every entry of a directory exactly once, "." and ".."
 * included, with d_type for each kind, across as many calls as the buffer
 * size needs; then returns 0.  A buffer too small for one entry is EINVAL,
 * a file is ENOTDIR (man 2 getdents).  The order is unspecified: sorted here.
 */
#include "../contract.h"

struct dirent64_raw {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *type_name(unsigned char t)
{
	switch (t) {
	case 4: return "dir";
	case 8: return "file";
	case 10: return "symlink";
	case 0: return "unknown";
	default: return "other";
	}
}

/* List DIR with a BUFSIZE buffer; print the sorted names and types. */
static void list(const char *dir, size_t bufsize)
{
	char buf[4096], *names[64];
	int fd = open(dir, O_RDONLY | O_DIRECTORY), n = 0, calls = 0, i;
	long got;

	if (fd < 0)
		setup_failed("open dir");
	while ((got = syscall(SYS_getdents64, fd, buf, bufsize)) > 0) {
		long off = 0;

		calls++;
		while (off < got) {
			struct dirent64_raw *d = (struct dirent64_raw *)(buf + off);

			if (n < 64) {
				names[n] = malloc(300);
				snprintf(names[n], 300, "%s (%s, inode %s)", d->d_name,
					 type_name(d->d_type), d->d_ino ? "non-zero" : "zero");
				n++;
			}
			off += d->d_reclen;
		}
	}
	printf("buffer %zu: last call returned %ld%s; more than one call: %s\n", bufsize, got,
	       got < 0 ? errno_name(errno) : "", yes(calls > 1));
	qsort(names, n, sizeof(names[0]), compare);
	for (i = 0; i < n; i++) {
		printf("  %s\n", names[i]);
		free(names[i]);
	}
	show("getdents64 again at the end", syscall(SYS_getdents64, fd, buf, bufsize));
	close(fd);
}

int main(void)
{
	const char *dir = tmp_path("listing");
	char path[600], buf[16];
	int i, fd;

	if (mkdir(dir, 0755) < 0)
		setup_failed("mkdir");
	for (i = 0; i < 12; i++) {
		snprintf(path, sizeof(path), "%s/file-%02d-%s", dir, i,
			 i % 3 ? "short" : "a-rather-longer-name-to-vary-record-sizes");
		fd = open(path, O_CREAT | O_WRONLY, 0644);
		close(fd);
	}
	snprintf(path, sizeof(path), "%s/subdir", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/link", dir);
	symlink("file-01-short", path);
	list(dir, 4096);
	list(dir, 100);

	/* Remove some: they no longer appear. */
	for (i = 0; i < 12; i += 2) {
		snprintf(path, sizeof(path), "%s/file-%02d-%s", dir, i,
			 i % 3 ? "short" : "a-rather-longer-name-to-vary-record-sizes");
		unlink(path);
	}
	list(dir, 4096);

	fd = open(dir, O_RDONLY | O_DIRECTORY);
	show("getdents64 with a 10-byte buffer", syscall(SYS_getdents64, fd, buf, 10));
	close(fd);
	fd = open(make_file("plain", "x"), O_RDONLY);
	show("getdents64 on a file", syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	show("getdents64 on a bad fd", syscall(SYS_getdents64, 99, buf, sizeof(buf)));
	return 0;
}
