/**
 * @file initial_stack.h
 * @brief The stack a new program finds at its entry point: argc, argv, envp, auxv.
 *
 * At the entry point of a program (or of its interpreter) rsp points at argc
 * and everything the C runtime needs lies above it, as the x86-64 psABI
 * ("Process Initialization") and Linux (fs/binfmt_elf.c, create_elf_tables)
 * lay it out.  From the top of the stack down:
 *
 *	stack_top ->  +------------------------------+
 *	              | 8 zero bytes (end marker)    |
 *	              | execfn string                |  <- AT_EXECFN
 *	              | envp[envc-1] string ...      |
 *	              | envp[0] string               |  strings: NUL-terminated,
 *	              | argv[argc-1] string ...      |  in order upwards
 *	              | argv[0] string               |
 *	              | platform string "x86_64"     |  <- AT_PLATFORM
 *	              | 16 random bytes              |  <- AT_RANDOM
 *	              | zero padding (to 16 bytes)   |
 *	              | AT_NULL, 0                   |
 *	              | AT_PLATFORM, AT_EXECFN,      |  auxv: (type, value) pairs
 *	              | AT_RANDOM, caller's pairs    |  of 8 bytes each
 *	              | NULL                         |
 *	              | envp[envc-1] ... envp[0]     |  pointers to the strings
 *	              | NULL                         |
 *	              | argv[argc-1] ... argv[0]     |
 *	 final rsp -> | argc                         |  16-byte aligned
 *	              +------------------------------+
 *
 * (In memory, upwards from rsp: argc, argv[0..argc-1], NULL, envp[0..envc-1],
 * NULL, auxv pairs, AT_NULL pair.)
 *
 * The image is built in a kernel buffer that stands for the top @p size
 * bytes of the user stack, i.e. buffer byte i is user address
 * stack_top - size + i; every pointer written is a user address.  The
 * caller then copies the buffer (or maps its pages) at that place.
 *
 * Pure C, no kernel calls; may be called anywhere.
 */
#ifndef EXEC_INITIAL_STACK_H
#define EXEC_INITIAL_STACK_H

#include <stddef.h>
#include <stdint.h>

#include "../include/elf.h"

/** @brief Size of the AT_RANDOM block. */
#define INITIAL_STACK_RANDOM_SIZE 16

/** @brief What goes on the initial stack; every string is in kernel memory. */
struct initial_stack_args {
	size_t argc;			/**< entries in argv */
	const char *const *argv;	/**< argument strings */
	const size_t *argv_len;		/**< their lengths without NUL, or NULL to use strlen() */
	size_t envc;			/**< entries in envp */
	const char *const *envp;	/**< environment strings */
	const size_t *envp_len;		/**< their lengths without NUL, or NULL to use strlen() */
	const char *execfn;		/**< file name given to execve, NUL-terminated (AT_EXECFN) */
	const uint8_t *random;		/**< INITIAL_STACK_RANDOM_SIZE random bytes (AT_RANDOM) */
	const char *platform;		/**< "x86_64" for AT_PLATFORM, or NULL for none */
	const Elf64_auxv_t *auxv;	/**< the caller's pairs (AT_PHDR, AT_ENTRY, ...) */
	size_t auxc;			/**< entries in auxv, AT_NULL not included */
};

/**
 * initial_stack_build() - Lay out argc, argv, envp, auxv and their strings.
 * @param buf       kernel buffer standing for user addresses [stack_top - size, stack_top)
 * @param size      bytes in @p buf, at most @p stack_top
 * @param stack_top user address just above the stack (page aligned in practice)
 * @param a         what to place; see struct initial_stack_args
 * @param out_rsp   set to the user address of argc: the program's initial rsp
 * @return 0; -E2BIG if the image does not fit in @p size bytes (@p buf is then
 *         unchanged); -EINVAL if size > stack_top or @p a->auxv holds AT_NULL,
 *         AT_RANDOM, AT_EXECFN or AT_PLATFORM, which the builder adds itself
 *
 * The auxv on the stack is the caller's pairs in order, then AT_RANDOM,
 * AT_EXECFN, AT_PLATFORM (if a->platform) and AT_NULL.  On success every byte
 * of @p buf is written (zero where nothing is placed), so the whole buffer
 * can be copied to user memory without leaking kernel data.
 */
int initial_stack_build(void *buf, size_t size, uint64_t stack_top,
			const struct initial_stack_args *a, uint64_t *out_rsp);

#endif /* EXEC_INITIAL_STACK_H */
