/*
 * panic.c - stop loudly.
 */
#include <panic.h>
#include <format.h>
#include <cmdline.h>
#include <ktest.h>
#include <power.h>
#include <printk.h>
#include <arch/cpu.h>
#include <arch/trap.h>

void halt_forever(void)
{
	for (;;) {
		irq_disable();
		cpu_halt();
	}
}

/*
 * The frame pointer of the function that called the one this is inlined
 * in: the backtrace starts at the caller, whose return address is given
 * separately (starting at our own frame would print the caller twice).
 */
static inline __attribute__((always_inline)) uint64_t caller_rbp(void)
{
	return *(const uint64_t *)__builtin_frame_address(0);
}

/*
 * Linux's panic=N reboots N seconds after a panic.  The emulators run with
 * -no-reboot, where a reboot ends them; so any N other than 0 powers off at
 * once with the panic status, which lets scripted boots end quickly.
 */
static int panic_reboot;

static int set_panic(const char *value)
{
	panic_reboot = value[0] && !(value[0] == '0' && !value[1]);
	return 0;
}
CMDLINE_PARAM(panic, "panic", set_panic, "after a panic: 0 halts (default), other values power off");

void panic(const char *fmt, ...)
{
	static int panicking;
	char msg[256];
	va_list ap;

	irq_disable();
	if (panicking++)	/* a panic while panicking: say nothing more */
		halt_forever();
	va_start(ap, fmt);
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_emerg("PANIC: %s\n", msg);
	backtrace_print((uint64_t)__builtin_return_address(0), caller_rbp());
	panic_stop();
}

void panic_stop(void)
{
	if (ktest_requested() || panic_reboot)
		power_off(POWER_STATUS_PANIC);
	pr_emerg("system halted\n");
	halt_forever();
}

void warn_at(const char *file, int line, const char *what)
{
	pr_warn("WARNING at %s:%d: %s\n", file, line, what);
	backtrace_print((uint64_t)__builtin_return_address(0), caller_rbp());
}
