/*
 * power.c - power-off that emulators understand.
 */
#include <power.h>
#include <printk.h>
#include <panic.h>
#include <arch/cpu.h>
#include <arch/io.h>

#define QEMU_DEBUG_EXIT_PORT 0xf4	/* -device isa-debug-exit,iobase=0xf4 */
#define BOCHS_SHUTDOWN_PORT 0x8900	/* Bochs ends on the string "Shutdown" */
#define ACPI_PM1A_CNT_QEMU 0x604	/* PM1a control as QEMU's firmware sets it up */
#define ACPI_SLP_EN_S5 0x2000		/* SLP_EN with SLP_TYP = 0, QEMU's S5 */

void power_off(int status)
{
	static const char shutdown[] = "Shutdown";

	irq_disable();
	pr_notice("power: off (status %d)\n", status);
	outb(QEMU_DEBUG_EXIT_PORT, (uint8_t)status);
	for (const char *p = shutdown; *p; p++)
		outb(BOCHS_SHUTDOWN_PORT, (uint8_t)*p);
	outw(ACPI_PM1A_CNT_QEMU, ACPI_SLP_EN_S5);
	pr_emerg("power: this machine could not be powered off; halting\n");
	halt_forever();
}
