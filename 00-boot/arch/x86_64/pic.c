/*
 * pic.c - the legacy 8259A pair, remapped so IRQs 0..15 arrive on vectors
 * 32..47 instead of colliding with the processor's exceptions 8..15.
 */
#include "pic.h"
#include <initcall.h>
#include <arch/io.h>
#include <arch/trap.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define ICW1_INIT_ICW4 0x11	/* edge-triggered, cascaded, ICW4 follows */
#define ICW4_8086 0x01
#define OCW3_READ_ISR 0x0b
#define PIC_EOI 0x20

static uint16_t mask = 0xffff;	/* bit n set: IRQ n masked */

static void write_mask(void)
{
	outb(PIC1_DATA, mask & 0xff);
	outb(PIC2_DATA, mask >> 8);
}

void pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	io_wait();
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	io_wait();
	outb(PIC1_DATA, IRQ_BASE);	/* ICW2: vector offsets */
	io_wait();
	outb(PIC2_DATA, IRQ_BASE + 8);
	io_wait();
	outb(PIC1_DATA, 1 << 2);	/* ICW3: the slave hangs off IRQ 2 */
	io_wait();
	outb(PIC2_DATA, 2);		/* ICW3: the slave's cascade identity */
	io_wait();
	outb(PIC1_DATA, ICW4_8086);
	io_wait();
	outb(PIC2_DATA, ICW4_8086);
	io_wait();
	mask = 0xffff & ~(1 << 2);	/* everything off but the cascade */
	write_mask();
}

void pic_unmask(unsigned int irq)
{
	mask &= ~(1u << irq);
	write_mask();
}

void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}

/*
 * IRQ 7 and 15 also arrive when a request vanishes before it is acknowledged.
 * Such a spurious interrupt is not in service (its ISR bit is clear) and
 * must not be acknowledged, except that a spurious 15 still needs the master's
 * EOI for the cascade line.
 */
int pic_is_spurious(unsigned int irq)
{
	if (irq != 7 && irq != 15)
		return 0;
	uint16_t port = irq == 7 ? PIC1_CMD : PIC2_CMD;

	outb(port, OCW3_READ_ISR);
	if (inb(port) & 0x80)
		return 0;
	if (irq == 15)
		outb(PIC1_CMD, PIC_EOI);
	return 1;
}

static int pic_setup(void)
{
	pic_init();
	return 0;
}
INITCALL(INITCALL_ARCH, pic_setup);
