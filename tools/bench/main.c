/*
 * strata-bench - the user-space benchmark that `make bench` runs on the
 * host, on this kernel and on Debian's Linux kernel (tools/bench.sh).
 *
 *   strata-bench [--list] [--quick] [--target-ms MS] [--trials N]
 *                [--only NAME[,NAME...]] [--tmp DIR] [--true PROGRAM]
 *
 *   --list        print the rows (name, layer, operation, title; tab-separated)
 *   --quick       each row's operation once, one trial: proves every row runs
 *                 (make test's smoke run), says nothing about speed
 *   --target-ms   how long one trial takes at least (default 200)
 *   --trials      trials per row; the figure is their median (default 7)
 *   --only        only these rows
 *   --tmp         where the scratch directory is made (default $TMPDIR or /tmp)
 *   --true        the tiny program the exec rows run (default: "true" in
 *                 strata-bench's own directory)
 *
 * The rows come from the layers (bench.h says how to add one).  Output, one
 * line each, meant for tools/bench.sh and readable as it is:
 *
 *   strata-bench: start                        (first, before anything else)
 *   strata-bench: kernel=Linux 6.1.0-56-amd64 target_ms=200 trials=7
 *   row NAME median_ns=F min_ns=F max_ns=F n=N trials=T
 *   row-failed NAME why
 *   strata-bench: done rows=R failed=F seconds=S
 *
 * As process 1 (how both kernels run it in QEMU) it takes its options from
 * the file "args" in its own directory, since neither kernel lets a command
 * line give init the same arguments, and powers the machine off at the end.
 * The exit status is the number of failed rows.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "bench.h"

/*
 * The registered row arrays (BENCH_ROWS), from the linker.  Weak: built for
 * a layer with no rows the section does not exist, both are then NULL and
 * the program has nothing to run (bench.sh says so).
 */
extern const struct bench_rows __start_bench_rows[] __attribute__((weak));
extern const struct bench_rows __stop_bench_rows[] __attribute__((weak));

const char *bench_true_program;
static char scratch_dir[BENCH_PATH_MAX];
static char fail_reason[256];

uint64_t bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t bench_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(fail_reason, sizeof(fail_reason), fmt, ap);
	va_end(ap);
	return BENCH_FAILED;
}

/* @dir/@name in @out (BENCH_PATH_MAX bytes); a path too long ends the program. */
static void join_path(char *out, const char *dir, const char *name)
{
	if (snprintf(out, BENCH_PATH_MAX, "%s/%s", dir, name) >= BENCH_PATH_MAX) {
		printf("strata-bench: path too long: %s/%s\n", dir, name);
		exit(1);
	}
}

void bench_path(char *out, const char *name)
{
	join_path(out, scratch_dir, name);
}

int bench_wait(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			bench_fail("waitpid: %s", strerror(errno));
			return -1;
		}
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		bench_fail("child %d ended with wait status %#x", (int)pid, status);
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- options */

struct options {
	int list, quick, trials;
	long target_ms;
	const char *only, *tmp, *true_program;
};

static void usage(void)
{
	fprintf(stderr, "usage: strata-bench [--list] [--quick] [--target-ms MS] [--trials N]\n"
			"                    [--only NAME[,NAME...]] [--tmp DIR] [--true PROGRAM]\n");
	exit(2);
}

static void parse_options(int argc, char **argv, struct options *o)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *value = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--list")) {
			o->list = 1;
		} else if (!strcmp(a, "--quick")) {
			o->quick = 1;
		} else if (value && !strcmp(a, "--target-ms")) {
			o->target_ms = atol(value), i++;
		} else if (value && !strcmp(a, "--trials")) {
			o->trials = atoi(value), i++;
		} else if (value && !strcmp(a, "--only")) {
			o->only = value, i++;
		} else if (value && !strcmp(a, "--tmp")) {
			o->tmp = value, i++;
		} else if (value && !strcmp(a, "--true")) {
			o->true_program = value, i++;
		} else {
			fprintf(stderr, "strata-bench: unknown or incomplete option '%s'\n", a);
			usage();
		}
	}
	if (o->target_ms < 1 || o->trials < 1)
		usage();
}

