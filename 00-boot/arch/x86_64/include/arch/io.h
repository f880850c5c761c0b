/**
 * @file io.h
 * @brief x86 port I/O.
 */
#ifndef ARCH_IO_H
#define ARCH_IO_H

#include <stdint.h>

/** @brief Write a byte to an I/O port. @param port the port @param v the byte */
static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

/** @brief Write 16 bits to an I/O port. @param port the port @param v the value */
static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

/** @brief Read a byte from an I/O port. @param port the port @return the byte */
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/** @brief A short delay: a write to the unused POST port 0x80, as Linux does for slow ISA chips. */
static inline void io_wait(void)
{
	outb(0x80, 0);
}

#endif /* ARCH_IO_H */
