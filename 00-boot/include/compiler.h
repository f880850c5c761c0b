/**
 * @file compiler.h
 * @brief Compiler attributes and small helpers used everywhere in the kernel.
 */
#ifndef COMPILER_H
#define COMPILER_H

#ifdef __CHECKER__
/** @brief Marks a pointer into user space; sparse refuses to dereference it. */
#define __user __attribute__((noderef, address_space(__user)))
/** @brief Marks a deliberate cast between address spaces for sparse. */
#define __force __attribute__((force))
#else
#define __user
#define __force
#endif

/** @brief The function never returns (panic, power-off, the idle loop). */
#define __noreturn __attribute__((noreturn))
/** @brief Keep the object even if nothing references it (registries). */
#define __used __attribute__((used))
/** @brief Place the object in linker section @p s. */
#define __section(s) __attribute__((section(s)))
/** @brief Align the object to @p n bytes. */
#define __aligned(n) __attribute__((aligned(n)))
/** @brief No padding between members (hardware-defined layouts). */
#define __packed __attribute__((packed))
/** @brief printf-style format checking: format string is argument @p f, varargs start at @p a. */
#define __printf(f, a) __attribute__((format(printf, f, a)))

/** @brief Branch prediction hint: @p x is usually true. */
#define likely(x) __builtin_expect(!!(x), 1)
/** @brief Branch prediction hint: @p x is usually false. */
#define unlikely(x) __builtin_expect(!!(x), 0)

/** @brief Number of elements of a true array (not a pointer). */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/** @brief The structure of type @p type whose member @p member is at @p ptr. */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

/** @brief Round @p x up to a multiple of @p a (a power of two). */
#define ALIGN_UP(x, a) (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
/** @brief Round @p x down to a multiple of @p a (a power of two). */
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))

/** @brief Compiler barrier: no memory access is moved across it. */
#define barrier() __asm__ __volatile__("" ::: "memory")

/** @brief Read @p x exactly once (it may change behind the compiler's back). */
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
/** @brief Write @p v to @p x exactly once. */
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/** @brief Turn @p x into a string literal without expanding it. */
#define __stringify_1(x) #x
/** @brief Turn @p x into a string literal after macro expansion. */
#define __stringify(x) __stringify_1(x)

/** @brief Fail the build when @p cond is false. */
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)

#endif /* COMPILER_H */
