/*
 * Handlers nest to any depth and each returns to exactly the context it
 * interrupted: SIGCHLD's handler is interrupted by SIGUSR1, whose handler is
 * interrupted by SIGALRM.  At each level the interrupted code holds known
 * values in every callee-saved register (rbx, rbp, r12-r15) and in xmm0
 * and xmm7 around the syscall that raises the next signal, and checks them
 * after the handler has returned (signal(7), sigreturn(2)).
 */
#include "../contract.h"

/*
 * Load a pattern based on SEED into rbx, rbp, r12-r15, xmm0 and xmm7, send
 * SIG to this thread with tgkill (the handler runs on the way back from
 * that syscall), and return how many of the eight registers still hold
 * their pattern afterwards.
 */
static int raise_and_check(long seed, int sig)
{
	long tid = syscall(SYS_gettid), pid = getpid();
	register long r8 __asm__("r8") = seed;	/* the syscall keeps r8 */
	long good;

	__asm__ volatile(
		"push %%rbp\n\t"
		"mov %%r8, %%rbx\n\t"
		"lea 1(%%rbx), %%rbp\n\t"
		"lea 2(%%rbx), %%r12\n\t"
		"lea 3(%%rbx), %%r13\n\t"
		"lea 4(%%rbx), %%r14\n\t"
		"lea 5(%%rbx), %%r15\n\t"
		"lea 6(%%rbx), %%rax\n\t"
		"movq %%rax, %%xmm0\n\t"
		"lea 7(%%rbx), %%rax\n\t"
		"movq %%rax, %%xmm7\n\t"
		"mov $234, %%eax\n\t"		/* tgkill(pid, tid, sig) */
		"syscall\n\t"
		"xor %%eax, %%eax\n\t"
		"mov %%r8, %%rcx\n\t"
		"cmp %%rcx, %%rbx\n\t"   "jne 1f\n\t" "inc %%eax\n"
		"1: inc %%rcx\n\t" "cmp %%rcx, %%rbp\n\t" "jne 2f\n\t" "inc %%eax\n"
		"2: inc %%rcx\n\t" "cmp %%rcx, %%r12\n\t" "jne 3f\n\t" "inc %%eax\n"
		"3: inc %%rcx\n\t" "cmp %%rcx, %%r13\n\t" "jne 4f\n\t" "inc %%eax\n"
		"4: inc %%rcx\n\t" "cmp %%rcx, %%r14\n\t" "jne 5f\n\t" "inc %%eax\n"
		"5: inc %%rcx\n\t" "cmp %%rcx, %%r15\n\t" "jne 6f\n\t" "inc %%eax\n"
		"6: inc %%rcx\n\t" "movq %%xmm0, %%r9\n\t" "cmp %%rcx, %%r9\n\t" "jne 7f\n\t" "inc %%eax\n"
		"7: inc %%rcx\n\t" "movq %%xmm7, %%r9\n\t" "cmp %%rcx, %%r9\n\t" "jne 8f\n\t" "inc %%eax\n"
		"8: pop %%rbp"
		: "=a"(good)
		: "r"(r8), "D"(pid), "S"(tid), "d"((long)sig)
		: "rbx", "rcx", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
		  "xmm0", "xmm7", "memory", "cc");
	return (int)good;
}

static char log_lines[8][96];
static int nlog;

static void note(const char *what, int good)
{
	if (nlog < 8)
		snprintf(log_lines[nlog++], sizeof(log_lines[0]), "%s: %d of 8 registers kept", what, good);
}

static volatile int alrm_ran, usr1_ran, chld_ran;

static void on_alrm(int sig, siginfo_t *si, void *uc)
{
	alrm_ran = 1;
	/* Clobber in the innermost handler too: its caller must not see it. */
	__asm__ volatile("mov $-1, %%rbx\n\tmov $-1, %%r12\n\tpcmpeqd %%xmm0, %%xmm0\n\tpcmpeqd %%xmm7, %%xmm7"
			 ::: "rbx", "r12", "xmm0", "xmm7");
}

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	usr1_ran = 1;
	note("SIGUSR1 handler after SIGALRM returned", raise_and_check(0x3000, SIGALRM));
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	chld_ran = 1;
	note("SIGCHLD handler after SIGUSR1 returned", raise_and_check(0x2000, SIGUSR1));
}

int main(void)
{
	on_signal(SIGALRM, on_alrm, 0, NULL);
	on_signal(SIGUSR1, on_usr1, 0, NULL);
	on_signal(SIGCHLD, on_chld, 0, NULL);
	note("main after SIGCHLD returned", raise_and_check(0x1000, SIGCHLD));
	for (int i = nlog - 1; i >= 0; i--)
		printf("%s\n", log_lines[i]);
	printf("ran: SIGCHLD %s, SIGUSR1 %s, SIGALRM %s\n", yes(chld_ran), yes(usr1_ran),
	       yes(alrm_ran));
	return 0;
}
