/**
 * @file cpu.h
 * @brief Small wrappers for x86_64 instructions: control registers, MSRs, CPUID, interrupts.
 */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stdint.h>

/** @brief RFLAGS.IF: maskable interrupts enabled. */
#define RFLAGS_IF (1UL << 9)
/** @brief MSR holding the local APIC base address and enable bit. */
#define MSR_APIC_BASE 0x1b
/** @brief Extended feature enable register (LME, NXE, SCE). */
#define MSR_EFER 0xc0000080

/** @brief Enable maskable interrupts. */
static inline void irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

/** @brief Disable maskable interrupts. */
static inline void irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

/** @brief The RFLAGS register. @return its value */
static inline uint64_t read_rflags(void)
{
	uint64_t f;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(f));
	return f;
}

/** @brief Disable interrupts and return the previous RFLAGS. @return what irq_restore() needs */
static inline uint64_t irq_save(void)
{
	uint64_t f = read_rflags();

	irq_disable();
	return f;
}

/** @brief Re-enable interrupts if @p flags (from irq_save()) had them on. @param flags saved RFLAGS */
static inline void irq_restore(uint64_t flags)
{
	if (flags & RFLAGS_IF)
		irq_enable();
}

/** @brief Halt until the next interrupt. */
static inline void cpu_halt(void)
{
	__asm__ __volatile__("hlt" ::: "memory");
}

/** @brief Spin-loop hint to the CPU. */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

/** @brief CR2: the linear address of the last page fault. @return its value */
static inline uint64_t read_cr2(void)
{
	uint64_t v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

/** @brief CR3: the physical address of the top-level page table. @return its value */
static inline uint64_t read_cr3(void)
{
	uint64_t v;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
	return v;
}

/** @brief Read a model-specific register. @param msr its number @return its value */
static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

/** @brief Write a model-specific register. @param msr its number @param v the value */
static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((uint32_t)(v & 0xffffffffU)), "d"((uint32_t)(v >> 32)));
}

/** @brief The time-stamp counter. @return cycles since reset */
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/** @brief Registers returned by cpuid(). */
struct cpuid_regs {
	uint32_t eax; /**< EAX */
	uint32_t ebx; /**< EBX */
	uint32_t ecx; /**< ECX */
	uint32_t edx; /**< EDX */
};

/**
 * cpuid() - Execute CPUID.
 * @param leaf    EAX input
 * @param subleaf ECX input
 * @return the four output registers
 */
static inline struct cpuid_regs cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid_regs r;

	__asm__ __volatile__("cpuid"
			     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			     : "a"(leaf), "c"(subleaf));
	return r;
}

#endif /* ARCH_CPU_H */
