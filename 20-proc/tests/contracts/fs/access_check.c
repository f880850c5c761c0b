/*
 * access() (man 2 access): F_OK tells whether a name exists; for root,
 * R_OK and W_OK always succeed but X_OK needs some x bit (or a
 * directory).  The test runs as root on the host and in the guest; it says
 * so, so a non-root host run shows up as a difference.
 */
#include "../contract.h"

int main(void)
{
	const char *file = make_file("file", "x");

	printf("running as root: %s\n", yes(geteuid() == 0));
	show("F_OK on a file", access(file, F_OK));
	show("F_OK on a missing name", access(tmp_path("none"), F_OK));
	chmod(file, 0000);
	show("R_OK|W_OK on mode 0000 (root)", access(file, R_OK | W_OK));
	show("X_OK on mode 0000", access(file, X_OK));
	chmod(file, 0100);
	show("X_OK on mode 0100", access(file, X_OK));
	show("X_OK on a directory", access(tmp_path(""), X_OK));
	show("a bad mode", access(file, 0x10));
	show("faccessat AT_FDCWD", faccessat(AT_FDCWD, file, F_OK, 0));
	return 0;
}
