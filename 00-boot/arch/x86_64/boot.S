/*
 * boot.S - the two ways into the kernel, and the page tables they share.
 *
 * Multiboot2 (GRUB): GRUB finds the header below in the first 32 KiB of the
 * file, loads the PT_LOAD segments at their physical addresses and jumps to
 * mb2_entry32 (the ELF entry point) in 32-bit protected mode without paging,
 * EAX = 0x36d76289 and EBX = the physical address of its information block.
 * We switch to long mode ourselves.
 *
 * UEFI: the loader finds efi_entry64 through the "Strata" ELF note at the end
 * of this file and calls it in long mode, on the firmware's identity-mapped
 * page tables, with RDI = the physical address of a struct boot_info.
 *
 * Both paths then load boot_pml4 and jump to kernel_entry() in the higher
 * half.  Everything in this file runs at its physical address: the .boot
 * sections are linked with VMA == LMA (see kernel.ld).
 */
#include <arch/layout.h>
#include <arch/gdt.h>

#define MB2_HEADER_MAGIC 0xe85250d6
#define MB2_ARCH_I386 0
#define CR0_PE (1 << 0)
#define CR0_WP (1 << 16)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)
#define PTE_PRESENT 0x1
#define PTE_WRITE 0x2
#define PTE_HUGE 0x80
#define COM1 0x3f8

	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long MB2_HEADER_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	/* The four fields must sum to 0 mod 2^32. */
	.long 0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	/* End tag: type 0, flags 0, size 8.  We want GRUB's defaults: text mode, memory map. */
	.balign 8
	.word 0, 0
	.long 8
mb2_header_end:

	.section .boot.text, "ax"
	.code32
	.globl mb2_entry32
mb2_entry32:
	cli
	cld
	/* Keep GRUB's arguments in registers that survive to 64-bit mode. */
	movl %eax, %edi
	movl %ebx, %esi

	/* Long mode needs CPUID leaf 0x80000001, EDX bit 29.  Without it, say so and stop. */
	movl $0x80000000, %eax
	cpuid
	cmpl $0x80000001, %eax
	jb no_long_mode
	movl $0x80000001, %eax
	cpuid
	btl $29, %edx
	jnc no_long_mode
	movl %edx, %ebp			/* bit 20: NX available */

	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl $boot_pml4, %eax
	movl %eax, %cr3

	movl $0xc0000080, %ecx		/* EFER */
	rdmsr
	orl $EFER_LME, %eax
	btl $20, %ebp
	jnc 1f
	orl $EFER_NXE, %eax
1:	wrmsr

	movl %cr0, %eax
	orl $(CR0_PE | CR0_WP | CR0_PG), %eax
	movl %eax, %cr0			/* now in compatibility mode */
	lgdt boot_gdt_ptr
	ljmp $GDT_KERNEL_CS, $mb2_entry64

no_long_mode:
	movl $no_long_mode_msg, %esi
1:	lodsb
	testb %al, %al
	jz 3f
	movb %al, %bl
	movw $COM1 + 5, %dx		/* wait for the transmitter to be empty */
2:	inb %dx, %al
	testb $0x20, %al
	jz 2b
	movb %bl, %al
	movw $COM1, %dx
	outb %al, %dx
	jmp 1b
3:	hlt
	jmp 3b

	.code64
mb2_entry64:
	/* The upper halves of 64-bit registers are undefined after the switch. */
	movl %edi, %edi			/* RDI = 0x36d76289 */
	movl %esi, %esi			/* RSI = Multiboot2 information block */
	jmp boot_common64

	.globl efi_entry64
efi_entry64:
	cli
	cld
	movq %rdi, %rsi			/* RSI = struct boot_info */
	movabsq $0x4f464e4941525453, %rdi	/* RDI = BOOT_INFO_MAGIC */
	/* EFER.NXE before our tables; OVMF has usually set it already. */
	movl $0x80000001, %eax
	cpuid
	btl $20, %edx
	jnc 1f
	movl $0xc0000080, %ecx
	rdmsr
	orl $EFER_NXE, %eax
	wrmsr
