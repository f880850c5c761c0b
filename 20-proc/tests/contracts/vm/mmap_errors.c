/*
 * mmap's argument checks (man 2 mmap, ERRORS): length 0, neither
 * MAP_PRIVATE nor MAP_SHARED, an unaligned MAP_FIXED address or offset are
 * EINVAL; a bad fd is EBADF; a directory is ENODEV; an O_WRONLY fd is
 * EACCES; an impossible length is ENOMEM.  MAP_FIXED replaces what was
 * there.  Called raw: musl's mmap() checks the offset and length itself.
 */
#include "../contract.h"

static void try_mmap(const char *label, void *addr, size_t len, int prot, int flags,
		     int fd, off_t off)
{
	long p = syscall(SYS_mmap, addr, len, prot, flags, fd, off);

	if (p == -1)
		printf("%s: %s\n", label, errno_name(errno));
	else
		printf("%s: ok\n", label);
}

int main(void)
{
	const char *path = make_file("data", "some data");
	int wfd = open(path, O_WRONLY), dfd = open(tmp_path(""), O_RDONLY);
	int rw = PROT_READ | PROT_WRITE, priv = MAP_PRIVATE | MAP_ANONYMOUS;
	char *p = map_pages(2);

	try_mmap("length 0", NULL, 0, rw, priv, -1, 0);
	try_mmap("no MAP_PRIVATE or MAP_SHARED", NULL, PAGE, rw, MAP_ANONYMOUS, -1, 0);
	try_mmap("MAP_FIXED at an unaligned address", p + 1, PAGE, rw, priv | MAP_FIXED, -1, 0);
	try_mmap("unaligned file offset", NULL, PAGE, PROT_READ, MAP_PRIVATE, wfd, 1);
	try_mmap("bad fd", NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0);
	try_mmap("an O_WRONLY fd", NULL, PAGE, PROT_READ, MAP_PRIVATE, wfd, 0);
	try_mmap("a directory", NULL, PAGE, PROT_READ, MAP_PRIVATE, dfd, 0);
	try_mmap("length 2^62", NULL, 1UL << 62, rw, priv, -1, 0);
	try_mmap("MAP_FIXED over the kernel", KERNEL_ADDR, PAGE, rw, priv | MAP_FIXED, -1, 0);
	try_mmap("anonymous with an fd of -1 and offset 0", NULL, PAGE, rw, priv, -1, 0);

	memset(p, 'x', 2 * PAGE);
	char *q = mmap(p + PAGE, PAGE, rw, priv | MAP_FIXED, -1, 0);
	printf("MAP_FIXED over an existing page returns that address: %s\n", yes(q == p + PAGE));
	printf("the replaced page is zero: %s, its neighbour kept: %s\n",
	       yes(p[PAGE] == 0 && p[2 * PAGE - 1] == 0), yes(p[0] == 'x'));
	/* A hint that is free is honoured (Linux uses a free hint as is). */
	munmap(p, 2 * PAGE);
	q = mmap(p, PAGE, rw, priv, -1, 0);
	printf("a free hint address is used: %s\n", yes(q == p));
	return 0;
}
