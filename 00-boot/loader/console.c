/*
 * console.c - the loader's messages, on the screen and on the serial port.
 *
 * Before ExitBootServices() every message goes to the UEFI text console
 * (ConOut).  Firmware often mirrors ConOut to a serial port itself (OVMF
 * does, when COM1 is in the "ConOut" variable); then the loader leaves the
 * UART alone, or every line would appear twice.  Otherwise the loader
 * drives COM1 itself so a headless machine still shows what went wrong.
 * After ExitBootServices() the firmware console is gone and only the
 * direct COM1 path is left.
 */
#include "loader.h"

#define COM1		0x3f8
#define UART_DATA	0	/* transmit holding register (DLAB = 0) */
#define UART_IER	1	/* interrupt enable; divisor high byte when DLAB = 1 */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control; bit 7 is DLAB */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_LSR_THRE	0x20	/* transmitter can take a byte */

/* 1 when we write COM1 ourselves because the firmware does not. */
static int com1_direct;

static void outb(UINT16 port, UINT8 value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static UINT8 inb(UINT16 port)
{
	UINT8 value;

	__asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

/* 16550: 115200 baud (divisor 1 of the 1.8432 MHz / 16 clock), 8N1, FIFOs
 * on, no interrupts (OUT2 stays clear), DTR and RTS up. */
static void com1_init(void)
{
	outb(COM1 + UART_IER, 0x00);
	outb(COM1 + UART_LCR, 0x80);
	outb(COM1 + UART_DATA, 0x01);
	outb(COM1 + UART_IER, 0x00);
	outb(COM1 + UART_LCR, 0x03);
	outb(COM1 + UART_FCR, 0xc7);
	outb(COM1 + UART_MCR, 0x03);
}

/*
 * Wait until the transmitter is free before each byte: a UART that is
 * written while busy drops the byte (Bochs does).  The wait is bounded so
 * a machine without a UART at 0x3f8 cannot hang the loader here.
 */
static void com1_putc(char c)
{
	for (int spins = 0; spins < 100000; spins++)
		if (inb(COM1 + UART_LSR) & UART_LSR_THRE)
			break;
	outb(COM1 + UART_DATA, (UINT8)c);
}

/* Does the "ConOut" variable (UEFI spec, "Globally Defined Variables")
 * name a device path with a UART node?  Then the firmware mirrors ConOut to
 * the serial port. */
static int conout_includes_uart(void)
{
	EFI_DEVICE_PATH *path, *node;
	UINTN size;
	UINT8 *end;
	int found = 0;

	path = LibGetVariableAndSize(L"ConOut", &EfiGlobalVariable, &size);
	if (!path)
		return 0;
	end = (UINT8 *)path + size;
	for (node = path; (UINT8 *)node + sizeof(*node) <= end;
	     node = NextDevicePathNode(node)) {
		if (DevicePathNodeLength(node) < (int)sizeof(*node))
			break;	/* malformed: stop rather than loop forever */
		if (DevicePathType(node) == MESSAGING_DEVICE_PATH &&
		    DevicePathSubType(node) == MSG_UART_DP)
			found = 1;
	}
	FreePool(path);
	return found;
}

void console_init(void)
{
	if (!conout_includes_uart()) {
		com1_direct = 1;
		com1_init();
	}
}

static void console_vprint(const CHAR16 *fmt, va_list args)
{
	/* Room for the longest command line and some words around it. */
	CHAR16 buf[BOOT_CMDLINE_MAX + 256];

	UnicodeVSPrint(buf, sizeof(buf), fmt, args);
	ST->ConOut->OutputString(ST->ConOut, buf);
	if (com1_direct)
		for (CHAR16 *c = buf; *c; c++)
			com1_putc(*c < 0x80 ? (char)*c : '?');
}

void console_print(const CHAR16 *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	console_vprint(fmt, args);
	va_end(args);
}

/*
 * Stop for good.  Returning to the boot manager would make it try the
 * next boot option (or this one again) and scroll the message away; the
 * boot manager's 5-minute watchdog (UEFI spec, EFI_BOOT_SERVICES.
 * SetWatchdogTimer()) would reset the machine, so it is switched off.
 */
void loader_fail(const CHAR16 *fmt, ...)
{
	va_list args;

	console_print(L"Strata EFI loader: error: ");
	va_start(args, fmt);
	console_vprint(fmt, args);
	va_end(args);
	console_print(L"Stopped; nothing was started.  Fix the boot volume and reset.\r\n");
	BS->SetWatchdogTimer(0, 0, 0, NULL);
	for (;;)
		BS->Stall(1000 * 1000);
}

/* After ExitBootServices() no firmware call is allowed: COM1 directly,
 * then halt with interrupts off. */
void loader_fail_after_exit(const char *msg)
{
	static const char prefix[] = "Strata EFI loader: error: ";

	for (const char *c = prefix; *c; c++)
		com1_putc(*c);
	for (const char *c = msg; *c; c++)
		com1_putc(*c);
	com1_putc('\r');
	com1_putc('\n');
	for (;;)
		__asm__ volatile("cli; hlt");
}
