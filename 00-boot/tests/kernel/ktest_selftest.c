/*
 * ktest_selftest.c - manual tests that exercise the test machinery itself.
 *
 * They are never part of `ktest=all`.  tools/test.sh boots them by name to
 * prove that the runner reports a failing test as failed, kills a hanging
 * kernel at its timeout, and that an unhandled fault prints a register dump
 * and a symbolised backtrace instead of rebooting.
 */
#include <ktest.h>
#include <arch/cpu.h>

KTEST_MANUAL(selftest_failure_is_reported)
{
	KT_EQ(1 + 1, 3);
}

KTEST_MANUAL(selftest_hang_is_killed_by_the_runner)
{
	irq_disable();
	for (;;)
		cpu_halt();
}

/* noinline, so the backtrace has a frame named after it. */
static __attribute__((noinline)) void selftest_touch_unmapped(void)
{
	*(volatile int *)0x0000300000000000ULL = 1;
}

KTEST_MANUAL(selftest_unhandled_page_fault_prints_report)
{
	selftest_touch_unmapped();
}
