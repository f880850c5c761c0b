/*
 * test_initial_stack.c - initial_stack_build() lays out a stack a C runtime
 * can start from.
 *
 * The checks read the image the way musl's or glibc's start code does:
 * argc at rsp, argv[] after it up to a NULL, envp[] up to a NULL, then auxv
 * pairs up to AT_NULL, following every pointer as a user address.  The
 * buffer is an exact-size allocation, so AddressSanitizer catches a write
 * outside it.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include "../initial_stack.h"
#include <errno.h>
#include <stdint.h>

#define STACK_TOP 0x00007ffffffff000ULL
#define SIZE 4096

static unsigned char *buf;
static size_t buf_size;
static uint64_t rsp;

static const char *const argv[] = { "/bin/prog", "-v", "", "last arg" };
static const char *const envp[] = { "HOME=/root", "PATH=/bin:/usr/bin", "TERM=vt100" };
static const uint8_t random_bytes[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
					  11, 12, 13, 14, 15, 16 };
static const Elf64_auxv_t aux[] = {
	{ AT_PHDR, { 0x400040 } }, { AT_PHENT, { 56 } }, { AT_PHNUM, { 9 } },
	{ AT_PAGESZ, { 4096 } }, { AT_ENTRY, { 0x401000 } }, { AT_BASE, { 0 } },
	{ AT_UID, { 0 } }, { AT_SECURE, { 0 } },
};

static struct initial_stack_args args;

static void reset(size_t size)
{
	free(buf);
	buf_size = size;
	buf = malloc(size);
	memset(buf, 0xa5, size);	/* stands for stale kernel memory */
	args = (struct initial_stack_args){
		.argc = 4, .argv = argv, .envc = 3, .envp = envp,
		.execfn = "/bin/prog", .random = random_bytes,
		.platform = "x86_64", .auxv = aux, .auxc = 8,
	};
}

static int build(void)
{
	return initial_stack_build(buf, buf_size, STACK_TOP, &args, &rsp);
}

/* The buffer byte at user address @addr (which must be in the buffer). */
static void *at(uint64_t addr)
{
	if (addr < STACK_TOP - buf_size || addr >= STACK_TOP) {
		printf("address %#llx outside the stack\n", (unsigned long long)addr);
		abort();
	}
	return buf + (addr - (STACK_TOP - buf_size));
}

static uint64_t word(uint64_t addr)
{
	uint64_t v;

	memcpy(&v, at(addr), sizeof(v));
	return v;
}

/* The string at @addr, which must end (NUL) below the stack top. */
static const char *str(uint64_t addr)
{
	const char *s = at(addr);

	if (!memchr(s, '\0', STACK_TOP - addr)) {
		printf("string at %#llx runs off the stack\n", (unsigned long long)addr);
		abort();
	}
	return s;
}

/* Value of auxv entry @type, walking from @auxv to AT_NULL; -1 if absent. */
static uint64_t auxv_get(uint64_t auxv, uint64_t type)
{
	for (; word(auxv) != AT_NULL; auxv += 16)
		if (word(auxv) == type)
			return word(auxv + 8);
	return (uint64_t)-1;
}

/* Address of the first auxv entry: after argc, argv, NULL, envp, NULL. */
static uint64_t auxv_start(void)
{
	uint64_t p = rsp + 8 * (1 + word(rsp) + 1);

	while (word(p) != 0)
		p += 8;
	return p + 8;
}

HOST_TEST(runtime_walk_finds_argc_argv_and_envp)
{
	uint64_t p;

	reset(SIZE);
	HT_EQ_INT(build(), 0);
	HT_EQ_INT(word(rsp), 4);
	for (int i = 0; i < 4; i++)
		HT_EQ_STR(str(word(rsp + 8 + 8 * i)), argv[i]);
	HT_EQ_INT(word(rsp + 8 + 8 * 4), 0);
	p = rsp + 8 + 8 * 5;
	for (int i = 0; i < 3; i++)
		HT_EQ_STR(str(word(p + 8 * i)), envp[i]);
	HT_EQ_INT(word(p + 8 * 3), 0);
}

