/*
 * rows.c - layer 20's rows of strata-bench (tools/bench/bench.h): the cost
 * of a syscall, of making and ending processes, of pipes, page faults and
 * file operations, on this kernel and on Linux (make bench).
 *
 * Every row does the same work on every kernel: the files it uses are made
 * by the row itself in the scratch directory (on the RAM file system both
 * kernels unpack their initramfs into), and the program exec'd is the tiny
 * static "true" that ships beside strata-bench.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "bench.h"

#define CHUNK (64 * 1024)		/* pipe writes and file reads */
#define TOUCH_PAGES 256			/* pages faulted in per mmap */
#define BIG_FILE_SIZE (16 << 20)	/* the file read from memory */

static char buffer[CHUNK];
static char *const true_argv[] = { "true", NULL };
static char *const no_env[] = { NULL };

/* ------------------------------------------------ syscalls */

/* The cheapest trip into the kernel and back (musl caches nothing). */
static uint64_t getpid_run(long n)
{
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++)
		syscall(SYS_getpid);
	return bench_now_ns() - t0;
}

/*
 * What a program pays for the time.  Through the C library, as programs
 * call it: on Linux musl uses the vDSO (no kernel entry); this kernel has
 * no vDSO yet, so it is a syscall here.
 */
static uint64_t clock_gettime_run(long n)
{
	struct timespec ts;
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++)
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return bench_now_ns() - t0;
}

/* ------------------------------------------------ processes */

static uint64_t fork_wait_run(long n)
{
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return bench_fail("fork: %s", strerror(errno));
		if (pid == 0)
			_exit(0);
		if (bench_wait(pid))
			return BENCH_FAILED;
	}
	return bench_now_ns() - t0;
}

/* fork (or vfork) + execve of the tiny program + wait, @n times. */
static uint64_t spawn_true(long n, int use_vfork)
{
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++) {
		pid_t pid = use_vfork ? vfork() : fork();

		if (pid < 0)
			return bench_fail("%s: %s", use_vfork ? "vfork" : "fork", strerror(errno));
		if (pid == 0) {
			execve(bench_true_program, true_argv, no_env);
			_exit(127);	/* bench_wait reports it */
		}
		if (bench_wait(pid))
			return BENCH_FAILED;
	}
	return bench_now_ns() - t0;
}

static int true_exists(void)
{
	if (access(bench_true_program, X_OK)) {
		bench_fail("%s: %s", bench_true_program, strerror(errno));
		return -1;
	}
	return 0;
}

static uint64_t fork_exec_wait_run(long n)
{
	return spawn_true(n, 0);
}

static uint64_t vfork_exec_wait_run(long n)
{
	return spawn_true(n, 1);
}

/* ------------------------------------------------ pipes */

/* Write all of @len bytes (a pipe may take a large write in parts). */
static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t k = write(fd, p, len);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		len -= k;
	}
	return 0;
}

/* Two pipes, @a and @b: 0, or -1 with neither left open and errno set. */
static int two_pipes(int a[2], int b[2])
{
	if (pipe(a))
		return -1;
	if (pipe(b)) {
		int err = errno;

		close(a[0]);
		close(a[1]);
		errno = err;
		return -1;
	}
	return 0;
}

static void close_pipes(int a[2], int b[2])
{
	close(a[0]);
	close(a[1]);
	close(b[0]);
	close(b[1]);
}

/*
 * One byte to a child and one byte back, @n times: two pipes, two context
 * switches a round trip on one CPU.  The child is made before the clock
 * starts and echoes until its pipe ends.
 */
