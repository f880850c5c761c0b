/*
 * contract.h - helpers shared by the contract tests.
 *
 * A contract test is one static musl program run twice: on the host's Linux
 * and in the guest.  tools/contracts.sh compares the two runs' standard output
 * line by line, and their exit status.  So a test prints only what must be
 * equal on both: results, errno names and relations ("differs: yes"), never a
 * pid, an address, a time or a path that depends on where it runs.
 *
 * Files go under $CONTRACT_TMP (a fresh, empty directory on both sides;
 * /tmp if unset).  A test that cannot even set up prints "setup failed: ..."
 * and exits 1, which the comparison reports like any other difference.
 */
#ifndef CONTRACT_H
#define CONTRACT_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Addresses no user pointer may hold: the kernel's half, and page 0. */
#define KERNEL_ADDR	((void *)0xffffffff80000000UL)
#define PAGE		4096UL

/*
 * Line buffering whether stdout is a terminal (the guest's console) or a file
 * (the host run): one write per line, and nothing left in the buffer to be
 * printed twice when a test forks.
 */
__attribute__((constructor)) static void contract_setup_stdout(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
}

static inline const char *errno_name(int e)
{
	static char other[24];

	switch (e) {
	case 0: return "0";
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case EINTR: return "EINTR";
	case EIO: return "EIO";
	case ENXIO: return "ENXIO";
	case E2BIG: return "E2BIG";
	case ENOEXEC: return "ENOEXEC";
	case EBADF: return "EBADF";
	case ECHILD: return "ECHILD";
	case EAGAIN: return "EAGAIN";
	case ENOMEM: return "ENOMEM";
	case EACCES: return "EACCES";
	case EFAULT: return "EFAULT";
	case EBUSY: return "EBUSY";
	case EEXIST: return "EEXIST";
	case EXDEV: return "EXDEV";
	case ENODEV: return "ENODEV";
	case ENOTDIR: return "ENOTDIR";
	case EISDIR: return "EISDIR";
	case EINVAL: return "EINVAL";
	case ENFILE: return "ENFILE";
	case EMFILE: return "EMFILE";
	case ENOTTY: return "ENOTTY";
	case ETXTBSY: return "ETXTBSY";
	case EFBIG: return "EFBIG";
	case ENOSPC: return "ENOSPC";
	case ESPIPE: return "ESPIPE";
	case EROFS: return "EROFS";
	case EMLINK: return "EMLINK";
	case EPIPE: return "EPIPE";
	case EDOM: return "EDOM";
	case ERANGE: return "ERANGE";
	case EDEADLK: return "EDEADLK";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case ENOSYS: return "ENOSYS";
	case ENOTEMPTY: return "ENOTEMPTY";
	case ELOOP: return "ELOOP";
	case EOVERFLOW: return "EOVERFLOW";
	case ETIMEDOUT: return "ETIMEDOUT";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	default:
		snprintf(other, sizeof(other), "errno %d", e);
		return other;
	}
}

static inline const char *signal_name(int sig)
{
	static char other[24];

	switch (sig) {
	case SIGHUP: return "SIGHUP";
	case SIGINT: return "SIGINT";
	case SIGQUIT: return "SIGQUIT";
	case SIGILL: return "SIGILL";
	case SIGTRAP: return "SIGTRAP";
	case SIGABRT: return "SIGABRT";
	case SIGBUS: return "SIGBUS";
	case SIGFPE: return "SIGFPE";
	case SIGKILL: return "SIGKILL";
	case SIGSEGV: return "SIGSEGV";
	case SIGPIPE: return "SIGPIPE";
	case SIGALRM: return "SIGALRM";
	case SIGTERM: return "SIGTERM";
	case SIGSYS: return "SIGSYS";
	case SIGUSR1: return "SIGUSR1";
	case SIGUSR2: return "SIGUSR2";
	case SIGCHLD: return "SIGCHLD";
	case SIGCONT: return "SIGCONT";
	case SIGSTOP: return "SIGSTOP";
	case SIGTSTP: return "SIGTSTP";
	case SIGTTIN: return "SIGTTIN";
	case SIGTTOU: return "SIGTTOU";
	case SIGURG: return "SIGURG";
	case SIGWINCH: return "SIGWINCH";
	default:
		snprintf(other, sizeof(other), "signal %d", sig);
		return other;
	}
}