HOST_TEST(rsp_is_16_byte_aligned_for_every_vector_length)
{
	/* Each extra pointer shifts the pointer area by 8 bytes, so both
	 * parities of the word count are exercised. */
	for (size_t argc = 0; argc <= 4; argc++) {
		for (size_t envc = 0; envc <= 3; envc++) {
			reset(SIZE);
			args.argc = argc;
			args.envc = envc;
			HT_EQ_INT(build(), 0);
			HT_EQ_INT(rsp % 16, 0);
			HT_EQ_INT(word(rsp), argc);
		}
	}
}

HOST_TEST(caller_auxv_pairs_come_first_in_order)
{
	uint64_t p;

	reset(SIZE);
	HT_EQ_INT(build(), 0);
	p = auxv_start();
	for (int i = 0; i < 8; i++) {
		HT_EQ_INT(word(p + 16 * i), aux[i].a_type);
		HT_EQ_INT(word(p + 16 * i + 8), aux[i].a_un.a_val);
	}
	HT_EQ_INT(auxv_get(p, AT_ENTRY), 0x401000);
}

HOST_TEST(at_random_points_at_the_16_random_bytes)
{
	uint64_t addr;

	reset(SIZE);
	HT_EQ_INT(build(), 0);
	addr = auxv_get(auxv_start(), AT_RANDOM);
	HT_ASSERT(addr != (uint64_t)-1);
	HT_ASSERT(memcmp(at(addr), random_bytes, 16) == 0);
	HT_ASSERT(addr + 16 <= STACK_TOP);
}

HOST_TEST(at_execfn_and_at_platform_point_at_their_strings)
{
	uint64_t execfn, platform;

	reset(SIZE);
	args.execfn = "./prog";		/* the name as given, not argv[0] */
	HT_EQ_INT(build(), 0);
	execfn = auxv_get(auxv_start(), AT_EXECFN);
	platform = auxv_get(auxv_start(), AT_PLATFORM);
	HT_EQ_STR(str(execfn), "./prog");
	HT_EQ_STR(str(platform), "x86_64");
}

HOST_TEST(no_platform_string_means_no_at_platform)
{
	reset(SIZE);
	args.platform = NULL;
	HT_EQ_INT(build(), 0);
	HT_EQ_INT(auxv_get(auxv_start(), AT_PLATFORM), (uint64_t)-1);
	HT_ASSERT(auxv_get(auxv_start(), AT_RANDOM) != (uint64_t)-1);
}

HOST_TEST(strings_sit_above_the_random_bytes_in_linux_order)
{
	uint64_t argv0, envp0, execfn, platform, random;

	reset(SIZE);
	HT_EQ_INT(build(), 0);
	argv0 = word(rsp + 8);
	envp0 = word(rsp + 8 * 6);
	execfn = auxv_get(auxv_start(), AT_EXECFN);
	platform = auxv_get(auxv_start(), AT_PLATFORM);
	random = auxv_get(auxv_start(), AT_RANDOM);
	/* Upwards: random, platform, argv strings, envp strings, execfn,
	 * 8-byte zero end marker at the very top. */
	HT_EQ_INT(platform, random + 16);
	HT_EQ_INT(argv0, platform + strlen("x86_64") + 1);
	HT_EQ_INT(word(rsp + 16), argv0 + strlen(argv[0]) + 1);
	HT_EQ_INT(envp0, word(rsp + 8 * 4) + strlen(argv[3]) + 1);
	HT_EQ_INT(execfn, word(rsp + 8 * 8) + strlen(envp[2]) + 1);
	HT_EQ_INT(execfn + strlen("/bin/prog") + 1, STACK_TOP - 8);
	HT_EQ_INT(word(STACK_TOP - 8), 0);
	/* The auxv (and its AT_NULL pair) ends below the random bytes. */
	HT_ASSERT(auxv_start() + 16 * (8 + 4) <= random);
}

