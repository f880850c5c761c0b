/*
 * frame_checks - what this kernel does that is not compared with the host:
 * layer 30's check.sh builds it and runs it as init.
 *
 * - rt_sigreturn refuses a frame that would return to kernel mode (cs of
 *   the kernel), raise the I/O privilege level, or jump to a non-canonical
 *   address: the process is killed with SIGSEGV and the kernel goes on.
 *   (Linux instead forces a user cs and masks the flags; this kernel says
 *   no, and the README lists it as a difference.)
 * - A "core" default action sets the core bit (0x80) in the wait status
 *   when RLIMIT_CORE allows a dump, and not when it is 0.  No core file is
 *   written: there is no file system to write it to until layer 40.
 * - Process 1 gets only the signals it has a handler for (as Linux): run as
 *   init, this program sends itself SIGTERM, SIGUSR2 and SIGKILL and lives.
 * Each case runs in a child; the parent prints one line per case.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static int mode;

static void forge(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;

	switch (mode) {
	case 0:	/* kernel code segment (0x08) in the cs field of REG_CSGSFS */
		g[REG_CSGSFS] = (g[REG_CSGSFS] & ~0xffffLL) | 0x08;
		break;
	case 1:	/* IOPL 3 */
		g[REG_EFL] |= 0x3000;
		break;
	case 2:	/* a non-canonical rip */
		g[REG_RIP] = (greg_t)0x8000000000000000ULL;
		break;
	}
}

static void describe(const char *what, int status)
{
	if (WIFSIGNALED(status))
		printf("frame_checks: %s: killed by signal %d%s\n", what, WTERMSIG(status),
		       (status & 0x80) ? " (core)" : "");
	else
		printf("frame_checks: %s: exited %d\n", what, WEXITSTATUS(status));
}

static int in_child(void (*fn)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return status;
}

static void send_forged(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = forge;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
}

static void segv_with_core(void)
{
	struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };

	setrlimit(RLIMIT_CORE, &r);
	*(volatile int *)0 = 1;
}

static void segv_without_core(void)
{
	struct rlimit r = { 0, 0 };

	setrlimit(RLIMIT_CORE, &r);
	*(volatile int *)0 = 1;
}

int main(void)
{
	static const char *const names[] = { "kernel cs", "IOPL 3", "non-canonical rip" };

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (mode = 0; mode < 3; mode++)
		describe(names[mode], in_child(send_forged));
	describe("SIGSEGV, RLIMIT_CORE unlimited", in_child(segv_with_core));
	describe("SIGSEGV, RLIMIT_CORE 0", in_child(segv_without_core));
	if (getpid() == 1) {
		kill(1, SIGTERM);
		kill(1, SIGUSR2);
		kill(1, SIGKILL);
		printf("frame_checks: process 1 survived SIGTERM, SIGUSR2 and SIGKILL\n");
	}
	printf("frame_checks: done\n");
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return 0;
}
