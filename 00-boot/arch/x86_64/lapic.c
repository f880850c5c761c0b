/*
 * lapic.c - put the local APIC in "virtual wire" mode.
 *
 * With a local APIC present, the 8259's interrupt line reaches the CPU only
 * through the APIC's LINT0 pin, and only if LINT0 is programmed as ExtINT
 * and unmasked.  Firmware usually leaves it so, but after reset LINT0 is
 * masked; setting it ourselves makes the PIT tick on every boot path
 * (Intel SDM vol. 3, 10.5.1; MultiProcessor spec, virtual wire mode).
 */
#include <initcall.h>
#include <printk.h>
#include <arch/cpu.h>

#define APIC_BASE_ENABLE (1ULL << 11)
#define APIC_TPR 0x080		/* task priority */
#define APIC_SVR 0x0f0		/* spurious vector; bit 8 = software enable */
#define APIC_LVT_TIMER 0x320
#define APIC_LVT_LINT0 0x350
#define APIC_LVT_LINT1 0x360
#define APIC_LVT_ERROR 0x370
#define LVT_MASKED (1 << 16)
#define LVT_EXTINT (7 << 8)
#define LVT_NMI (4 << 8)

static void lapic_write(volatile uint32_t *lapic, unsigned int reg, uint32_t v)
{
	lapic[reg / 4] = v;
}

static int lapic_virtual_wire(void)
{
	if (!(cpuid(1, 0).edx & (1 << 9))) {
		pr_info("lapic: none; the 8259 drives the CPU directly\n");
		return 0;
	}
	uint64_t msr = rdmsr(MSR_APIC_BASE);

	if (!(msr & APIC_BASE_ENABLE)) {
		pr_info("lapic: disabled by firmware; the 8259 drives the CPU directly\n");
		return 0;
	}
	/* The boot page tables identity-map the first 4 GiB, MMIO included. */
	volatile uint32_t *lapic = (volatile uint32_t *)(uintptr_t)(msr & ~0xfffULL);

	lapic_write(lapic, APIC_SVR, 0x100 | 0xff);
	lapic_write(lapic, APIC_TPR, 0);
	lapic_write(lapic, APIC_LVT_TIMER, LVT_MASKED);
	lapic_write(lapic, APIC_LVT_ERROR, LVT_MASKED);
	lapic_write(lapic, APIC_LVT_LINT0, LVT_EXTINT);
	lapic_write(lapic, APIC_LVT_LINT1, LVT_NMI);
	pr_debug("lapic: virtual wire mode at %#llx\n", (unsigned long long)(msr & ~0xfffULL));
	return 0;
}
INITCALL(INITCALL_ARCH, lapic_virtual_wire);
