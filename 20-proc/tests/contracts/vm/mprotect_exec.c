/*
 * Code runs only from executable pages: machine code copied into a RW page
 * faults when called (SIGSEGV, the NX bit), and runs after mprotect to
 * R|X (man 2 mprotect).
 */
#include "../contract.h"

/* mov $42, %eax; ret */
static const unsigned char code[] = { 0xb8, 0x2a, 0x00, 0x00, 0x00, 0xc3 };

static void call_page(void *page)
{
	int (*fn)(void) = (int (*)(void))page;

	_exit(fn());
}

int main(void)
{
	char *p = map_pages(1);

	memcpy(p, code, sizeof(code));
	printf("calling code in a RW page: %s\n", status_text(run_child(call_page, p)));
	show("mprotect R|X", mprotect(p, PAGE, PROT_READ | PROT_EXEC));
	printf("calling it now: %s\n", status_text(run_child(call_page, p)));
	printf("writing to the R|X page: %s\n", status_text(run_child(touch_write, p)));
	printf("calling it in this process returns %d\n", ((int (*)(void))p)());

	/* mmap with PROT_EXEC directly, then write through a second RW view is
	 * not needed: PROT_READ|PROT_WRITE|PROT_EXEC is allowed on Linux. */
	char *rwx = mmap(NULL, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap RWX: %s\n", rwx == MAP_FAILED ? errno_name(errno) : "ok");
	if (rwx != MAP_FAILED) {
		memcpy(rwx, code, sizeof(code));
		printf("RWX code returns %d\n", ((int (*)(void))rwx)());
	}
	return 0;
}
