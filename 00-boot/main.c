/*
 * main.c - from the boot path's hand-off to a running kernel.
 *
 * kernel_entry() is called by boot.S on the boot stack, in the higher half,
 * with interrupts off.  It turns whatever the boot path gave it into the
 * one struct boot_info, copied into the kernel's .bss so nothing depends on
 * loader memory afterwards, and calls kmain().
 */
#include <kmain.h>
#include <ksyms.h>
#include <boot_info.h>
#include <cmdline.h>
#include <initcall.h>
#include <ktest.h>
#include <panic.h>
#include <printk.h>
#include <serial.h>
#include <string.h>
#include <timer.h>
#include <arch/cpu.h>
#include <arch/gdt.h>
#include <arch/layout.h>
#include <arch/trap.h>

#define MB2_BOOTLOADER_MAGIC 0x36d76289

static struct boot_info boot_info;

static void serial_console_write(const char *buf, size_t len)
{
	serial_write(buf, len);
}

static struct console serial_console = { .name = "ttyS0", .write = serial_console_write };

const struct boot_info *boot_info_get(void)
{
	return &boot_info;
}

static void (*idle_hook)(void);

void idle_set_hook(void (*fn)(void))
{
	idle_hook = fn;
}

void idle_run_hook(void)
{
	if (idle_hook)
		idle_hook();
}

void idle_forever(void)
{
	for (;;) {
		irq_enable();
		idle_run_hook();
		cpu_halt();
	}
}

/* Layer 00's main: show the student what the layer can do, then idle. */
static int tour_breakpoint(struct trap_frame *tf)
{
	uint64_t off = 0;
	const char *fn = ksyms_lookup(tf->rip - 1, &off);

	pr_info("trap: #BP breakpoint at %#lx (%s+%#lx) handled; returning\n",
		(unsigned long)tf->rip - 1, fn ? fn : "?", (unsigned long)off);
	return 1;
}

static void layer00_main(void)
{
	trap_handler_t old = trap_set_handler(TRAP_BREAKPOINT, tour_breakpoint);

	__asm__ __volatile__("int3");
	trap_set_handler(TRAP_BREAKPOINT, old);
	pr_info("back from the breakpoint handler\n");

	for (int s = 1; s <= 3; s++) {
		uint64_t until = (uint64_t)s * TIMER_HZ;

		while (timer_ticks() < until)
			cpu_halt();
		pr_info("timer: %llu ticks\n", (unsigned long long)timer_ticks());
	}
	pr_info("%s has nothing more to run; idling (QEMU: Ctrl-A X quits)\n", STRATA_LAYER);
	idle_forever();
}

static void (*main_hook)(void) = layer00_main;

void kmain_set_main(void (*fn)(void))
{
	main_hook = fn;
}

static const char *boot_path_name(uint32_t path)
{
	switch (path) {
	case BOOT_PATH_UEFI:
		return "uefi";
	case BOOT_PATH_MULTIBOOT2:
		return "multiboot2";
	default:
		return "unknown";
	}
}

static void print_memory_map(const struct boot_info *bi)
{
	pr_info("memory map (%u regions%s):\n", bi->mem_count,
		bi->mem_dropped ? ", some dropped" : "");
	for (uint32_t i = 0; i < bi->mem_count; i++) {
		const struct boot_mem_region *r = &bi->mem[i];

		pr_info("  0x%016llx-0x%016llx %-9s (%llu KiB)\n", (unsigned long long)r->base,
			(unsigned long long)(r->base + r->length - 1), boot_mem_type_name(r->type),
			(unsigned long long)(r->length >> 10));
	}
}

void kmain(struct boot_info *bi)
{
	serial_init();
	console_register(&serial_console);

	uint64_t usable = boot_mem_usable_bytes(bi);

	pr_info("Strata kernel: layer %s, boot path %s (%s), %llu MiB usable, command line \"%s\"\n",
		STRATA_LAYER, boot_path_name(bi->boot_path), bi->loader_name,
		(unsigned long long)(usable >> 20), bi->cmdline);
	print_memory_map(bi);
	pr_info("kernel image %#llx-%#llx, initramfs %llu bytes, ACPI RSDP %#llx\n",
		(unsigned long long)bi->kernel_phys_start, (unsigned long long)bi->kernel_phys_end,
		(unsigned long long)bi->initrd_size, (unsigned long long)bi->acpi_rsdp);

	gdt_init();
	idt_init();
	cmdline_apply(bi->cmdline);
	initcalls_run();

	irq_enable();
	if (ktest_requested())
		ktest_run_requested();
	main_hook();
	panic("the main hook returned");
}

/* Before the console exists: straight to the UART, then stop. */
static void __noreturn boot_fail(const char *why)
{
	static const char head[] = "Strata: cannot boot: ";

	serial_write(head, sizeof(head) - 1);
	serial_write(why, strlen(why));
	serial_write("\n", 1);
	halt_forever();
}

/* Called from boot.S: RDI is the boot path's magic, RSI its information (physical). */
void kernel_entry(uint64_t magic, uint64_t info);

void kernel_entry(uint64_t magic, uint64_t info)
{
	serial_init();
	if (magic == MB2_BOOTLOADER_MAGIC) {
		const uint32_t *mbi = (const uint32_t *)info;
		int r = boot_info_from_multiboot2(&boot_info, mbi, mbi[0]);

		if (r < 0)
			boot_fail("the Multiboot2 information is malformed");
		uint64_t start = (uint64_t)__kernel_phys_start, end = (uint64_t)__kernel_phys_end;

		boot_info.kernel_phys_start = start;
		boot_info.kernel_phys_end = end;
		boot_mem_add(&boot_info, start, end - start, BOOT_MEM_BOOTLOADER, 0);
		boot_mem_finish(&boot_info);
	} else if (magic == BOOT_INFO_MAGIC &&
		   ((const struct boot_info *)info)->magic == BOOT_INFO_MAGIC &&
		   ((const struct boot_info *)info)->version == BOOT_INFO_VERSION) {
		memcpy(&boot_info, (const void *)info, sizeof(boot_info));
	} else {
		boot_fail("entered with an unknown boot magic or boot_info version");
	}
	boot_info.cmdline[BOOT_CMDLINE_MAX - 1] = '\0';
	boot_info.loader_name[BOOT_LOADER_NAME_MAX - 1] = '\0';
	kmain(&boot_info);
}
