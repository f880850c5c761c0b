/*
 * sigaltstack(2): a SA_ONSTACK handler runs on the alternate stack; inside
 * it sigaltstack reports SS_ONSTACK and refuses a change (EPERM); the
 * handler's uc_stack describes the stack as it was when the signal came
 * (not yet on it); a handler without SA_ONSTACK stays on the normal stack;
 * a stack smaller than MINSIGSTKSZ is ENOMEM, bad flags EINVAL.  A stack
 * overflow caught on the alternate stack is how programs report it.
 */
#include "../contract.h"

static char altstack[64 * 1024];
static volatile int on_alt, inner_flags, change_err, uc_flags_zero, uc_sp_ours;

static int within(const void *p)
{
	return (const char *)p >= altstack && (const char *)p < altstack + sizeof(altstack);
}

static void handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	stack_t now, ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	int local;

	on_alt = within(&local);
	sigaltstack(NULL, &now);
	inner_flags = now.ss_flags;
	change_err = sigaltstack(&ss, NULL) == 0 ? 0 : errno;
	uc_flags_zero = uc->uc_stack.ss_flags == 0;
	uc_sp_ours = uc->uc_stack.ss_sp == altstack && uc->uc_stack.ss_size == sizeof(altstack);
}

static sigjmp_buf back;

static void overflow_caught(int sig, siginfo_t *si, void *uc)
{
	int local;

	on_alt = within(&local);
	siglongjmp(back, 1);
}

/* Recurse until the stack runs out (the bound is never reached with a 1 MiB stack). */
static __attribute__((noinline)) int recurse(int n)
{
	volatile char pad[4096];

	pad[0] = (char)n;
	if (n > 100000)
		return 0;
	return recurse(n + 1) + pad[0];
}

int main(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0 }, old;

	show("sigaltstack(query, none set)", sigaltstack(NULL, &old));
	printf("initially disabled: %s\n", yes(old.ss_flags == SS_DISABLE));
	show("sigaltstack(64 KiB)", sigaltstack(&ss, NULL));
	on_signal(SIGUSR1, handler, SA_ONSTACK, NULL);
	raise(SIGUSR1);
	printf("SA_ONSTACK handler: on the alternate stack %s, reports SS_ONSTACK %s, change %s\n",
	       yes(on_alt), yes(inner_flags == SS_ONSTACK), errno_name(change_err));
	printf("uc_stack: the alternate stack %s, not yet on it %s\n", yes(uc_sp_ours),
	       yes(uc_flags_zero));
	on_signal(SIGUSR2, handler, 0, NULL);
	raise(SIGUSR2);
	printf("handler without SA_ONSTACK on the alternate stack: %s\n", yes(on_alt));

	stack_t small = { .ss_sp = altstack, .ss_size = 1024 };
	stack_t bad = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0x40 };

	show("sigaltstack(1 KiB)", sigaltstack(&small, NULL));
	show("sigaltstack(bad flags)", sigaltstack(&bad, NULL));

	/* Stack overflow: SIGSEGV can only be handled on another stack. */
	struct rlimit lim = { 1 << 20, 1 << 20 };

	setrlimit(RLIMIT_STACK, &lim);
	on_signal(SIGSEGV, overflow_caught, SA_ONSTACK, NULL);
	on_alt = 0;
	if (sigsetjmp(back, 1) == 0)
		recurse(0);
	printf("stack overflow caught on the alternate stack: %s\n", yes(on_alt));

	stack_t off = { .ss_flags = SS_DISABLE };

	show("sigaltstack(SS_DISABLE)", sigaltstack(&off, NULL));
	sigaltstack(NULL, &old);
	printf("now disabled: %s\n", yes(old.ss_flags == SS_DISABLE));
	return 0;
}
