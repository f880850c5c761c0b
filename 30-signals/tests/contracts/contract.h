/*
 * contract.h - layer 30's contract tests use layer 20's helpers
 * (../../../20-proc/tests/contracts/contract.h) plus a few for signals.
 */
#ifndef CONTRACT30_H
#define CONTRACT30_H

#include "../../../20-proc/tests/contracts/contract.h"
#include <setjmp.h>
#include <time.h>
#include <ucontext.h>

/* Install FN as the handler of SIG with FLAGS (SA_SIGINFO is added) and MASK (may be NULL). */
static inline void on_signal(int sig, void (*fn)(int, siginfo_t *, void *), int flags,
			     const sigset_t *mask)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags | SA_SIGINFO;
	if (mask)
		sa.sa_mask = *mask;
	else
		sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL))
		setup_failed("sigaction");
}

/* Set SIG's disposition to SIG_DFL or SIG_IGN. */
static inline void set_disposition(int sig, void (*h)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h;
	if (sigaction(sig, &sa, NULL))
		setup_failed("sigaction");
}

/* The calling thread's mask as a list of the given signals that are in it: "SIGUSR1 SIGINT" or "none". */
static inline const char *mask_text(const int *sigs, int n)
{
	static char buf[128];
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	buf[0] = 0;
	for (int i = 0; i < n; i++) {
		if (sigismember(&cur, sigs[i])) {
			if (buf[0])
				strcat(buf, " ");
			strcat(buf, signal_name(sigs[i]));
		}
	}
	return buf[0] ? buf : "none";
}

/* Sleep MS milliseconds even if handlers interrupt the sleep. */
static inline void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

/* The name of a SIGCHLD si_code. */
static inline const char *cld_name(int code)
{
	switch (code) {
	case CLD_EXITED: return "CLD_EXITED";
	case CLD_KILLED: return "CLD_KILLED";
	case CLD_DUMPED: return "CLD_DUMPED";
	case CLD_STOPPED: return "CLD_STOPPED";
	case CLD_CONTINUED: return "CLD_CONTINUED";
	default: return "other";
	}
}

/*
 * Catching a fault: fault_recover() as the handler keeps the siginfo in
 * fault_info, counts it, and jumps back to the sigsetjmp(fault_jump, 1)
 * before the faulting access.
 */
static sigjmp_buf fault_jump;
static siginfo_t fault_info;
static volatile int fault_count;

static inline void fault_recover(int sig, siginfo_t *si, void *uc)
{
	fault_info = *si;
	fault_count++;
	siglongjmp(fault_jump, 1);
}

/* Block or unblock one signal. */
static inline void block(int sig, int how)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	if (sigprocmask(how, &s, NULL))
		setup_failed("sigprocmask");
}

#endif /* CONTRACT30_H */
