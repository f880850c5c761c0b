/*
 * mremap(): growing in place when the pages after are free, ENOMEM when
 * they are taken and MREMAP_MAYMOVE is not given, moving with the contents
 * (and the old range unmapped) when it is; new pages are zero; shrinking
 * unmaps the tail (man 2 mremap).
 */
#include "../contract.h"

int main(void)
{
	char *p = map_pages(3), *q, *r;
	int zero = 1;
	size_t i;

	/* [A][hole][C]: A may grow by one page in place, not by two. */
	munmap(p + PAGE, PAGE);
	memset(p, 'a', PAGE);
	memset(p + 2 * PAGE, 'c', PAGE);
	q = mremap(p, PAGE, 2 * PAGE, 0);
	printf("grow in place into the free page: %s\n",
	       q == MAP_FAILED ? errno_name(errno) : yes(q == p));
	printf("old contents kept: %s, new page zero: %s\n",
	       yes(p[0] == 'a' && p[PAGE - 1] == 'a'), yes(p[PAGE] == 0 && p[2 * PAGE - 1] == 0));
	q = mremap(p, 2 * PAGE, 3 * PAGE, 0);
	printf("grow in place over a mapped page: %s\n", q == MAP_FAILED ? errno_name(errno) : "ok");

	p[PAGE + 1] = 'b';
	q = mremap(p, 2 * PAGE, 4 * PAGE, MREMAP_MAYMOVE);
	printf("grow with MREMAP_MAYMOVE: %s\n", q == MAP_FAILED ? errno_name(errno) : "ok");
	if (q == MAP_FAILED)
		return 1;
	printf("moved: %s\n", yes(q != p));
	printf("contents moved along: %s\n", yes(q[0] == 'a' && q[PAGE - 1] == 'a' && q[PAGE + 1] == 'b'));
	for (i = 2 * PAGE; i < 4 * PAGE; i++)
		zero &= q[i] == 0;
	printf("the two new pages are zero: %s\n", yes(zero));
	printf("the old address is unmapped: %s\n", status_text(run_child(touch_read, p)));
	printf("the page after the hole is untouched: %s\n", yes(p[2 * PAGE] == 'c'));

	r = mremap(q, 4 * PAGE, PAGE, 0);
	printf("shrink to one page stays in place: %s\n", r == MAP_FAILED ? errno_name(errno) : yes(r == q));
	printf("kept page intact: %s\n", yes(q[0] == 'a'));
	printf("the cut-off tail is unmapped: %s\n", status_text(run_child(touch_read, q + PAGE)));

	printf("mremap to length 0: %s\n",
	       mremap(q, PAGE, 0, MREMAP_MAYMOVE) == MAP_FAILED ? errno_name(errno) : "ok");
	printf("mremap of an unaligned address: %s\n",
	       mremap(q + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE) == MAP_FAILED ? errno_name(errno) : "ok");
	printf("mremap of an unmapped range: %s\n",
	       mremap(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE) == MAP_FAILED ? errno_name(errno) : "ok");
	printf("mremap with unknown flags: %s\n",
	       mremap(q, PAGE, 2 * PAGE, 0x100) == MAP_FAILED ? errno_name(errno) : "ok");
	return 0;
}