/*
 * Process 1's options: the words of the file "args" beside the program.
 * Returns the number of words put in @words (at most @max); the words point
 * into a static buffer.
 */
static int read_args_file(const char *dir, char **words, int max)
{
	static char text[1024];
	char path[BENCH_PATH_MAX];
	FILE *f;
	size_t len;
	int n = 0;

	join_path(path, dir, "args");
	f = fopen(path, "r");
	if (!f)
		return 0;
	len = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[len] = '\0';
	for (char *save, *w = strtok_r(text, " \t\n", &save); w && n < max;
	     w = strtok_r(NULL, " \t\n", &save))
		words[n++] = w;
	return n;
}

/* ---------------------------------------------------------------- rows */

/* Order the registered arrays by source path: layer 20's rows before 30's. */
static int compare_files(const void *a, const void *b)
{
	const struct bench_rows *const *x = a, *const *y = b;

	return strcmp((*x)->file, (*y)->file);
}

/* The NN-name folder in @file's path ("20-proc/bench/rows.c" -> "20-proc"). */
static void layer_of(const char *file, char *out, size_t size)
{
	const char *p = file;

	snprintf(out, size, "?");
	while (*p) {
		const char *end = strchr(p, '/');

		if (!end)
			break;
		if (end - p > 3 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
		    p[2] == '-')
			snprintf(out, size, "%.*s", (int)(end - p), p);
		p = end + 1;
	}
}