static uint64_t pipe_pingpong_run(long n)
{
	int to_child[2], to_parent[2];
	uint64_t t0, t;
	char c = 'x';
	pid_t pid;

	if (two_pipes(to_child, to_parent))
		return bench_fail("pipe: %s", strerror(errno));
	pid = fork();
	if (pid < 0) {
		int err = errno;

		close_pipes(to_child, to_parent);
		return bench_fail("fork: %s", strerror(err));
	}
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		while (read(to_child[0], &c, 1) == 1)
			if (write(to_parent[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(to_child[0]);
	close(to_parent[1]);
	t0 = bench_now_ns();
	for (long i = 0; i < n; i++) {
		if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1) {
			t = bench_fail("ping-pong %ld: %s", i, strerror(errno));
			goto out;
		}
	}
	t = bench_now_ns() - t0;
out:
	close(to_child[1]);
	close(to_parent[0]);
	if (bench_wait(pid))
		t = BENCH_FAILED;
	return t;
}

/*
 * @n writes of 64 KiB into a pipe that a child drains with 64 KiB reads;
 * the clock stops when the child says (one byte back) it has read it all.
 */
static uint64_t pipe_throughput_run(long n)
{
	int data[2], done[2];
	uint64_t t0, t;
	char c = 0;
	pid_t pid;

	if (two_pipes(data, done))
		return bench_fail("pipe: %s", strerror(errno));
	pid = fork();
	if (pid < 0) {
		int err = errno;

		close_pipes(data, done);
		return bench_fail("fork: %s", strerror(err));
	}
	if (pid == 0) {
		unsigned long long left = (unsigned long long)n * CHUNK;

		close(data[1]);
		close(done[0]);
		while (left) {
			ssize_t k = read(data[0], buffer, CHUNK);

			if (k <= 0)
				_exit(1);
			left -= k;
		}
		_exit(write(done[1], &c, 1) == 1 ? 0 : 1);
	}
	close(data[0]);
	close(done[1]);
	t0 = bench_now_ns();
	for (long i = 0; i < n; i++) {
		if (write_all(data[1], buffer, CHUNK)) {
			t = bench_fail("write %ld: %s", i, strerror(errno));
			goto out;
		}
	}
	if (read(done[0], &c, 1) != 1) {
		t = bench_fail("the reader did not finish");
		goto out;
	}
	t = bench_now_ns() - t0;
out:
	close(data[1]);
	close(done[0]);
	if (bench_wait(pid))
		t = BENCH_FAILED;
	return t;
}

/* ------------------------------------------------ memory */

/* A fresh anonymous mapping, one write per page (a demand-zero fault each), unmapped. */
static uint64_t mmap_touch_run(long n)
{
	const long page = sysconf(_SC_PAGESIZE);
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++) {
		char *p = mmap(NULL, TOUCH_PAGES * page, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			return bench_fail("mmap: %s", strerror(errno));
		for (long k = 0; k < TOUCH_PAGES; k++)
			((volatile char *)p)[k * page] = 1;
		if (munmap(p, TOUCH_PAGES * page))
			return bench_fail("munmap: %s", strerror(errno));
	}
	return bench_now_ns() - t0;
}

/* ------------------------------------------------ files */

static char small_file[BENCH_PATH_MAX], big_file[BENCH_PATH_MAX];

/* A file of @size bytes at @path (bytes of buffer[], which is all 'x'). */
static int make_file(const char *path, long size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	memset(buffer, 'x', sizeof(buffer));
	if (fd < 0) {
		bench_fail("create %s: %s", path, strerror(errno));
		return -1;
	}
	for (long done = 0; done < size; done += CHUNK) {
		if (write_all(fd, buffer, size - done < CHUNK ? size - done : CHUNK)) {
			bench_fail("write %s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
	}
	return close(fd);
}

static int small_file_setup(void)
{
	bench_path(small_file, "small");
	return make_file(small_file, 100);
}

static uint64_t open_close_run(long n)
{
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++) {
		int fd = open(small_file, O_RDONLY);

		if (fd < 0)
			return bench_fail("open %s: %s", small_file, strerror(errno));
		close(fd);
	}
	return bench_now_ns() - t0;
}

static uint64_t stat_run(long n)
{
	struct stat st;
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++)
		if (stat(small_file, &st))
			return bench_fail("stat %s: %s", small_file, strerror(errno));
	return bench_now_ns() - t0;
}

static uint64_t read_big_file_run(long n);

/* The 16 MiB file, written and read once so that it is in memory. */
static int big_file_setup(void)
{
	bench_path(big_file, "16MiB");
	if (make_file(big_file, BIG_FILE_SIZE))
		return -1;
	return read_big_file_run(1) == BENCH_FAILED ? -1 : 0;
}

/* open, read all of it in 64 KiB reads, close. */
static uint64_t read_big_file_run(long n)
{
	uint64_t t0 = bench_now_ns();

	for (long i = 0; i < n; i++) {
		long total = 0;
		ssize_t k;
		int fd = open(big_file, O_RDONLY);

		if (fd < 0)
			return bench_fail("open %s: %s", big_file, strerror(errno));
		while ((k = read(fd, buffer, CHUNK)) > 0)
			total += k;
		close(fd);
		if (k < 0 || total != BIG_FILE_SIZE)
			return bench_fail("read %ld of %d bytes: %s", total, BIG_FILE_SIZE,
					  k < 0 ? strerror(errno) : "short");
	}
	return bench_now_ns() - t0;
}

static void big_file_cleanup(void)
{
	unlink(big_file);
}

static const struct bench_row rows[] = {
	{ .name = "getpid", .title = "getpid round trip", .op = "call", .run = getpid_run },
	{ .name = "clock_gettime", .title = "clock_gettime(MONOTONIC)", .op = "call",
	  .run = clock_gettime_run },
	{ .name = "fork_wait", .title = "fork+wait", .op = "process", .run = fork_wait_run },
	{ .name = "fork_exec_wait", .title = "fork+exec+wait (tiny static)", .op = "process",
	  .setup = true_exists, .run = fork_exec_wait_run },
	{ .name = "vfork_exec_wait", .title = "vfork+exec+wait (tiny static)", .op = "process",
	  .setup = true_exists, .run = vfork_exec_wait_run },
	{ .name = "pipe_pingpong", .title = "pipe ping-pong, 2 processes", .op = "round trip",
	  .run = pipe_pingpong_run },
	{ .name = "pipe_throughput", .title = "pipe throughput", .op = "64 KiB",
	  .run = pipe_throughput_run },
	{ .name = "mmap_touch", .title = "mmap+touch+munmap (anon)", .op = "256 pages",
	  .run = mmap_touch_run },
	{ .name = "open_close", .title = "open+close existing file", .op = "pair",
	  .setup = small_file_setup, .run = open_close_run },
	{ .name = "stat", .title = "stat existing file", .op = "call", .setup = small_file_setup,
	  .run = stat_run },
	{ .name = "read_16m", .title = "read 16 MiB file in memory", .op = "16 MiB",
	  .setup = big_file_setup, .run = read_big_file_run, .cleanup = big_file_cleanup },
};
BENCH_ROWS(rows);
