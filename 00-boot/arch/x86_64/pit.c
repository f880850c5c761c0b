/*
 * pit.c - the 8254 programmable interval timer as the periodic tick.
 *
 * Channel 0 counts down from a divisor at 1.193182 MHz and raises IRQ 0 at
 * every wrap (mode 2, rate generator), TIMER_HZ times a second.
 */
#include <timer.h>
#include <errno.h>
#include <initcall.h>
#include <printk.h>
#include <arch/io.h>
#include <arch/trap.h>

#define PIT_FREQUENCY 1193182
#define PIT_CHANNEL0 0x40
#define PIT_COMMAND 0x43
#define PIT_CH0_LOHI_RATE 0x34	/* channel 0, low then high byte, mode 2, binary */
#define MAX_TICK_HOOKS 8

static volatile uint64_t ticks;
static void (*tick_hooks[MAX_TICK_HOOKS])(void);
static int tick_hook_count;

uint64_t timer_ticks(void)
{
	return READ_ONCE(ticks);
}

unsigned long timer_uptime_ms(void)
{
	return (unsigned long)(timer_ticks() * 1000 / TIMER_HZ);
}

int timer_add_tick_hook(void (*hook)(void))
{
	if (tick_hook_count == MAX_TICK_HOOKS)
		return -ENOSPC;
	tick_hooks[tick_hook_count++] = hook;
	return 0;
}

static void pit_interrupt(struct trap_frame *tf)
{
	ticks++;
	for (int i = 0; i < tick_hook_count; i++)
		tick_hooks[i]();
}

static void pit_set_rate(unsigned int hz)
{
	/* LAB 00 BEGIN pit_rate */
	uint32_t divisor = (PIT_FREQUENCY + hz / 2) / hz;

	outb(PIT_COMMAND, PIT_CH0_LOHI_RATE);
	outb(PIT_CHANNEL0, divisor & 0xff);
	outb(PIT_CHANNEL0, divisor >> 8);
	/* LAB 00 END pit_rate */
}

static int pit_timer_init(void)
{
	pit_set_rate(TIMER_HZ);
	int r = irq_set_handler(IRQ_TIMER, pit_interrupt);

	if (r < 0)
		return r;
	printk_set_clock(timer_uptime_ms);
	pr_info("timer: PIT at %d Hz on IRQ %d\n", TIMER_HZ, IRQ_TIMER);
	return 0;
}
INITCALL(INITCALL_DEVICE, pit_timer_init);
