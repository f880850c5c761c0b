/*
 * ktest_timer.c - the periodic timer interrupt arrives and is counted.
 */
#include <ktest.h>
#include <timer.h>
#include <arch/cpu.h>

/*
 * Wait until the tick count reaches @target, but give up after a generous
 * budget of TSC cycles so a dead timer fails the test instead of hanging it.
 */
static int wait_for_tick(uint64_t target)
{
	uint64_t start = rdtsc();

	while (timer_ticks() < target) {
		if (rdtsc() - start > 20000000000ULL)
			return 0;
		cpu_relax();
	}
	return 1;
}

KTEST(timer_ticks_advance_with_interrupts_on)
{
	uint64_t t0 = timer_ticks();

	KT_ASSERT(read_rflags() & RFLAGS_IF);
	KT_ASSERT(wait_for_tick(t0 + 5));
	KT_ASSERT(timer_ticks() >= t0 + 5);
}

KTEST(timer_stands_still_with_interrupts_off)
{
	irq_disable();
	uint64_t t0 = timer_ticks();
	uint64_t start = rdtsc();

	/* Long enough for several ticks if interrupts got through. */
	while (rdtsc() - start < 300000000ULL)
		cpu_relax();
	uint64_t t1 = timer_ticks();

	irq_enable();
	KT_EQ(t1, t0);
}

static volatile int hook_calls;

static void count_hook(void)
{
	hook_calls++;
}

KTEST(timer_tick_hook_runs_on_every_tick)
{
	static int added;

	if (!added) {
		KT_EQ(timer_add_tick_hook(count_hook), 0);
		added = 1;
	}
	/* Start right after a tick, then count exactly three more. */
	KT_ASSERT(wait_for_tick(timer_ticks() + 1));
	int c0 = hook_calls;
	uint64_t t0 = timer_ticks();

	KT_ASSERT(wait_for_tick(t0 + 3));
	irq_disable();
	int calls = hook_calls - c0;
	uint64_t ticks = timer_ticks() - t0;

	irq_enable();
	KT_EQ(calls, ticks);
}

KTEST(timer_uptime_is_ticks_in_milliseconds)
{
	irq_disable();
	uint64_t t = timer_ticks();
	unsigned long ms = timer_uptime_ms();

	irq_enable();
	KT_EQ(ms, t * 1000 / TIMER_HZ);
}
