/*
 * brk(): brk(0) returns the current break; a larger value grows the heap
 * (zero-filled memory) unless the new heap would reach a mapping, in which
 * case Linux's brk returns the old break unchanged; a smaller value shrinks
 * it and the pages above are gone (man 2 brk).  Called raw: musl's brk()
 * wrapper always fails, and the libc contract is the kernel's.
 */
#include "../contract.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static unsigned long sys_brk(unsigned long addr)
{
	return (unsigned long)syscall(SYS_brk, addr);
}

int main(void)
{
	unsigned long start = sys_brk(0), top, page_end, r;
	char *fence;

	page_end = (start + PAGE - 1) & ~(PAGE - 1);
	/* A mapping two pages above the break's page. */
	fence = mmap((void *)(page_end + 2 * PAGE), PAGE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	printf("mapping placed two pages above the break: %s\n",
	       yes(fence == (char *)(page_end + 2 * PAGE)));
	if (fence == MAP_FAILED)
		return 1;
	fence[0] = 'F';

	r = sys_brk(start + PAGE);
	printf("brk grows by one page: %s\n", yes(r == start + PAGE));
	printf("new heap memory is zero: %s\n", yes(((char *)start)[PAGE - 1] == 0));
	memset((char *)start, 'h', PAGE);
	top = r;

	r = sys_brk(page_end + 4 * PAGE);
	printf("brk over the mapping refused (old break returned): %s\n", yes(r == top));
	printf("mapping intact: %s\n", yes(fence[0] == 'F'));
	printf("heap intact: %s\n", yes(((char *)start)[0] == 'h' && ((char *)start)[PAGE - 1] == 'h'));

	r = sys_brk(start);
	printf("brk shrinks back: %s\n", yes(r == start));
	/* Growing by a page mapped exactly the page at page_end (the page
	 * holding the old break, if it was not aligned, was there before). */
	printf("the page freed by shrinking is gone: %s\n",
	       status_text(run_child(touch_read, (char *)page_end)));
	r = sys_brk(start + PAGE);
	printf("grow again: %s, and the memory is zero again: %s\n", yes(r == start + PAGE),
	       yes(((char *)page_end)[0] == 0));
	r = sys_brk(1);
	printf("brk below the heap's start refused: %s\n", yes(r == start + PAGE));
	return 0;
}
