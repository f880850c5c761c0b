/*
 * test_tty_abi.c - <tty.h> agrees with Linux's own headers on every value and layout.
 *
 * The system's <asm/termbits.h> and <asm/ioctls.h> come from the same
 * linux-libc-dev package that gives the syscall numbers, so a typo in a
 * flag bit or an ioctl number fails here instead of confusing a program.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <stddef.h>
#include <sys/ioctl.h>

#define TTY_ABI(name) #name,
static const char *const names[] = {
#include "tty_abi_list.h"
};
#undef TTY_ABI

#define TTY_ABI(name) (unsigned long)(name),
static const unsigned long linux_values[] = {
#include "tty_abi_list.h"
};
#undef TTY_ABI

extern const unsigned long tty_abi_ours[];
extern const size_t tty_abi_ours_layout[];

HOST_TEST(every_constant_has_linux_value)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (tty_abi_ours[i] != linux_values[i])
			HT_FAIL("%s is %#lx, Linux has %#lx", names[i], tty_abi_ours[i], linux_values[i]);
}

HOST_TEST(termios_and_winsize_have_linux_layout)
{
	const size_t linux_layout[] = {
		sizeof(struct termios),
		offsetof(struct termios, c_iflag),
		offsetof(struct termios, c_oflag),
		offsetof(struct termios, c_cflag),
		offsetof(struct termios, c_lflag),
		offsetof(struct termios, c_line),
		offsetof(struct termios, c_cc),
		sizeof(struct winsize),
		offsetof(struct winsize, ws_col),
		offsetof(struct winsize, ws_ypixel),
	};

	for (size_t i = 0; i < sizeof(linux_layout) / sizeof(linux_layout[0]); i++)
		HT_EQ_INT(tty_abi_ours_layout[i], linux_layout[i]);
}