static int selected(const char *only, const char *name)
{
	size_t len = strlen(name);

	if (!only)
		return 1;
	for (const char *p = only; *p;) {
		const char *end = strchrnul(p, ',');

		if ((size_t)(end - p) == len && !strncmp(p, name, len))
			return 1;
		p = *end ? end + 1 : end;
	}
	return 0;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Measure one row.  Calibration: run(n) with n growing (at least doubling,
 * at most a hundredfold a step, aiming at 1.2 times the target) until one
 * call takes the target time; those calls also warm the caches (and, under
 * QEMU, its translated code).  Then the trials with that n.  --quick does
 * one call with n = 1 and reports it.
 */
static int measure(const struct bench_row *row, const struct options *o)
{
	const uint64_t target_ns = (uint64_t)o->target_ms * 1000000u;
	double per_op[64];
	int trials = o->quick ? 1 : o->trials;
	long n = 1;
	uint64_t t;

	if (trials > (int)(sizeof(per_op) / sizeof(per_op[0])))
		trials = sizeof(per_op) / sizeof(per_op[0]);
	fail_reason[0] = '\0';
	for (;;) {
		t = row->run(n);
		if (t == BENCH_FAILED)
			return -1;
		if (o->quick || t >= target_ns || n >= (1L << 30))
			break;
		double scale = t ? 1.2 * (double)target_ns / (double)t : 100.0;

		if (scale < 2.0)
			scale = 2.0;
		if (scale > 100.0)
			scale = 100.0;
		n = (long)((double)n * scale);
	}
	for (int i = 0; i < trials; i++) {
		if (!o->quick) {
			t = row->run(n);
			if (t == BENCH_FAILED)
				return -1;
		}
		per_op[i] = (double)t / (double)n;
	}
	qsort(per_op, trials, sizeof(per_op[0]), compare_doubles);
	/* The median; with an even count, the mean of the middle two. */
	double median = trials % 2 ? per_op[trials / 2] :
				     (per_op[trials / 2 - 1] + per_op[trials / 2]) / 2.0;

	printf("row %s median_ns=%.1f min_ns=%.1f max_ns=%.1f n=%ld trials=%d\n", row->name,
	       median, per_op[0], per_op[trials - 1], n, trials);
	fflush(stdout);
	return 0;
}

/* Empty and remove the scratch directory (it holds files only). */
static void remove_scratch(void)
{
	DIR *d = opendir(scratch_dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[BENCH_PATH_MAX];

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		bench_path(path, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(scratch_dir);
}

int main(int argc, char **argv)
{
	struct options o = { .trials = 7, .target_ms = 200 };
	const struct bench_rows *arrays[64];
	size_t n_arrays = 0;
	char *words[64], own_dir[BENCH_PATH_MAX], true_default[BENCH_PATH_MAX];
	int n_words = 0, rows = 0, failed = 0;
	int is_init = getpid() == 1;
	uint64_t start = bench_now_ns();
	struct utsname uts;

	snprintf(own_dir, sizeof(own_dir), "%s", argv[0]);
	char *slash = strrchr(own_dir, '/');

	if (slash)
		*slash = '\0';
	else
		snprintf(own_dir, sizeof(own_dir), ".");
	if (is_init)
		n_words = read_args_file(own_dir, words, 32);
	for (int i = 1; i < argc && n_words < 64; i++)
		words[n_words++] = argv[i];
	parse_options(n_words, words, &o);
	if (!o.list) {
		/* tools/bench.sh times the boot to this line: nothing slow comes before it. */
		printf("strata-bench: start\n");
		fflush(stdout);
	}

	for (const struct bench_rows *r = __start_bench_rows; r < __stop_bench_rows; r++)
		if (n_arrays < sizeof(arrays) / sizeof(arrays[0]))
			arrays[n_arrays++] = r;
	qsort(arrays, n_arrays, sizeof(arrays[0]), compare_files);

	if (o.list) {
		for (size_t a = 0; a < n_arrays; a++) {
			char layer[64];

			layer_of(arrays[a]->file, layer, sizeof(layer));
			for (size_t i = 0; i < arrays[a]->count; i++) {
				const struct bench_row *row = &arrays[a]->rows[i];

				printf("%s\t%s\t%s\t%s\n", row->name, layer, row->op, row->title);
			}
		}
		return 0;
	}

	join_path(true_default, own_dir, "true");
	bench_true_program = o.true_program ? o.true_program : true_default;
	if (!o.tmp)
		o.tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	snprintf(scratch_dir, sizeof(scratch_dir), "%s/strata-bench.XXXXXX", o.tmp);
	if (!mkdtemp(scratch_dir)) {
		printf("strata-bench: cannot make a directory in %s: %s\n", o.tmp, strerror(errno));
		return 1;
	}
	uname(&uts);
	printf("strata-bench: kernel=%s %s target_ms=%ld trials=%d%s\n", uts.sysname, uts.release,
	       o.target_ms, o.trials, o.quick ? " quick" : "");
	fflush(stdout);

	for (size_t a = 0; a < n_arrays; a++) {
		for (size_t i = 0; i < arrays[a]->count; i++) {
			const struct bench_row *row = &arrays[a]->rows[i];
			int err;

			if (!selected(o.only, row->name))
				continue;
			rows++;
			fail_reason[0] = '\0';
			err = row->setup ? row->setup() : 0;
			if (!err)
				err = measure(row, &o);
			if (row->cleanup)
				row->cleanup();
			if (err) {
				failed++;
				printf("row-failed %s %s\n", row->name,
				       fail_reason[0] ? fail_reason : "(no reason given)");
				fflush(stdout);
			}
		}
	}
	remove_scratch();
	printf("strata-bench: done rows=%d failed=%d seconds=%.1f\n", rows, failed,
	       (double)(bench_now_ns() - start) / 1e9);
	fflush(stdout);

	if (is_init) {
		/* Both kernels power the machine off for process 1 (QEMU then exits). */
		sync();
		reboot(RB_POWER_OFF);
		printf("strata-bench: reboot(RB_POWER_OFF): %s\n", strerror(errno));
	}
	return failed;
}
