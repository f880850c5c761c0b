/**
 * @file
 * @brief kmalloc and kfree: small objects from slab caches, large ones as whole pages.
 *
 * Both may be called with interrupts on or off; they never sleep.
 */
#ifndef KMALLOC_H
#define KMALLOC_H

#include <stddef.h>

/**
 * kmalloc() - Allocate @p size bytes of kernel memory.
 * @param size bytes; objects up to 2048 bytes come from size-class slabs,
 *             larger ones are whole pages (page-aligned)
 * @return the memory (not zeroed), or NULL when out of memory
 */
void *kmalloc(size_t size);

/**
 * kzalloc() - kmalloc() and zero the memory.
 * @param size bytes
 * @return the memory, or NULL
 */
void *kzalloc(size_t size);

/**
 * kfree() - Free memory from kmalloc(); NULL is ignored.
 * @param p the pointer kmalloc() returned
 *
 * A pointer that kmalloc() did not return (into the middle of an object,
 * to a static variable, freed twice) is reported with a backtrace and ignored.
 */
void kfree(void *p);

/**
 * kmalloc_init() - Set up the slab caches (called by the memory init call).
 * @return 0 or -ENOMEM
 */
int kmalloc_init(void);

/**
 * kmalloc_errors() - How many bad kfree() calls were reported (for tests).
 * @return the count
 */
unsigned long kmalloc_errors(void);

#endif /* KMALLOC_H */
