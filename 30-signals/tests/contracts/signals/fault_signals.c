/*
 * Each kind of fault becomes its signal with Linux's si_code, delivered to
 * a handler that recovers: integer division by zero is SIGFPE FPE_INTDIV,
 * ud2 SIGILL ILL_ILLOPN, int3 SIGTRAP, a touch past the end of a mapped
 * file SIGBUS BUS_ADRERR, a jump to a kernel address SIGSEGV.  Without a
 * handler the process ends with the signal; a blocked or ignored fault
 * signal still ends it (it cannot be held back), and the wait status has
 * no core bit with RLIMIT_CORE 0.
 */
#include "../contract.h"

static volatile int zero;

static void divide(void *arg)
{
	volatile int x = 7 / zero;

	(void)x;
}

static void ud2(void *arg)
{
	__asm__ volatile("ud2");
}

static void int3(void *arg)
{
	__asm__ volatile("int3");
}

static void to_kernel(void *arg)
{
	((void (*)(void))KERNEL_ADDR)();
}

static char *beyond;

static void past_eof(void *arg)
{
	volatile char c = beyond[0];

	(void)c;
}

static void try(const char *what, void (*fn)(void *))
{
	memset(&fault_info, 0, sizeof(fault_info));
	if (sigsetjmp(fault_jump, 1) == 0) {
		fn(NULL);
		printf("%s: no signal\n", what);
		return;
	}
	printf("%s: %s code %d\n", what, signal_name(fault_info.si_signo), fault_info.si_code);
}

static void blocked_fault(void *arg)
{
	block(SIGFPE, SIG_BLOCK);
	divide(NULL);
}

static void ignored_fault(void *arg)
{
	set_disposition(SIGSEGV, SIG_IGN);
	*(volatile int *)0 = 1;
}

int main(void)
{
	int sigs[] = { SIGFPE, SIGILL, SIGTRAP, SIGBUS, SIGSEGV };
	const char *f = make_file("short", "one page only");
	int fd = open(f, O_RDONLY);

	beyond = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	if (fd < 0 || beyond == MAP_FAILED)
		setup_failed("mmap of a file");
	beyond += PAGE;
	for (int i = 0; i < 5; i++)
		on_signal(sigs[i], fault_recover, SA_NODEFER, NULL);
	try("7 / 0", divide);
	printf("  FPE_INTDIV %s\n", yes(fault_info.si_code == FPE_INTDIV));
	try("ud2", ud2);
	printf("  ILL_ILLOPN %s\n", yes(fault_info.si_code == ILL_ILLOPN));
	try("int3", int3);
	try("read past the end of a mapped file", past_eof);
	printf("  BUS_ADRERR %s, si_addr the byte %s\n", yes(fault_info.si_code == BUS_ADRERR),
	       yes(fault_info.si_addr == beyond));
	try("call into the kernel's half", to_kernel);

	for (int i = 0; i < 5; i++)
		set_disposition(sigs[i], SIG_DFL);
	printf("no handler, 7 / 0: %s\n", status_text(run_child(divide, NULL)));
	printf("no handler, int3: %s\n", status_text(run_child(int3, NULL)));
	printf("no handler, past EOF: %s\n", status_text(run_child(past_eof, NULL)));
	int status = run_child(blocked_fault, NULL);

	printf("SIGFPE blocked, 7 / 0: %s, core bit %s\n", status_text(status), yes(WCOREDUMP(status)));
	printf("SIGSEGV ignored, write to NULL: %s\n", status_text(run_child(ignored_fault, NULL)));
	return 0;
}
