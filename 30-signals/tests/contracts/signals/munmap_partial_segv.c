/*
 * Seed regression: after munmap of the middle page of three, a touch of
 * that page raises SIGSEGV with SEGV_MAPERR and si_addr inside it, handled
 * and recovered from; the pages on either side still work.  It must not
 * hang (the runner's timeout fails it).
 */
#include "../contract.h"


int main(void)
{
	char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		setup_failed("mmap");
	memset(p, 'x', 3 * PAGE);
	show("munmap(middle page)", munmap(p + PAGE, PAGE));
	on_signal(SIGSEGV, fault_recover, 0, NULL);
	if (sigsetjmp(fault_jump, 1) == 0) {
		volatile char c = p[PAGE + 5];

		(void)c;
		printf("the read went through\n");
	}
	printf("read: fault_count %d, SEGV_MAPERR %s, si_addr is the byte %s\n", fault_count,
	       yes(fault_info.si_code == SEGV_MAPERR), yes(fault_info.si_addr == p + PAGE + 5));
	if (sigsetjmp(fault_jump, 1) == 0)
		p[2 * PAGE - 1] = 'y';
	printf("write: fault_count %d, SEGV_MAPERR %s, si_addr is the byte %s\n", fault_count,
	       yes(fault_info.si_code == SEGV_MAPERR), yes(fault_info.si_addr == p + 2 * PAGE - 1));
	printf("neighbours intact: %c %c\n", p[0], p[2 * PAGE]);
	return 0;
}
