/*
 * Anonymous private mappings are zero-filled, readable and writable, page
 * granular (a 1-byte request gets a whole page), distinct from each other,
 * and may be large and lazily populated (man 2 mmap).
 */
#include "../contract.h"

int main(void)
{
	char *a, *b, *big;
	size_t i;
	int zero = 1;

	a = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap 3 pages: %s\n", a == MAP_FAILED ? errno_name(errno) : "ok");
	if (a == MAP_FAILED)
		return 1;
	printf("page aligned: %s\n", yes(((uintptr_t)a & (PAGE - 1)) == 0));
	for (i = 0; i < 3 * PAGE; i++)
		zero &= a[i] == 0;
	printf("zero-filled: %s\n", yes(zero));
	memset(a, 0x5a, 3 * PAGE);
	printf("written and read back: %s\n", yes(a[0] == 0x5a && a[3 * PAGE - 1] == 0x5a));

	b = mmap(NULL, 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (b == MAP_FAILED)
		setup_failed("mmap 1 byte");
	b[PAGE - 1] = 1;	/* the whole page is there */
	printf("a 1-byte mapping gives a whole page: yes\n");
	printf("new mapping does not overlap the first: %s\n",
	       yes(b + PAGE <= a || b >= a + 3 * PAGE));
	show("munmap 1 byte (rounded to the page)", munmap(b, 1));
	printf("after munmap, touching it: %s\n", status_text(run_child(touch_read, b)));

	/* 64 MiB: only the pages touched need memory. */
	big = mmap(NULL, 64 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap 64 MiB: %s\n", big == MAP_FAILED ? errno_name(errno) : "ok");
	if (big != MAP_FAILED) {
		long sum = 0;

		for (i = 0; i < (64 << 20); i += 1 << 20) {
			big[i] = 1;
			sum += big[i] + big[i + PAGE];
		}
		printf("touched every MiB, sum %ld\n", sum);
		show("munmap 64 MiB", munmap(big, 64 << 20));
	}
	show("munmap the first mapping", munmap(a, 3 * PAGE));
	show("munmap an unmapped range", munmap(a, 3 * PAGE));
	return 0;
}