1:	/* Our tables identity-map this code, so the next fetch still works. */
	leaq boot_pml4(%rip), %rax
	movq %rax, %cr3
	lgdt boot_gdt_ptr(%rip)
	/* Reload CS from our GDT with a far return. */
	pushq $GDT_KERNEL_CS
	leaq boot_common64(%rip), %rax
	pushq %rax
	lretq

boot_common64:
	movl $GDT_KERNEL_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	xorl %eax, %eax
	movl %eax, %fs
	movl %eax, %gs
	movabsq $boot_stack_top, %rsp
	xorl %ebp, %ebp			/* the backtrace ends here */
	movabsq $kernel_entry, %rax
	call *%rax
4:	cli
	hlt
	jmp 4b

	.section .boot.data, "aw"
no_long_mode_msg:
	.asciz "Strata: this CPU has no 64-bit long mode; cannot boot.\r\n"

	/* Just enough GDT to reach 64-bit code; gdt_init() replaces it. */
	.balign 16
boot_gdt:
	.quad 0				/* 0x00 null */
	.quad 0				/* 0x08 unused */
	.quad 0x00af9a000000ffff	/* 0x10 kernel code: present, DPL 0, L=1 */
	.quad 0x00cf92000000ffff	/* 0x18 kernel data */
boot_gdt_end:
	/* lgdt reads limit + 32-bit base in 32-bit mode and limit + 64-bit base in 64-bit mode. */
	.balign 16
boot_gdt_ptr:
	.word boot_gdt_end - boot_gdt - 1
	.quad boot_gdt

	/*
	 * Boot page tables, static so neither path has to build them:
	 * PML4[0] -> identity map of 0..4 GiB, PML4[511] -> KERNEL_VMA.
	 * Four page directories of 2 MiB pages cover 4 GiB; the higher-half
	 * PDPT reuses the first two for 0..2 GiB.
	 */
	.balign 4096
	.globl boot_pml4
boot_pml4:
	.quad boot_pdpt_low + PTE_PRESENT + PTE_WRITE
	.fill 510, 8, 0
	.quad boot_pdpt_high + PTE_PRESENT + PTE_WRITE
boot_pdpt_low:
	.quad boot_pd + 0x0000 + PTE_PRESENT + PTE_WRITE
	.quad boot_pd + 0x1000 + PTE_PRESENT + PTE_WRITE
	.quad boot_pd + 0x2000 + PTE_PRESENT + PTE_WRITE
	.quad boot_pd + 0x3000 + PTE_PRESENT + PTE_WRITE
	.fill 508, 8, 0
boot_pdpt_high:
	.fill 510, 8, 0
	.quad boot_pd + 0x0000 + PTE_PRESENT + PTE_WRITE	/* KERNEL_VMA + 0 GiB */
	.quad boot_pd + 0x1000 + PTE_PRESENT + PTE_WRITE	/* KERNEL_VMA + 1 GiB */
boot_pd:
	.set addr, 0
	.rept 2048
	.quad addr + PTE_PRESENT + PTE_WRITE + PTE_HUGE
	.set addr, addr + 0x200000
	.endr

	/*
	 * The stack kernel_entry() starts on: in .bss, reached through the higher
	 * half.  Page-aligned, with a page below it that layer 10 leaves unmapped,
	 * so an overflow faults instead of silently overwriting .bss.
	 */
	.section .bss
	.balign 4096
	.globl boot_stack_guard, boot_stack_bottom, boot_stack_top
boot_stack_guard:
	.skip 4096
boot_stack_bottom:
	.skip KERNEL_STACK_SIZE
boot_stack_top:

	/*
	 * ELF note read by the UEFI loader: name "Strata", type 1, the physical
	 * address of efi_entry64.  The ELF entry point belongs to GRUB.
	 */
	.section .note.strata, "a"
	.balign 4
	.long 7				/* namesz, including the NUL */
	.long 8				/* descsz */
	.long 1				/* type: 64-bit entry */
	.asciz "Strata"
	.balign 4
	.quad efi_entry64
