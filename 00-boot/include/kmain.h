/**
 * @file kmain.h
 * @brief The kernel's main line after boot, and the hook that decides what runs when booting is done.
 */
#ifndef KMAIN_H
#define KMAIN_H

#include <boot_info.h>
#include <compiler.h>

/**
 * kmain() - Bring the kernel up from a filled boot_info.
 * @param bi the boot information, already copied into kernel memory
 *
 * Order: serial console, banner and memory map, GDT and IDT, command
 * line, init calls, interrupts on; then the tests if `ktest=` was given, else the main hook.
 */
void kmain(struct boot_info *bi) __noreturn;

/**
 * kmain_set_main() - Choose what runs once the kernel is up (a hook point).
 * @param fn runs with interrupts enabled and must not return
 *
 * The default, layer 00's, shows a handled breakpoint and a few seconds of
 * timer ticks, then idles.  A higher layer (20-proc: start init) sets its
 * own from an init call.  The last setter wins.
 */
void kmain_set_main(void (*fn)(void));

/**
 * boot_info_get() - The boot information kmain() was started with.
 * @return a pointer valid for the kernel's lifetime
 */
const struct boot_info *boot_info_get(void);

/**
 * idle_set_hook() - Run @p fn each time the idle loop wakes, before it halts again.
 * @param fn short work that is better done when nothing else runs (layer 10
 *           refills its pre-zeroed page cache); NULL removes it
 */
void idle_set_hook(void (*fn)(void));

/**
 * idle_run_hook() - Run the idle hook once (for an idle loop of a higher layer: the scheduler's).
 */
void idle_run_hook(void);

/**
 * idle_forever() - Halt between interrupts, forever (the idle loop).
 */
void idle_forever(void) __noreturn;

#endif /* KMAIN_H */
