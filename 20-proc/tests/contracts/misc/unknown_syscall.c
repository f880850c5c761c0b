/*
 * A system call number the kernel does not know returns ENOSYS and
 * nothing else happens (man 2 syscall): past the end of the table, in the
 * table's unassigned gap (335-423 on x86-64), and negative.
 */
#include "../contract.h"

int main(void)
{
	show("syscall 1000", syscall(1000, 0, 0, 0));
	show("syscall 400 (unassigned)", syscall(400, 0, 0, 0));
	show("syscall -1", syscall(-1L, 0, 0, 0));
	show("syscall 0x7fffffff", syscall(0x7fffffffL, 0, 0, 0));
	printf("still running: yes\n");
	return 0;
}
