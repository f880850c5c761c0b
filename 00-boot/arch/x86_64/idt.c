/*
 * idt.c - the interrupt descriptor table: one gate per vector, each pointing
 * at its stub in trap_entry.S.
 */
#include <arch/gdt.h>
#include <arch/trap.h>
#include <compiler.h>

/* One 16-byte gate (Intel SDM vol. 3, 6.14.1). */
struct idt_gate {
	uint16_t offset_low;	/* handler address bits 0..15 */
	uint16_t selector;	/* code segment to run it in */
	uint8_t ist;		/* bits 0..2: interrupt stack, 0 = none */
	uint8_t type_attr;	/* present, DPL, type */
	uint16_t offset_mid;	/* bits 16..31 */
	uint32_t offset_high;	/* bits 32..63 */
	uint32_t reserved;
} __packed;

#define GATE_PRESENT 0x80
#define GATE_INTERRUPT 0x0e	/* interrupt gate: IF is cleared on entry */

static struct idt_gate idt[TRAP_VECTORS] __aligned(16);

static void idt_set_gate(unsigned int vector, uint64_t handler, int ist, int dpl)
{
	struct idt_gate *g = &idt[vector];

	/* LAB 00 BEGIN idt_gate */
	g->offset_low = handler & 0xffff;
	g->offset_mid = (handler >> 16) & 0xffff;
	g->offset_high = handler >> 32;
	g->selector = GDT_KERNEL_CS;
	g->ist = ist & 7;
	g->type_attr = GATE_PRESENT | (dpl & 3) << 5 | GATE_INTERRUPT;
	/* LAB 00 END idt_gate */
	g->reserved = 0;
}

/* Exceptions that must run on a known-good stack get one of the TSS's IST stacks. */
static int gate_ist(unsigned int vector)
{
	switch (vector) {
	case TRAP_DOUBLE_FAULT:
		return IST_DOUBLE_FAULT;
	case TRAP_NMI:
		return IST_NMI;
	case TRAP_MACHINE_CHECK:
		return IST_MACHINE_CHECK;
	default:
		return 0;
	}
}

/* int3 and into may be executed by user code (debuggers use int3): DPL 3. */
static int gate_dpl(unsigned int vector)
{
	return vector == TRAP_BREAKPOINT || vector == TRAP_OVERFLOW ? 3 : 0;
}

void idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed ptr = { sizeof(idt) - 1, (uint64_t)idt };

	for (unsigned int v = 0; v < TRAP_VECTORS; v++)
		idt_set_gate(v, trap_stub_table[v], gate_ist(v), gate_dpl(v));
	__asm__ __volatile__("lidt %0" : : "m"(ptr) : "memory");
}

/* Read the gate the CPU actually uses: through IDTR, not through our array. */
uint64_t idt_gate_target(unsigned int vector, int *present, int *dpl, int *ist)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed ptr;

	__asm__ __volatile__("sidt %0" : "=m"(ptr));
	if ((vector + 1) * sizeof(struct idt_gate) - 1 > ptr.limit) {
		*present = *dpl = *ist = 0;
		return 0;
	}
	const struct idt_gate *g = (const struct idt_gate *)ptr.base + vector;

	*present = !!(g->type_attr & GATE_PRESENT);
	*dpl = (g->type_attr >> 5) & 3;
	*ist = g->ist & 7;
	return (uint64_t)g->offset_low | (uint64_t)g->offset_mid << 16 |
	       (uint64_t)g->offset_high << 32;
}
