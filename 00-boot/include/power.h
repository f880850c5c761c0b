/**
 * @file power.h
 * @brief Ending the machine: power-off with a status that the test runner can read.
 */
#ifndef POWER_H
#define POWER_H

#include <compiler.h>

/** @brief power_off() status: every test passed. */
#define POWER_STATUS_OK 0
/** @brief power_off() status: a test failed. */
#define POWER_STATUS_FAIL 1
/** @brief power_off() status: the kernel panicked. */
#define POWER_STATUS_PANIC 2

/**
 * power_off() - Stop the machine, reporting @p status to an emulator.
 * @param status a POWER_STATUS_* value (0..127)
 *
 * Tries, in order: QEMU's isa-debug-exit device (QEMU exits with
 * (status << 1) | 1), Bochs' shutdown port, the ACPI PM1a control port that
 * QEMU's firmware sets up; if the machine is still running it prints why and
 * halts.  Never returns.
 */
void power_off(int status) __noreturn;

#endif /* POWER_H */
