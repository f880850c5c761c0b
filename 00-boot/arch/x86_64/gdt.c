/*
 * gdt.c - the kernel's GDT and TSS.
 *
 * In long mode segments are nearly gone: code segments still carry the
 * privilege level and the 64-bit flag, and the TSS still holds the stacks the
 * CPU switches to: RSP0 on a trap from user mode, and the IST stacks for the
 * exceptions that must work even when the current stack is broken.
 */
#include <arch/gdt.h>
#include <arch/layout.h>
#include <compiler.h>
#include <string.h>

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];	/* stack for a trap from ring 0..2 */
	uint64_t reserved1;
	uint64_t ist[7];	/* ist[n - 1] is interrupt stack n */
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;	/* beyond the limit: no I/O permission bitmap */
} __packed;

static struct tss tss;
static uint8_t ist_stacks[3][KERNEL_STACK_SIZE] __aligned(16);

/*
 * Access byte 0x9a/0x92 = present, DPL 0, code/data; 0xfa/0xf2 = DPL 3.
 * Flags 0xa = 4 KiB granularity + L (64-bit code); 0xc = granularity + 32-bit.
 */
static uint64_t gdt[10] __aligned(16) = {
	[GDT_KERNEL_CS >> 3] = 0x00af9a000000ffffULL,
	[GDT_KERNEL_DS >> 3] = 0x00cf92000000ffffULL,
	[GDT_USER32_CS >> 3] = 0x00cffa000000ffffULL,
	[GDT_USER_DS >> 3] = 0x00cff2000000ffffULL,
	[GDT_USER_CS >> 3] = 0x00affa000000ffffULL,
};

struct descriptor_pointer {
	uint16_t limit;
	uint64_t base;
} __packed;

static void set_tss_descriptor(void)
{
	uint64_t base = (uint64_t)&tss, limit = sizeof(tss) - 1;

	/* A 16-byte system descriptor: type 0x9 = available 64-bit TSS, present. */
	gdt[GDT_TSS >> 3] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
			    (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	gdt[(GDT_TSS >> 3) + 1] = base >> 32;
}

void gdt_init(void)
{
	struct descriptor_pointer ptr = { sizeof(gdt) - 1, (uint64_t)gdt };

	memset(&tss, 0, sizeof(tss));
	for (int i = 0; i < 3; i++)
		tss.ist[i] = (uint64_t)ist_stacks[i] + KERNEL_STACK_SIZE;
	tss.iomap_base = sizeof(tss);
	set_tss_descriptor();

	__asm__ __volatile__("lgdt %0\n\t"
			     /* Reload CS with a far return, then the data segments. */
			     "pushq %1\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\tmovl %2, %%eax\n\t"
			     "movl %%eax, %%ds\n\t"
			     "movl %%eax, %%es\n\t"
			     "movl %%eax, %%ss\n\t"
			     "ltr %w3"
			     :
			     : "m"(ptr), "i"(GDT_KERNEL_CS), "i"(GDT_KERNEL_DS), "r"(GDT_TSS)
			     : "rax", "memory");
}

void tss_set_kernel_stack(uint64_t rsp0)
{
	tss.rsp[0] = rsp0;
}

void tss_set_ist(int n, uint64_t top)
{
	if (n >= 1 && n <= 7)
		tss.ist[n - 1] = top;
}

uint64_t tss_get_ist(int n)
{
	return n >= 1 && n <= 7 ? tss.ist[n - 1] : 0;
}
