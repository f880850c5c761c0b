/*
 * mprotect() changes what a page allows without touching its contents:
 * RW -> R (a write now kills with SIGSEGV, data intact) -> RW again;
 * PROT_NONE forbids reads; protecting one page of a mapping splits it
 * (man 2 mprotect).
 */
#include "../contract.h"

int main(void)
{
	char *p = map_pages(3);
	size_t i;
	int intact = 1;

	for (i = 0; i < 3 * PAGE; i++)
		p[i] = (char)(i * 13);
	show("mprotect RW -> R", mprotect(p, 3 * PAGE, PROT_READ));
	printf("read after R: %s\n", yes(p[PAGE + 5] == (char)((PAGE + 5) * 13)));
	printf("write after R: %s\n", status_text(run_child(touch_write, p + PAGE)));
	show("mprotect R -> RW", mprotect(p, 3 * PAGE, PROT_READ | PROT_WRITE));
	for (i = 0; i < 3 * PAGE; i++)
		intact &= p[i] == (char)(i * 13);
	printf("data intact through RW -> R -> RW: %s\n", yes(intact));
	p[2 * PAGE] = 'w';
	printf("write after RW again: %s\n", yes(p[2 * PAGE] == 'w'));

	show("mprotect the middle page PROT_NONE", mprotect(p + PAGE, PAGE, PROT_NONE));
	printf("read of the PROT_NONE page: %s\n", status_text(run_child(touch_read, p + PAGE)));
	printf("write to the page before it: %s\n", status_text(run_child(touch_write, p)));
	printf("write to the page after it: %s\n", status_text(run_child(touch_write, p + 2 * PAGE)));
	show("mprotect it back to RW", mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE));
	printf("its data survived PROT_NONE: %s\n", yes(p[PAGE + 7] == (char)((PAGE + 7) * 13)));

	/* Raw: musl's mprotect() rounds the address down to a page itself. */
	show("mprotect at an unaligned address", syscall(SYS_mprotect, p + 1, PAGE, PROT_READ));
	show("mprotect with unknown bits", syscall(SYS_mprotect, p, PAGE, 0x100));
	munmap(p + PAGE, PAGE);
	show("mprotect over a hole", syscall(SYS_mprotect, p, 3 * PAGE, PROT_READ));
	return 0;
}
