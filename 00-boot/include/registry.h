/**
 * @file registry.h
 * @brief Linker-section registries: how a layer plugs into a lower one without the lower one naming it.
 *
 * A registry is an array of pointers that the linker assembles from every
 * object file.  The lower layer declares it with REGISTRY_DECLARE() and
 * REGISTRY_DEFINE() and walks it with registry_for_each(); any later layer adds
 * to it with REGISTRY_ADD(), without editing the lower layer.  Linux builds its
 * initcalls, its exception table and much else the same way.
 *
 * Mechanism: every registry NAME owns the input sections
 * `.registry.NAME.0` (an empty start marker), `.registry.NAME.1.*` (the
 * entries) and `.registry.NAME.2` (an empty end marker).  The kernel's linker
 * script places all `.registry.*` sections sorted by name into one output
 * section, so each registry's entries end up between its two markers, and a
 * suffix after `.1.` orders entries (initcall levels use it).  Entries are
 * pointers, all 8 bytes, so there is never padding between them.
 */
#ifndef REGISTRY_H
#define REGISTRY_H

#include <compiler.h>
#include <stddef.h>

/**
 * @brief Declare registry @p name of pointers to @p type (in a header).
 * @param type the element type; entries are `const type *`
 * @param name a C identifier naming the registry
 */
#define REGISTRY_DECLARE(type, name)                       \
	extern const type *const __registry_start_##name[]; \
	extern const type *const __registry_end_##name[]

/**
 * @brief Define the start and end markers of registry @p name (in exactly one .c file).
 * @param type the element type, as in REGISTRY_DECLARE()
 * @param name the registry
 */
#define REGISTRY_DEFINE(type, name)                                        \
	const type *const __registry_start_##name[0] __used                 \
		__section(".registry." #name ".0") = {};                    \
	const type *const __registry_end_##name[0] __used                   \
		__section(".registry." #name ".2") = {}

/**
 * @brief Add @p item (an object of the registry's type) to registry @p name.
 * @param name  the registry
 * @param order a decimal digit string; entries sort by it, then by link order
 * @param item  the object to register (its address is stored)
 */
#define REGISTRY_ADD(name, order, item)                                     \
	static const __typeof__(item) *const __registry_entry_##name##_##item \
		__used __aligned(8)                                          \
		__section(".registry." #name ".1." __stringify(order)) = &(item)

/**
 * registry_hide() - Hide a pointer's origin from the optimiser.
 * @param p a pointer
 * @return @p p
 *
 * The start and end markers are distinct zero-length objects; without this
 * GCC may assume a pointer walking from one can never equal the other.
 */
static inline const void *registry_hide(const void *p)
{
	__asm__("" : "+r"(p));
	return p;
}

/**
 * @brief Loop with @p it (a `const type *const *`) over every entry of registry @p name.
 * @param it   the loop variable, declared by the caller
 * @param name the registry
 */
#define registry_for_each(it, name)                                              \
	for ((it) = registry_hide(__registry_start_##name);                       \
	     (it) < (__typeof__(it))registry_hide(__registry_end_##name); (it)++)

/**
 * @brief Number of entries in registry @p name.
 * @param name the registry
 */
#define registry_count(name)                                             \
	((size_t)((const char *)registry_hide(__registry_end_##name) -    \
		  (const char *)registry_hide(__registry_start_##name)) / 8)

#endif /* REGISTRY_H */
