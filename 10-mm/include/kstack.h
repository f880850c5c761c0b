/**
 * @file
 * @brief Kernel stacks with an unmapped guard page below each.
 *
 * A kernel stack that overflows runs into its guard page and faults at
 * once (the fault is taken on an IST stack, so it can still be reported),
 * instead of silently overwriting whatever lies below.
 */
#ifndef KSTACK_H
#define KSTACK_H

#include <stdint.h>

/**
 * kstack_alloc() - Allocate a KERNEL_STACK_SIZE stack in the kernel-stack area.
 * @return the stack's top (the initial RSP, 16-byte aligned), or 0 when out of memory or slots
 */
uint64_t kstack_alloc(void);

/**
 * kstack_free() - Free a stack from kstack_alloc().
 * @param top the value kstack_alloc() returned
 */
void kstack_free(uint64_t top);

/**
 * kstack_guard_page() - The guard page of a stack, for tests.
 * @param top the stack's top
 * @return the virtual address of the unmapped page just below the stack
 */
uint64_t kstack_guard_page(uint64_t top);

#endif /* KSTACK_H */
