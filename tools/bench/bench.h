/*
 * bench.h - rows of strata-bench, the user-space benchmark of `make bench`.
 *
 * strata-bench is one static musl program.  `make bench` runs the same
 * binary on the host, on this kernel and on Debian's Linux kernel in the
 * same QEMU machine, and tools/bench.sh puts the three figures side by side.
 *
 * A row is one operation whose cost is measured: a syscall, a fork, a page
 * fault.  A layer adds rows in a file NN-name/bench/NAME.c, without touching
 * anything here (the Makefile compiles every selected layer's bench/ files):
 *
 *	static uint64_t getpid_run(long n)
 *	{
 *		uint64_t t0 = bench_now_ns();
 *
 *		for (long i = 0; i < n; i++)
 *			syscall(SYS_getpid);
 *		return bench_now_ns() - t0;
 *	}
 *
 *	static const struct bench_row rows[] = {
 *		{ .name = "getpid", .title = "getpid round trip", .op = "call",
 *		  .run = getpid_run },
 *	};
 *	BENCH_ROWS(rows);
 *
 * BENCH_ROWS() puts a pointer to the array in the linker section
 * "bench_rows", as the kernel's registries do; the program finds every
 * array between __start_bench_rows and __stop_bench_rows and orders them by
 * source path (so by layer), each array's rows in their order.  The row's
 * layer is the NN-name folder of that path.
 *
 * How a row is measured (main.c): run(n) with n = 1, 2, ... growing until
 * one call takes the target time (--target-ms), then --trials calls with
 * that n; the figure is the median of the trials' time per operation.
 */
#ifndef STRATA_BENCH_H
#define STRATA_BENCH_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/** What run() returns when an operation failed; bench_fail() says why. */
#define BENCH_FAILED UINT64_MAX

/** Longest path bench_path() makes, with its NUL. */
#define BENCH_PATH_MAX 256

/**
 * struct bench_row - one measured operation.
 * @name:    key in the output and the JSON: letters, digits and '_'.
 * @title:   what the table shows, e.g. "getpid round trip".
 * @op:      what one operation is, e.g. "call", "256 pages", "64 KiB".
 * @setup:   optional; runs once before the row is timed (makes a file...).
 *           Returns 0, or -1 after bench_fail().
 * @run:     does the operation @n times; returns the nanoseconds that took
 *           (bench_now_ns() around the part that is the operation, setup
 *           such as forking a helper left outside), or BENCH_FAILED.
 * @cleanup: optional; runs once after the row, even after a failure.
 */
struct bench_row {
	const char *name;
	const char *title;
	const char *op;
	int (*setup)(void);
	uint64_t (*run)(long n);
	void (*cleanup)(void);
};

/**
 * struct bench_rows - one registered array of rows (made by BENCH_ROWS()).
 * @file:  the source file that registered it (__FILE__), which orders the
 *         arrays and names the row's layer.
 * @rows:  the array.
 * @count: its number of rows.
 */
struct bench_rows {
	const char *file;
	const struct bench_row *rows;
	size_t count;
};

/** Register the array @array of struct bench_row (once per file). */
#define BENCH_ROWS(array)                                                           \
	static const struct bench_rows bench_rows_##array                           \
		__attribute__((used, section("bench_rows"), aligned(sizeof(void *)))) = { \
			__FILE__, array, sizeof(array) / sizeof((array)[0])              \
		}

/** Nanoseconds of CLOCK_MONOTONIC. */
uint64_t bench_now_ns(void);

/**
 * bench_fail() - say why the current row failed (printf format).
 * Return: BENCH_FAILED, so `return bench_fail("fork: %s", strerror(errno));`
 */
uint64_t bench_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * bench_path() - the path of @name in the benchmark's scratch directory
 * (--dir; a fresh directory under /tmp by default), which is emptied at exit.
 * @out: BENCH_PATH_MAX bytes.
 */
void bench_path(char *out, const char *name);

/** The tiny static program the exec rows run (--true; default: "true" beside strata-bench). */
extern const char *bench_true_program;

/**
 * bench_wait() - wait for child @pid and check it exited with status 0.
 * Return: 0, or -1 after bench_fail().
 */
int bench_wait(pid_t pid);

#endif
