/**
 * @file ksyms.h
 * @brief The kernel's own symbol table, for symbolised backtraces.
 *
 * tools/ksyms.sh extracts every function symbol from a first link of the
 * kernel and the second link puts the table into the last section of the
 * image, where it moves nothing else (the build checks that).
 */
#ifndef KSYMS_H
#define KSYMS_H

#include <stdint.h>

/**
 * ksyms_lookup() - Find the function containing a kernel text address.
 * @param addr   an address, typically a return address from a backtrace
 * @param offset if not NULL, receives @p addr minus the function's start
 * @return the function's name, or NULL if @p addr is outside kernel text
 */
const char *ksyms_lookup(uint64_t addr, uint64_t *offset);

/**
 * ksyms_address() - Find a function's address by name.
 * @param name the symbol
 * @return its address, or 0 if there is no such function
 */
uint64_t ksyms_address(const char *name);

/**
 * ksyms_count() - Number of symbols in the table.
 * @return the count (0 in the first link)
 */
uint64_t ksyms_count(void);

/**
 * ksyms_entry() - Entry @p i of the table, in address order.
 * @param i    0 .. ksyms_count() - 1
 * @param addr receives the symbol's address
 * @return its name, or NULL if @p i is out of range
 */
const char *ksyms_entry(uint64_t i, uint64_t *addr);

#endif /* KSYMS_H */
