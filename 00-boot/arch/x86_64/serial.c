/*
 * serial.c - the 16550 UART on COM1, by polling.
 *
 * Polling keeps the console usable from anywhere, trap handlers and panics
 * included.  The transmitter-empty check before every byte is not optional:
 * Bochs' UART drops bytes written while it is busy, and so does real
 * hardware.
 */
#include <serial.h>
#include <arch/cpu.h>
#include <arch/io.h>

#define UART_DATA 0	/* receive / transmit holding register (DLAB=0) */
#define UART_IER 1	/* interrupt enable (DLAB=0) */
#define UART_DLL 0	/* divisor latch, low byte (DLAB=1) */
#define UART_DLM 1	/* divisor latch, high byte (DLAB=1) */
#define UART_FCR 2	/* FIFO control */
#define UART_LCR 3	/* line control */
#define UART_MCR 4	/* modem control */
#define UART_LSR 5	/* line status */
#define LCR_DLAB 0x80
#define LCR_8N1 0x03
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

void serial_init(void)
{
	outb(SERIAL_COM1 + UART_IER, 0x00);	/* no UART interrupts: we poll */
	outb(SERIAL_COM1 + UART_LCR, LCR_DLAB);
	outb(SERIAL_COM1 + UART_DLL, 1);	/* 115200 / 1 = 115200 baud */
	outb(SERIAL_COM1 + UART_DLM, 0);
	outb(SERIAL_COM1 + UART_LCR, LCR_8N1);
	outb(SERIAL_COM1 + UART_FCR, 0xc7);	/* FIFOs on and cleared, 14-byte threshold */
	outb(SERIAL_COM1 + UART_MCR, 0x0b);	/* DTR, RTS, OUT2 */
}

void serial_putc(char c)
{
	/* LAB 00 BEGIN serial_putc */
	/* LAB STUB: outb(SERIAL_COM1 + UART_DATA, (uint8_t)c); */
	while (!(inb(SERIAL_COM1 + UART_LSR) & LSR_THR_EMPTY))
		cpu_relax();
	outb(SERIAL_COM1 + UART_DATA, (uint8_t)c);
	/* LAB 00 END serial_putc */
}

void serial_write(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n')
			serial_putc('\r');
		serial_putc(buf[i]);
	}
}

int serial_getc(void)
{
	if (!(inb(SERIAL_COM1 + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(SERIAL_COM1 + UART_DATA);
}
