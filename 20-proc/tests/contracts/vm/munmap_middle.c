/*
 * munmap() of the middle of a mapping leaves the two outer parts mapped
 * with their contents, and the middle gone: touching it kills with
 * SIGSEGV; a later mmap may reuse the hole (man 2 munmap).
 */
#include "../contract.h"

int main(void)
{
	char *p = map_pages(5);

	memset(p, 'L', 2 * PAGE);
	memset(p + 2 * PAGE, 'M', PAGE);
	memset(p + 3 * PAGE, 'R', 2 * PAGE);
	show("munmap the middle page", munmap(p + 2 * PAGE, PAGE));
	printf("left part intact: %s\n", yes(p[0] == 'L' && p[2 * PAGE - 1] == 'L'));
	printf("right part intact: %s\n", yes(p[3 * PAGE] == 'R' && p[5 * PAGE - 1] == 'R'));
	printf("touching the middle: %s\n", status_text(run_child(touch_read, p + 2 * PAGE)));
	printf("touching the last byte before it: %s\n",
	       status_text(run_child(touch_write, p + 2 * PAGE - 1)));
	printf("touching the first byte after it: %s\n",
	       status_text(run_child(touch_write, p + 3 * PAGE)));

	char *again = mmap(p + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	printf("MAP_FIXED into the hole: %s, zero-filled: %s\n",
	       yes(again == p + 2 * PAGE), yes(again != MAP_FAILED && again[0] == 0));

	/* One munmap over several mappings and holes. */
	munmap(p + PAGE, PAGE);
	show("munmap across mappings and a hole", munmap(p, 5 * PAGE));
	printf("first page gone: %s\n", status_text(run_child(touch_read, p)));
	printf("last page gone: %s\n", status_text(run_child(touch_read, p + 4 * PAGE)));
	show("munmap at an unaligned address", munmap(p + 1, PAGE));
	show("munmap of length 0", munmap(p, 0));
	return 0;
}
