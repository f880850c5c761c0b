/**
 * @file timer.h
 * @brief The periodic timer interrupt and the tick count.
 *
 * Layer 00 programs the legacy PIT (8254) for TIMER_HZ interrupts a second
 * on IRQ 0.  Every tick increments a counter and calls the registered tick
 * hooks (the scheduler of layer 20 adds one).
 */
#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>

/** @brief Timer interrupts per second. */
#define TIMER_HZ 100

/**
 * timer_ticks() - Timer interrupts since the timer started.
 * @return the tick count; may be read with interrupts on
 */
uint64_t timer_ticks(void);

/**
 * timer_uptime_ms() - Milliseconds since the timer started, at tick resolution.
 * @return ticks * 1000 / TIMER_HZ
 */
unsigned long timer_uptime_ms(void);

/**
 * timer_add_tick_hook() - Call @p hook from the timer interrupt on every tick.
 * @param hook runs with interrupts disabled; must be short and must not sleep
 * @return 0, or -ENOSPC when the hook table is full
 */
int timer_add_tick_hook(void (*hook)(void));

#endif /* TIMER_H */
