/*
 * uname() fills every field with a NUL-terminated, non-empty string
 * (man 2 uname); the release starts with a digit, as programs that parse
 * the kernel version expect.  The values themselves differ by kernel.
 */
#include <sys/utsname.h>
#include "../contract.h"

static void field(const char *name, const char *value, size_t size)
{
	size_t len = strnlen(value, size);

	printf("%s: NUL-terminated %s, non-empty %s\n", name, yes(len < size), yes(len > 0));
}

int main(void)
{
	struct utsname u;

	memset(&u, 0xff, sizeof(u));
	show("uname", uname(&u));
	field("sysname", u.sysname, sizeof(u.sysname));
	field("nodename", u.nodename, sizeof(u.nodename));
	field("release", u.release, sizeof(u.release));
	field("version", u.version, sizeof(u.version));
	field("machine", u.machine, sizeof(u.machine));
	printf("release starts with a digit: %s\n", yes(u.release[0] >= '0' && u.release[0] <= '9'));
	return 0;
}
