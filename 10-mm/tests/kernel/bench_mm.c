/*
 * bench_mm.c - allocator figures, measured in the kernel (make kbench LAYER=10).
 *
 * Manual tests: never part of `ktest=all` or of make test's pass/fail.
 * Time comes from the TSC, calibrated against the PIT's ticks, so the
 * figures are wall-clock rates of whatever machine (or emulator) runs them.
 */
#include <ktest.h>
#include <kmalloc.h>
#include <pmm.h>
#include <printk.h>
#include <timer.h>
#include <arch/cpu.h>

/* TSC cycles per second, over 20 timer ticks (200 ms). */
static uint64_t tsc_hz(void)
{
	uint64_t t0 = timer_ticks();

	while (timer_ticks() == t0)
		cpu_relax();
	uint64_t c0 = rdtsc(), start = timer_ticks();

	while (timer_ticks() < start + 20)
		cpu_relax();
	return (rdtsc() - c0) * TIMER_HZ / 20;
}

static void report(const char *what, uint64_t ops, uint64_t cycles, uint64_t hz)
{
	uint64_t per_sec = cycles ? ops * hz / cycles : 0;

	printk(LOGLEVEL_NOTICE, "bench: %s: %llu per second (%llu ns each)\n", what,
	       (unsigned long long)per_sec,
	       (unsigned long long)(per_sec ? 1000000000ULL / per_sec : 0));
}

static void bench_pages(unsigned int order, const char *what, uint64_t hz)
{
	const uint64_t n = 20000;
	uint64_t c0 = rdtsc();

	for (uint64_t i = 0; i < n; i++) {
		uint64_t p = pmm_alloc(order);

		if (!p) {
			ktest_fail(__FILE__, __LINE__, "out of memory");
			return;
		}
		pmm_free(p, order);
	}
	report(what, n, rdtsc() - c0, hz);
}

KTEST_MANUAL(bench_pmm_alloc_free_order0_and_order4)
{
	uint64_t hz = tsc_hz();

	printk(LOGLEVEL_NOTICE, "bench: TSC %llu MHz\n", (unsigned long long)(hz / 1000000));
	bench_pages(0, "pmm alloc+free, order 0 (4 KiB)", hz);
	bench_pages(4, "pmm alloc+free, order 4 (64 KiB)", hz);
}

KTEST_MANUAL(bench_kmalloc_64_bytes)
{
	uint64_t hz = tsc_hz();
	const uint64_t n = 100000;
	uint64_t c0 = rdtsc();

	for (uint64_t i = 0; i < n; i++)
		kfree(kmalloc(64));
	report("kmalloc+kfree, 64 bytes", n, rdtsc() - c0, hz);
}
