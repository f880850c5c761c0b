/**
 * @file serial.h
 * @brief The 16550 UART on COM1: the console every test reads.
 */
#ifndef SERIAL_H
#define SERIAL_H

#include <stddef.h>

/** @brief I/O port base of COM1. */
#define SERIAL_COM1 0x3f8

/**
 * serial_init() - Program COM1 for 115200 baud, 8 data bits, no parity, 1 stop bit.
 *
 * Safe to call more than once; kmain() calls it first of all.
 */
void serial_init(void);

/**
 * serial_putc() - Send one byte, waiting until the transmitter can take it.
 * @param c the byte; "\n" is sent as is (serial_write() adds the "\r")
 */
void serial_putc(char c);

/**
 * serial_write() - Send a buffer, turning "\n" into "\r\n" for terminals.
 * @param buf the bytes
 * @param len how many
 */
void serial_write(const char *buf, size_t len);

/**
 * serial_getc() - Read one byte if one has arrived.
 * @return the byte (0..255), or -1 if none is waiting
 */
int serial_getc(void);

#endif /* SERIAL_H */
