/*
 * Seed regression: a write to a page after mprotect(PROT_READ) raises
 * SIGSEGV with si_code SEGV_ACCERR and si_addr the written address; the
 * handler recovers with siglongjmp, and the page keeps its contents.  It
 * must never loop re-faulting (the runner's timeout fails a hang).  Also
 * the SEGV_MAPERR of a write to address 0 (sigaction(2) "si_code").
 */
#include "../contract.h"

static sigjmp_buf back;
static siginfo_t last;
static volatile int faults;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	last = *si;
	faults++;
	siglongjmp(back, 1);
}

static const char *segv_code(int code)
{
	return code == SEGV_ACCERR ? "SEGV_ACCERR" : code == SEGV_MAPERR ? "SEGV_MAPERR" : "other";
}

int main(void)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		setup_failed("mmap");
	p[10] = 'a';
	on_signal(SIGSEGV, on_segv, 0, NULL);
	show("mprotect(PROT_READ)", mprotect(p, PAGE, PROT_READ));
	if (sigsetjmp(back, 1) == 0) {
		p[100] = 'b';
		printf("the write went through\n");
	}
	printf("faults %d, %s, si_addr is the byte written %s\n", faults, segv_code(last.si_code),
	       yes(last.si_addr == p + 100));
	printf("page intact: %c, byte 100 unchanged %s\n", p[10], yes(p[100] == 0));
	/* The handler left with siglongjmp: SIGSEGV is unblocked again and works twice. */
	if (sigsetjmp(back, 1) == 0)
		p[200] = 'c';
	printf("second write faulted too: %s (faults %d)\n", yes(faults == 2), faults);
	show("mprotect(PROT_READ|PROT_WRITE)", mprotect(p, PAGE, PROT_READ | PROT_WRITE));
	p[100] = 'b';
	printf("after making it writable: %c\n", p[100]);

	if (sigsetjmp(back, 1) == 0)
		*(volatile int *)0 = 1;
	printf("write to NULL: %s, si_addr NULL %s\n", segv_code(last.si_code),
	       yes(last.si_addr == NULL));
	return 0;
}