HOST_TEST(explicit_lengths_allow_strings_without_nul)
{
	static const char packed[] = "abcdefXYZ";
	const char *const av[] = { packed, packed + 3 };
	const size_t av_len[] = { 3, 3 };

	reset(SIZE);
	args.argc = 2;
	args.argv = av;
	args.argv_len = av_len;
	HT_EQ_INT(build(), 0);
	HT_EQ_STR(str(word(rsp + 8)), "abc");
	HT_EQ_STR(str(word(rsp + 16)), "def");
}

HOST_TEST(whole_buffer_is_written_no_stale_bytes_remain)
{
	reset(SIZE);
	HT_EQ_INT(build(), 0);
	for (size_t i = 0; i < buf_size; i++)
		if (buf[i] == 0xa5)
			HT_FAIL("stale byte at user address %#llx",
				(unsigned long long)(STACK_TOP - buf_size + i));
}

/* Bytes the default arguments need, found by building with room to spare. */
static size_t needed(void)
{
	reset(SIZE);
	if (build() != 0)
		abort();
	return STACK_TOP - rsp;
}

HOST_TEST(exact_fit_succeeds_and_one_byte_less_is_e2big)
{
	size_t need = needed();

	reset(need);
	HT_EQ_INT(build(), 0);
	HT_EQ_INT(rsp, STACK_TOP - need);
	reset(need - 1);
	HT_EQ_INT(build(), -E2BIG);
	for (size_t i = 0; i < buf_size; i++)	/* untouched on failure */
		HT_EQ_INT(buf[i], 0xa5);
}

HOST_TEST(huge_string_length_is_e2big_not_overflow)
{
	const size_t huge[] = { SIZE_MAX, 1 };
	const char *const av[] = { "x", "y" };

	reset(SIZE);
	args.argc = 2;
	args.argv = av;
	args.argv_len = huge;
	HT_EQ_INT(build(), -E2BIG);
}

HOST_TEST(huge_counts_are_e2big_before_any_array_is_read)
{
	/* The arrays hold 4, 3 and 8 entries: ASan would catch a read of
	 * entry SIZE_MAX / 8, and 8 * count would wrap. */
	reset(SIZE);
	args.argc = SIZE_MAX / 8 + 2;
	HT_EQ_INT(build(), -E2BIG);
	reset(SIZE);
	args.envc = SIZE_MAX / 16 + 1;
	HT_EQ_INT(build(), -E2BIG);
	reset(SIZE);
	args.auxc = SIZE_MAX / 16 + 1;
	HT_EQ_INT(build(), -E2BIG);
}

HOST_TEST(many_arguments_fill_the_stack_then_e2big)
{
	static const char *many[200];

	for (int i = 0; i < 200; i++)
		many[i] = "0123456789";		/* 11 bytes + 8-byte pointer */
	reset(SIZE);
	args.argv = many;
	args.argc = 150;	/* about 2.9 KiB */
	HT_EQ_INT(build(), 0);
	HT_EQ_INT(word(rsp), 150);
	HT_EQ_STR(str(word(rsp + 8 * 150)), "0123456789");
	args.argc = 200;	/* about 3.8 KiB plus the rest: too much */
	HT_EQ_INT(build(), -E2BIG);
}

HOST_TEST(rejects_auxv_types_the_builder_adds_itself)
{
	static const uint64_t reserved[] = { AT_NULL, AT_RANDOM, AT_EXECFN, AT_PLATFORM };

	for (int i = 0; i < 4; i++) {
		Elf64_auxv_t bad[2] = { { AT_PAGESZ, { 4096 } }, { reserved[i], { 1 } } };

		reset(SIZE);
		args.auxv = bad;
		args.auxc = 2;
		HT_EQ_INT(build(), -EINVAL);
	}
}

HOST_TEST(rejects_buffer_larger_than_the_address_space_below_top)
{
	reset(SIZE);
	HT_EQ_INT(initial_stack_build(buf, SIZE, SIZE - 1, &args, &rsp), -EINVAL);
}
