/*
 * hello - the smallest useful user program, for a kernel's first steps in
 * user mode (boot with init=/bin/hello): one write(2) to the console, and
 * as process 1 a clean power-off instead of returning, since Linux-like
 * kernels panic when init exits.  Uses only write, getpid and reboot.
 */
#include <sys/reboot.h>
#include <unistd.h>

int main(void)
{
	static const char msg[] = "hello: user mode works\n";

	write(1, msg, sizeof(msg) - 1);
	if (getpid() == 1) {
		static const char bye[] = "hello: I am init, powering off\n";

		write(1, bye, sizeof(bye) - 1);
		reboot(RB_POWER_OFF);
	}
	return 0;
}
