/*
 * initial_stack.c - build the stack image a new program starts with.
 *
 * Two passes: first the size of every piece is added up, each addition
 * checked against the room left, so a huge argument list ends in -E2BIG and
 * never in an overflow; then, knowing every address, the pieces are written.
 * Addresses are user addresses throughout; to_buf() turns one into a
 * position in the kernel buffer.  Writes go through memcpy() because user
 * alignment says nothing about the kernel buffer's.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "initial_stack.h"

/* auxv entries the builder adds: AT_RANDOM, AT_EXECFN, AT_PLATFORM, AT_NULL. */
#define ADDED_AUXV 4

struct stack_writer {
	unsigned char *buf;
	uint64_t base;		/* user address of buf[0] */
};

static unsigned char *to_buf(const struct stack_writer *w, uint64_t addr)
{
	return w->buf + (addr - w->base);
}

static void put_word(const struct stack_writer *w, uint64_t addr, uint64_t v)
{
	memcpy(to_buf(w, addr), &v, sizeof(v));
}

/* Write the @len bytes of @s at @addr; return the address after its NUL
 * (a zero already in place: the buffer is zeroed before anything is
 * written, so the strings need not be NUL-terminated in the kernel). */
static uint64_t put_string(const struct stack_writer *w, uint64_t addr,
			   const char *s, size_t len)
{
	memcpy(to_buf(w, addr), s, len);
	return addr + len + 1;
}

/* Write one auxv pair at *@auxv and step past it. */
static void put_aux(const struct stack_writer *w, uint64_t *auxv,
		    uint64_t type, uint64_t value)
{
	put_word(w, *auxv, type);
	put_word(w, *auxv + 8, value);
	*auxv += 16;
}

/* Claim @n more bytes below the top; -E2BIG once more than @size is used. */
static int take(uint64_t *used, uint64_t n, size_t size)
{
	if (n > size - *used)
		return -E2BIG;
	*used += n;
	return 0;
}

static size_t arg_len(const char *const *strs, const size_t *lens, size_t i)
{
	return lens ? lens[i] : strlen(strs[i]);
}

static int reserved_auxv_type(uint64_t type)
{
	return type == AT_NULL || type == AT_RANDOM || type == AT_EXECFN ||
	       type == AT_PLATFORM;
}

/* Bytes taken by the strings of one vector, NULs included. */
static int take_strings(uint64_t *used, const char *const *strs,
			const size_t *lens, size_t count, size_t size)
{
	for (size_t i = 0; i < count; i++) {
		size_t len = arg_len(strs, lens, i);

		/* len + 1 must not wrap before take() sees it. */
		if (len >= size)
			return -E2BIG;
		if (take(used, len + 1, size))
			return -E2BIG;
	}
	return 0;
}

/* Write the strings of one vector upwards from @addr and their pointers
 * upwards from @ptrs.  The NULL after the pointers is already there: the
 * buffer was zeroed. */
static uint64_t put_vector(const struct stack_writer *w, uint64_t addr,
			   uint64_t ptrs, const char *const *strs,
			   const size_t *lens, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		put_word(w, ptrs + 8 * i, addr);
		addr = put_string(w, addr, strs[i], arg_len(strs, lens, i));
	}
	return addr;
}

int initial_stack_build(void *buf, size_t size, uint64_t stack_top,
			const struct initial_stack_args *a, uint64_t *out_rsp)
{
	struct stack_writer w = { buf, stack_top - size };
	size_t execfn_len = strlen(a->execfn);
	size_t platform_len = a->platform ? strlen(a->platform) : 0;
	uint64_t used = 0, strings, platform, random, auxv, envp, argv, rsp;
	uint64_t words, nr_auxv;
	size_t i;

	if (size > stack_top)
		return -EINVAL;
	/* Each entry takes at least 8 bytes: a count above size cannot fit.
	 * Checked before any array is read, and it keeps the sums below far
	 * from wrapping. */
	if (a->argc > size || a->envc > size || a->auxc > size)
		return -E2BIG;
	for (i = 0; i < a->auxc; i++)
		if (reserved_auxv_type(a->auxv[i].a_type))
			return -EINVAL;

	/* Pass 1: sizes, from the top down. */
	if (take(&used, 8, size) ||		/* end marker */
	    execfn_len >= size || take(&used, execfn_len + 1, size) ||
	    take_strings(&used, a->envp, a->envp_len, a->envc, size) ||
	    take_strings(&used, a->argv, a->argv_len, a->argc, size))
		return -E2BIG;
	strings = stack_top - used;
	if (a->platform &&
	    (platform_len >= size || take(&used, platform_len + 1, size)))
		return -E2BIG;
	platform = stack_top - used;
	if (take(&used, INITIAL_STACK_RANDOM_SIZE, size))
		return -E2BIG;
	random = stack_top - used;

	/* argc, argv[] and NULL, envp[] and NULL, auxv pairs. */
	nr_auxv = a->auxc + ADDED_AUXV - (a->platform ? 0 : 1);
	words = 1 + (a->argc + 1) + (a->envc + 1) + 2 * nr_auxv;
	if (words > size / 8 || take(&used, words * 8, size))
		return -E2BIG;
	/* The psABI wants rsp 16-byte aligned at the entry point; the padding
	 * goes between the random bytes and auxv. */
	if (take(&used, (stack_top - used) & 15, size))
		return -E2BIG;
	rsp = stack_top - used;
	argv = rsp + 8;
	envp = argv + 8 * (a->argc + 1);
	auxv = envp + 8 * (a->envc + 1);

	/* Pass 2: everything fits; write it.  Zero first: padding and the
	 * unused bottom of the buffer must not show old kernel memory, and
	 * the zeroes are also the end marker, every string's NUL, the NULLs
	 * ending argv and envp, and the final (AT_NULL, 0) pair. */
	/* LAB 20 BEGIN initial_stack */
	/* LAB STUB: (void)w; (void)argv; (void)envp; (void)auxv; (void)platform; (void)random; (void)strings; */
	memset(buf, 0, size);
	put_word(&w, rsp, a->argc);
	strings = put_vector(&w, strings, argv, a->argv, a->argv_len, a->argc);
	strings = put_vector(&w, strings, envp, a->envp, a->envp_len, a->envc);
	put_string(&w, strings, a->execfn, execfn_len);
	if (a->platform)
		put_string(&w, platform, a->platform, platform_len);
	memcpy(to_buf(&w, random), a->random, INITIAL_STACK_RANDOM_SIZE);

	for (i = 0; i < a->auxc; i++)
		put_aux(&w, &auxv, a->auxv[i].a_type, a->auxv[i].a_un.a_val);
	put_aux(&w, &auxv, AT_RANDOM, random);
	/* The execfn string is the last one, just under the end marker. */
	put_aux(&w, &auxv, AT_EXECFN, stack_top - 8 - (execfn_len + 1));
	if (a->platform)
		put_aux(&w, &auxv, AT_PLATFORM, platform);
	/* LAB 20 END initial_stack */

	*out_rsp = rsp;
	return 0;
}
