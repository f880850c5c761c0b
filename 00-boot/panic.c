/*
 * panic.c - stop loudly.
 */
#include <panic.h>
#include <format.h>
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

static uint64_t current_rbp(void)
{
	return (uint64_t)__builtin_frame_address(0);
}

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
	backtrace_print((uint64_t)__builtin_return_address(0), current_rbp());
	if (ktest_requested())
		power_off(POWER_STATUS_PANIC);
	pr_emerg("system halted\n");
	halt_forever();
}

void warn_at(const char *file, int line, const char *what)
{
	pr_warn("WARNING at %s:%d: %s\n", file, line, what);
	backtrace_print((uint64_t)__builtin_return_address(0), current_rbp());
}
