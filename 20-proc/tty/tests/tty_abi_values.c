/*
 * tty_abi_values.c - <tty.h>'s constants and struct layouts, as data for test_tty_abi.c.
 *
 * A file of its own because <tty.h> and the system's <asm/termbits.h>
 * define the same names and cannot meet in one translation unit.
 */
#include <stddef.h>
#include <tty.h>

#define TTY_ABI(name) (unsigned long)(name),
const unsigned long tty_abi_ours[] = {
#include "tty_abi_list.h"
};
#undef TTY_ABI

const size_t tty_abi_ours_layout[] = {
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