static inline const char *yes(int cond)
{
	return cond ? "yes" : "no";
}

/* "exited N" or "killed by SIGX": a wait status without the core-dump bit,
 * which depends on the host's core settings. */
static inline const char *status_text(int status)
{
	static char buf[48];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by %s",
			 signal_name(WTERMSIG(status)));
	else
		snprintf(buf, sizeof(buf), "other status 0x%x", status);
	return buf;
}

/* Print "LABEL: RET", or "LABEL: -1 ENAME" when RET is -1 (errno set). */
static inline void show(const char *label, long ret)
{
	if (ret == -1)
		printf("%s: -1 %s\n", label, errno_name(errno));
	else
		printf("%s: %ld\n", label, ret);
}

/* Like show(), for a result whose value varies (a pid, an fd, an address):
 * "LABEL: ok" or "LABEL: -1 ENAME". */
static inline void show_ok(const char *label, long ret)
{
	if (ret == -1)
		printf("%s: -1 %s\n", label, errno_name(errno));
	else
		printf("%s: ok\n", label);
}

static inline void setup_failed(const char *what)
{
	printf("setup failed: %s: %s\n", what, errno_name(errno));
	exit(1);
}

/* $CONTRACT_TMP/NAME, in memory of its own (never freed: tests are short). */
static inline const char *tmp_path(const char *name)
{
	const char *dir = getenv("CONTRACT_TMP");
	size_t len;
	char *buf;

	if (!dir || !*dir)
		dir = "/tmp";
	len = strlen(dir) + strlen(name) + 2;
	buf = malloc(len);
	if (!buf)
		setup_failed("malloc");
	snprintf(buf, len, "%s/%s", dir, name);
	return buf;
}

/* Create NAME under $CONTRACT_TMP holding TEXT; return its path. */
static inline const char *make_file(const char *name, const char *text)
{
	const char *path = tmp_path(name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		setup_failed(path);
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		setup_failed("write");
	close(fd);
	return path;
}

/* Run FN(ARG) in a child (which exits 0 if FN returns) and return the wait
 * status.  A child expected to die of a fault gets no core file. */
static inline int run_child(void (*fn)(void *), void *arg)
{
	struct rlimit no_core = { 0, 0 };
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		setup_failed("fork");
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &no_core);
		fn(arg);
		fflush(stdout);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		setup_failed("waitpid");
	return status;
}

/* Child body: read one byte at ARG (to see whether it is mapped). */
static inline void touch_read(void *arg)
{
	volatile char c = *(volatile char *)arg;

	(void)c;
}

/* Child body: write one byte at ARG. */
static inline void touch_write(void *arg)
{
	*(volatile char *)arg = 1;
}

/* musl has no <linux/futex.h>: the two operations the tests use. */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128

static inline long futex(volatile int *uaddr, int op, int val,
			 const struct timespec *timeout)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, NULL, 0);
}

/* Map N anonymous read-write pages, or give up. */
static inline char *map_pages(size_t n)
{
	void *p = mmap(NULL, n * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		setup_failed("mmap");
	return p;
}

/*
 * The end of two mapped pages whose next page is unmapped: a buffer that
 * starts just below it runs off the end of the mapping.
 */
static inline char *mapping_end(void)
{
	char *p = map_pages(3);

	munmap(p + 2 * PAGE, PAGE);
	return p + 2 * PAGE;
}

/* An address that was mapped and no longer is. */
static inline char *unmapped_page(void)
{
	char *p = map_pages(1);

	munmap(p, PAGE);
	return p;
}

/* Not canonical on x86-64: the processor faults with #GP, not #PF. */
#define NONCANONICAL_ADDR	((void *)0x8000000000000000UL)

#endif
