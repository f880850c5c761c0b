/*
 * What a handler is given: siginfo's si_signo, si_code and sender (kill:
 * SI_USER with our pid and uid; tgkill: SI_TKILL; sigqueue: SI_QUEUE with
 * the value), and a ucontext whose saved rip and rsp are the interrupted
 * ones, which the handler may change to resume elsewhere (sigaction(2),
 * getcontext(3)).
 */
#include "../contract.h"

static siginfo_t last;
static ucontext_t last_uc;
static volatile int ran;

static void keep(int sig, siginfo_t *si, void *uc)
{
	last = *si;
	last_uc = *(ucontext_t *)uc;
	ran++;
}

/* Skip the 2-byte ud2 that faulted. */
static void skip_ud2(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	last = *si;
	last_uc = *uc;
	uc->uc_mcontext.gregs[REG_RIP] += 2;
	ran++;
}

extern char ud2_here[];

int main(void)
{
	union sigval v = { .sival_int = 4242 };
	uint64_t rsp_before;

	on_signal(SIGUSR1, keep, 0, NULL);
	kill(getpid(), SIGUSR1);
	printf("kill: signo %s, code SI_USER %s, pid ours %s, uid ours %s\n",
	       signal_name(last.si_signo), yes(last.si_code == SI_USER),
	       yes(last.si_pid == getpid()), yes(last.si_uid == getuid()));
	syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1);
	printf("tgkill: code SI_TKILL %s, pid ours %s\n", yes(last.si_code == SI_TKILL),
	       yes(last.si_pid == getpid()));
	sigqueue(getpid(), SIGUSR1, v);
	printf("sigqueue: code SI_QUEUE %s, value %d, pid ours %s\n",
	       yes(last.si_code == SI_QUEUE), last.si_value.sival_int,
	       yes(last.si_pid == getpid()));

	/* The saved rsp is the interrupted one; the saved rip is the instruction that faulted. */
	on_signal(SIGILL, skip_ud2, 0, NULL);
	__asm__ volatile("mov %%rsp, %0\n\t"
			 ".globl ud2_here\n"
			 "ud2_here: ud2"
			 : "=r"(rsp_before) : : "memory");
	printf("ud2: handler ran %d, ILL_ILLOPN %s, si_addr is the ud2 %s\n", ran - 3,
	       yes(last.si_code == ILL_ILLOPN), yes(last.si_addr == (void *)ud2_here));
	printf("saved rip is the ud2: %s\n",
	       yes(last_uc.uc_mcontext.gregs[REG_RIP] == (greg_t)ud2_here));
	printf("saved rsp is the interrupted rsp: %s\n",
	       yes(last_uc.uc_mcontext.gregs[REG_RSP] == (greg_t)rsp_before));
	printf("fpregs saved: %s\n", yes(last_uc.uc_mcontext.fpregs != NULL));
	printf("saved mask is the mask before: %s\n",
	       yes(!sigismember(&last_uc.uc_sigmask, SIGILL)));
	return 0;
}
