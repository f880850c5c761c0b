/**
 * @file gdt.h
 * @brief Segment selectors, the GDT and the TSS.
 *
 * The selectors have Linux's values, in the order that SYSCALL/SYSRET need
 * (layer 20 relies on it): kernel code, kernel data, then 32-bit user code,
 * user data, 64-bit user code.
 */
#ifndef ARCH_GDT_H
#define ARCH_GDT_H

#define GDT_KERNEL_CS 0x10 /**< 64-bit kernel code */
#define GDT_KERNEL_DS 0x18 /**< kernel data and stack */
#define GDT_USER32_CS 0x23 /**< 32-bit user code (RPL 3); SYSRET's base */
#define GDT_USER_DS 0x2b   /**< user data and stack (RPL 3) */
#define GDT_USER_CS 0x33   /**< 64-bit user code (RPL 3) */
#define GDT_TSS 0x40	   /**< the task state segment (a 16-byte descriptor) */

#define IST_DOUBLE_FAULT 1 /**< interrupt stack for \#DF, so a kernel stack overflow still reports */
#define IST_NMI 2	   /**< interrupt stack for NMI */
#define IST_MACHINE_CHECK 3 /**< interrupt stack for \#MC */

#ifndef __ASSEMBLY__
#include <stdint.h>

/**
 * gdt_init() - Load the kernel's GDT and TSS, replacing the boot GDT.
 *
 * Called once by kmain() before idt_init().
 */
void gdt_init(void);

/**
 * tss_set_kernel_stack() - Set the stack the CPU switches to on a trap from user mode.
 * @param rsp0 the top of the current task's kernel stack
 */
void tss_set_kernel_stack(uint64_t rsp0);

/**
 * tss_set_ist() - Move interrupt stack @p n to a new stack.
 * @param n   IST_DOUBLE_FAULT, IST_NMI or IST_MACHINE_CHECK
 * @param top the new stack's top (16-byte aligned)
 *
 * Layer 00's IST stacks live in .bss; layer 10 replaces them with stacks
 * that have an unmapped guard page below.
 */
void tss_set_ist(int n, uint64_t top);

/**
 * tss_get_ist() - The current top of interrupt stack @p n.
 * @param n 1..7
 * @return the stack top the CPU will switch to
 */
uint64_t tss_get_ist(int n);
#endif

#endif /* ARCH_GDT_H */
