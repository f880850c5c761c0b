/*
 * Seed regression: a write to a page after mprotect(PROT_READ) raises
 * SIGSEGV with si_code SEGV_ACCERR and si_addr the written address; the
 * handler recovers with siglongjmp, and the page keeps its contents.  It
 * must never loop re-faulting (the runner's timeout fails a hang).  Also
 * the SEGV_MAPERR of a write to address 0 (sigaction(2) "si_code").
 */
#include "../contract.h"


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
	on_signal(SIGSEGV, fault_recover, 0, NULL);
	show("mprotect(PROT_READ)", mprotect(p, PAGE, PROT_READ));
	if (sigsetjmp(fault_jump, 1) == 0) {
		p[100] = 'b';
		printf("the write went through\n");
	}
	printf("fault_count %d, %s, si_addr is the byte written %s\n", fault_count, segv_code(fault_info.si_code),
	       yes(fault_info.si_addr == p + 100));
	printf("page intact: %c, byte 100 unchanged %s\n", p[10], yes(p[100] == 0));
	/* The handler left with siglongjmp: SIGSEGV is unblocked again and works twice. */
	if (sigsetjmp(fault_jump, 1) == 0)
		p[200] = 'c';
	printf("second write faulted too: %s (fault_count %d)\n", yes(fault_count == 2), fault_count);
	show("mprotect(PROT_READ|PROT_WRITE)", mprotect(p, PAGE, PROT_READ | PROT_WRITE));
	p[100] = 'b';
	printf("after making it writable: %c\n", p[100]);

	if (sigsetjmp(fault_jump, 1) == 0)
		*(volatile int *)0 = 1;
	printf("write to NULL: %s, si_addr NULL %s\n", segv_code(fault_info.si_code),
	       yes(fault_info.si_addr == NULL));
	return 0;
}
