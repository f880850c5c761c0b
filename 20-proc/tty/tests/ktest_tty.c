/*
 * ktest_tty.c - the console TTY as the booted kernel has it: registered
 * device numbers, the receive interrupt switched on, and the file
 * operations refusing kernel addresses and unknown requests.
 *
 * Reading or writing real data would need user memory, which a test
 * running in the kernel does not have; that is for the user programs.
 * Every check here goes through the real file operations and the real
 * uaccess helpers: a kernel address must come back -EFAULT, not be used.
 * (The __force casts say that passing kernel addresses is the point.)
 */
#include <arch/io.h>
#include <errno.h>
#include <file.h>
#include <ktest.h>
#include <serial.h>
#include <string.h>
#include <tty.h>

#include "../tty_internal.h"

#define UART_IER 1

/* An open of device @rdev, without a filesystem: the chrdev's ops and open(). */
static int open_device(dev_t rdev, unsigned int flags, struct file *f)
{
	const struct chrdev *dev = chrdev_find(rdev);

	if (!dev || !dev->ops)
		return -ENXIO;
	memset(f, 0, sizeof(*f));
	f->refs = 1;
	f->flags = flags;
	f->ops = dev->ops;
	return f->ops->open ? f->ops->open(NULL, f) : 0;
}

KTEST(tty_console_ttys0_and_tty_open_the_one_terminal)
{
	static const unsigned int numbers[][2] = { { 5, 1 }, { 5, 0 }, { 4, 64 } };

	for (unsigned int i = 0; i < 3; i++) {
		struct file f;

		KT_EQ(open_device(DEV_MAKE(numbers[i][0], numbers[i][1]), O_RDWR | O_NOCTTY, &f), 0);
		KT_ASSERT(f.private_data == &tty_console);
		KT_ASSERT(f.ops->read && f.ops->write && f.ops->ioctl);
	}
}

KTEST(tty_com1_receive_interrupt_is_enabled)
{
	KT_EQ(inb(SERIAL_COM1 + UART_IER) & 0x01, 1);
}

KTEST(tty_ioctls_refuse_kernel_addresses_with_efault)
{
	struct termios t;
	struct winsize ws, before = tty_console.winsize;
	int n;
	struct file f;

	KT_EQ(open_device(DEV_MAKE(5, 1), 02, &f), 0);
	KT_EQ(f.ops->ioctl(&f, TCGETS, (uint64_t)(uintptr_t)&t), -EFAULT);
	KT_EQ(f.ops->ioctl(&f, TCSETS, (uint64_t)(uintptr_t)&tty_console.ld.termios), -EFAULT);
	memset(&ws, 0, sizeof(ws));
	KT_EQ(f.ops->ioctl(&f, TIOCSWINSZ, (uint64_t)(uintptr_t)&ws), -EFAULT);
	KT_EQ(memcmp(&tty_console.winsize, &before, sizeof(before)), 0);
	KT_EQ(f.ops->ioctl(&f, TIOCGWINSZ, (uint64_t)(uintptr_t)&ws), -EFAULT);
	KT_EQ(f.ops->ioctl(&f, FIONREAD, (uint64_t)(uintptr_t)&n), -EFAULT);
}

KTEST(tty_unknown_ioctl_is_enotty_and_bad_arguments_einval)
{
	struct file f;

	KT_EQ(open_device(DEV_MAKE(5, 1), 02, &f), 0);
	KT_EQ(f.ops->ioctl(&f, 0x5412 /* TIOCSTI */, 0), -ENOTTY);
	KT_EQ(f.ops->ioctl(&f, 0x12345678, 0), -ENOTTY);
	KT_EQ(f.ops->ioctl(&f, TCFLSH, 7), -EINVAL);
	KT_EQ(f.ops->ioctl(&f, TCXONC, 9), -EINVAL);
}

KTEST(tty_nonblocking_read_without_input_is_eagain)
{
	struct file f;
	uint64_t pos = 0;

	KT_EQ(open_device(DEV_MAKE(5, 1), O_RDWR | O_NONBLOCK, &f), 0);
	KT_EQ(f.ops->ioctl(&f, TCFLSH, TCIFLUSH), 0);
	/* The buffer is never touched: there is nothing to copy. */
	KT_EQ(f.ops->read(&f, (__force void __user *)0x1000, 16, &pos), -EAGAIN);
	KT_EQ(f.ops->read(&f, (__force void __user *)0x1000, 0, &pos), 0);
}

KTEST(tty_write_from_a_kernel_address_is_efault)
{
	static const char text[] = "must not be printed\n";
	struct file f;
	uint64_t pos = 0;

	KT_EQ(open_device(DEV_MAKE(5, 1), 02, &f), 0);
	KT_EQ(f.ops->write(&f, (__force const void __user *)text, sizeof(text) - 1, &pos), -EFAULT);
}
