/**
 * @file layout.h
 * @brief Where the kernel lives, physically and virtually.  Usable from assembly.
 *
 * The kernel is loaded at KERNEL_PHYS_BASE and linked KERNEL_VMA higher
 * (the top 2 GiB of the address space, as Linux does, so -mcmodel=kernel can
 * use 32-bit sign-extended addresses).  Until layer 10 builds the real page
 * tables, the boot page tables map the first 4 GiB of physical memory twice:
 * at virtual address 0 (identity) and, for the first 2 GiB, at KERNEL_VMA.
 */
#ifndef ARCH_LAYOUT_H
#define ARCH_LAYOUT_H

/** @brief An unsigned 64-bit constant in C, a plain number in assembly (which has no suffixes). */
#ifdef __ASSEMBLY__
#define U64_CONST(x) x
#else
#define U64_CONST(x) x##ULL
#endif

/** @brief Virtual address of physical address 0 in the kernel's higher-half mapping. */
#define KERNEL_VMA U64_CONST(0xffffffff80000000)
/** @brief Physical load address of the kernel image (2 MiB, one large page). */
#define KERNEL_PHYS_BASE 0x200000
/** @brief Bytes of physical memory the boot page tables identity-map. */
#define BOOT_IDENTITY_MAP_SIZE U64_CONST(0x100000000)
/** @brief Size of the boot stack and of each interrupt stack. */
#define KERNEL_STACK_SIZE 16384

#ifndef __ASSEMBLY__
#include <stdint.h>

/** @brief The kernel-image virtual address of physical address @p p (below 2 GiB). */
#define phys_to_kernel(p) ((void *)((uint64_t)(p) + KERNEL_VMA))
/** @brief The physical address of kernel-image virtual address @p v. */
#define kernel_to_phys(v) ((uint64_t)(v) - KERNEL_VMA)

/** @brief First byte of kernel text (linker script). */
extern char _text[];
/** @brief End of kernel text (linker script). */
extern char _etext[];
/** @brief First byte of read-only data, registries included (linker script). */
extern char __rodata_start[];
/** @brief End of read-only data and registries (linker script). */
extern char __rodata_end[];
/** @brief First byte of writable data; .bss follows it (linker script). */
extern char __data_start[];
/** @brief End of .bss (linker script). */
extern char __bss_end[];
/** @brief First byte of the symbol table section, the last of the image (linker script). */
extern char __ksyms_start[];
/** @brief One past the image in the higher half (linker script). */
extern char __kernel_end[];
/** @brief The page below the boot stack, left unmapped by layer 10 as a guard (boot.S). */
extern char boot_stack_guard[];
/** @brief Lowest byte of the boot stack (boot.S). */
extern char boot_stack_bottom[];
/** @brief Physical address of the first byte of the kernel image (linker script). */
extern char __kernel_phys_start[];
/** @brief Physical address one past the kernel image, including .bss and the symbol table. */
extern char __kernel_phys_end[];
#endif

#endif /* ARCH_LAYOUT_H */
