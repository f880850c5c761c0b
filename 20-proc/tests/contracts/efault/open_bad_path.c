/*
 * Path arguments are copied from user memory up to their NUL: NULL, a
 * kernel address, a non-canonical or unmapped address, or a string that
 * runs into an unmapped page before its NUL is EFAULT; a string ending
 * exactly at the end of the mapping is fine (man 2 open, man 2 mkdir,
 * man 2 unlink, man 2 chdir).
 */
#include "../contract.h"

int main(void)
{
	char *end = mapping_end(), *gone = unmapped_page();

	show("open(NULL)", syscall(SYS_open, NULL, O_RDONLY));
	show("open(kernel address)", syscall(SYS_open, KERNEL_ADDR, O_RDONLY));
	show("open(non-canonical)", syscall(SYS_open, NONCANONICAL_ADDR, O_RDONLY));
	show("open(unmapped)", syscall(SYS_open, gone, O_RDONLY));
	memset(end - 10, 'p', 10);
	show("open of a path running off the mapping", syscall(SYS_open, end - 10, O_RDONLY));
	end[-1] = '\0';
	show("open of a path ending at the mapping's last byte", syscall(SYS_open, end - 10, O_RDONLY));
	show("mkdir(NULL)", syscall(SYS_mkdir, NULL, 0755));
	show("unlink(kernel address)", syscall(SYS_unlink, KERNEL_ADDR));
	show("chdir(unmapped)", syscall(SYS_chdir, gone));
	show("rename(valid, NULL)", syscall(SYS_rename, make_file("f", "x"), NULL));
	show("symlink(NULL, valid)", syscall(SYS_symlink, NULL, tmp_path("l")));
	show("readlink(valid, kernel buffer)", syscall(SYS_readlink, tmp_path("f"), KERNEL_ADDR, 10));
	symlink("target", tmp_path("l2"));
	show("readlink(link, kernel buffer)", syscall(SYS_readlink, tmp_path("l2"), KERNEL_ADDR, 10));
	show("openat(AT_FDCWD, NULL)", syscall(SYS_openat, AT_FDCWD, NULL, O_RDONLY));
	return 0;
}
