/**
 * @file elf.h
 * @brief The ELF64 file format as execve(2) reads it, and the auxiliary vector.
 *
 * Layouts and values come from the System V gABI ("ELF Header", "Program
 * Header") and the x86-64 psABI ("Auxiliary Vector"); the AT_* numbers are
 * the ones Linux passes (its include/uapi/linux/auxvec.h and the x86
 * additions), since user programs are built against those.
 *
 * The names are the standard ones (Elf64_Ehdr, PT_LOAD, AT_PHDR, ...), so a
 * student can check any of them against readelf(1), elf(5) or getauxval(3).
 *
 * A host build note: on the host, <elf.h> finds the C library's own header
 * first (the kernel's headers come after the system's), which declares the
 * same names with the same values.  Code that must see this file on both
 * sides (20-proc/exec/) includes it by its relative path.
 *
 * Only types and constants: nothing here runs.
 */
#ifndef STRATA_ELF_H
#define STRATA_ELF_H

#include <stdint.h>

/** @name ELF64 scalar types (gABI "Data Representation") */
/**@{*/
typedef uint64_t Elf64_Addr;	/**< a virtual address */
typedef uint64_t Elf64_Off;	/**< a file offset */
typedef uint16_t Elf64_Half;	/**< 16-bit unsigned field */
typedef uint32_t Elf64_Word;	/**< 32-bit unsigned field */
typedef int32_t Elf64_Sword;	/**< 32-bit signed field */
typedef uint64_t Elf64_Xword;	/**< 64-bit unsigned field */
typedef int64_t Elf64_Sxword;	/**< 64-bit signed field */
/**@}*/

/** @name e_ident[]: the machine-independent first 16 bytes */
/**@{*/
#define EI_NIDENT	16	/**< size of e_ident[] */
#define EI_MAG0		0	/**< index of ELFMAG0 */
#define EI_MAG1		1	/**< index of ELFMAG1 */
#define EI_MAG2		2	/**< index of ELFMAG2 */
#define EI_MAG3		3	/**< index of ELFMAG3 */
#define EI_CLASS	4	/**< index of the word size: ELFCLASS32/64 */
#define EI_DATA		5	/**< index of the byte order: ELFDATA2LSB/MSB */
#define EI_VERSION	6	/**< index of the ident version: EV_CURRENT */
#define EI_OSABI	7	/**< index of the OS ABI (0 = System V, also used by Linux) */
#define EI_ABIVERSION	8	/**< index of the ABI version */

#define ELFMAG0		0x7f	/**< magic byte 0 */
#define ELFMAG1		'E'	/**< magic byte 1 */
#define ELFMAG2		'L'	/**< magic byte 2 */
#define ELFMAG3		'F'	/**< magic byte 3 */
#define ELFMAG		"\177ELF" /**< the four magic bytes as a string */
#define SELFMAG		4	/**< length of ELFMAG */

#define ELFCLASSNONE	0	/**< invalid class */
#define ELFCLASS32	1	/**< 32-bit objects */
#define ELFCLASS64	2	/**< 64-bit objects: the only ones Strata runs */

#define ELFDATANONE	0	/**< invalid byte order */
#define ELFDATA2LSB	1	/**< little-endian: x86_64 */
#define ELFDATA2MSB	2	/**< big-endian */

#define EV_NONE		0	/**< invalid version */
#define EV_CURRENT	1	/**< the only version, in e_ident[EI_VERSION] and e_version */
/**@}*/

/** @name e_type: the kind of object file */
/**@{*/
#define ET_NONE		0	/**< no type */
#define ET_REL		1	/**< relocatable (.o): not runnable */
#define ET_EXEC		2	/**< executable linked for fixed addresses */
#define ET_DYN		3	/**< shared object: a PIE program or ld.so, loaded at any address */
#define ET_CORE		4	/**< core dump */
/**@}*/

/** @brief e_machine of AMD x86-64 objects. */
#define EM_X86_64	62

/** @brief The ELF file header, at offset 0 of every ELF64 file. */
typedef struct {
	unsigned char e_ident[EI_NIDENT]; /**< magic, class, byte order, version, OS ABI */
	Elf64_Half e_type;	/**< ET_EXEC, ET_DYN, ... */
	Elf64_Half e_machine;	/**< EM_X86_64 */
	Elf64_Word e_version;	/**< EV_CURRENT */
	Elf64_Addr e_entry;	/**< entry point (relative to the load address for ET_DYN) */
	Elf64_Off e_phoff;	/**< file offset of the program header table */
	Elf64_Off e_shoff;	/**< file offset of the section header table (unused by exec) */
	Elf64_Word e_flags;	/**< processor flags: none defined for x86-64 */
	Elf64_Half e_ehsize;	/**< size of this header: 64 */
	Elf64_Half e_phentsize;	/**< size of one program header: 56 */
	Elf64_Half e_phnum;	/**< number of program headers */
	Elf64_Half e_shentsize;	/**< size of one section header */
	Elf64_Half e_shnum;	/**< number of section headers */
	Elf64_Half e_shstrndx;	/**< section holding the section names */
} Elf64_Ehdr;

/** @name p_type: what a program header describes */
/**@{*/
#define PT_NULL		0	/**< unused entry */
#define PT_LOAD		1	/**< a segment to map: file bytes, then zeroes up to p_memsz */
#define PT_DYNAMIC	2	/**< the dynamic linking table */
#define PT_INTERP	3	/**< path of the program interpreter (ld.so), NUL-terminated */
#define PT_NOTE		4	/**< notes */
#define PT_SHLIB	5	/**< reserved */
#define PT_PHDR		6	/**< the program header table itself, as mapped in memory */
#define PT_TLS		7	/**< the thread-local storage template */
#define PT_GNU_EH_FRAME	0x6474e550 /**< exception-handling frame table */
#define PT_GNU_STACK	0x6474e551 /**< p_flags give the stack's protection (PF_X or not) */
#define PT_GNU_RELRO	0x6474e552 /**< made read-only after relocation (by ld.so) */
#define PT_GNU_PROPERTY	0x6474e553 /**< GNU property notes (e.g. CET) */
/**@}*/

/** @name p_flags: the protection a PT_LOAD segment asks for */
/**@{*/
#define PF_X		0x1	/**< executable (note: PROT_EXEC is 4, not 1) */
#define PF_W		0x2	/**< writable */
#define PF_R		0x4	/**< readable (note: PROT_READ is 1, not 4) */
/**@}*/

/** @brief One program header: one segment or piece of loading information. */
typedef struct {
	Elf64_Word p_type;	/**< PT_LOAD, PT_INTERP, ... */
	Elf64_Word p_flags;	/**< PF_R | PF_W | PF_X */
	Elf64_Off p_offset;	/**< file offset of the segment's first byte */
	Elf64_Addr p_vaddr;	/**< virtual address of its first byte */
	Elf64_Addr p_paddr;	/**< physical address: ignored for user programs */
	Elf64_Xword p_filesz;	/**< bytes taken from the file */
	Elf64_Xword p_memsz;	/**< bytes in memory (>= p_filesz; the rest is zero) */
	Elf64_Xword p_align;	/**< alignment; p_vaddr == p_offset modulo this */
} Elf64_Phdr;

/** @name a_type: auxiliary vector entries, with Linux's numbers */
/**@{*/
#define AT_NULL		0	/**< end of the vector */
#define AT_IGNORE	1	/**< entry to ignore */
#define AT_EXECFD	2	/**< fd of the program (not passed by Linux) */
#define AT_PHDR		3	/**< user address of the program's program headers */
#define AT_PHENT	4	/**< size of one program header */
#define AT_PHNUM	5	/**< number of program headers */
#define AT_PAGESZ	6	/**< page size */
#define AT_BASE		7	/**< load address of the interpreter (0 without one) */
#define AT_FLAGS	8	/**< flags (always 0) */
#define AT_ENTRY	9	/**< the program's entry point (after relocation) */
#define AT_NOTELF	10	/**< the program is not ELF */
#define AT_UID		11	/**< real user id */
#define AT_EUID		12	/**< effective user id */
#define AT_GID		13	/**< real group id */
#define AT_EGID		14	/**< effective group id */
#define AT_PLATFORM	15	/**< user address of the platform string ("x86_64") */
#define AT_HWCAP	16	/**< CPU capability bits (CPUID leaf 1 EDX on x86) */
#define AT_CLKTCK	17	/**< ticks per second of times(2) */
#define AT_SECURE	23	/**< 1 if the program runs set-user-id or set-group-id */
#define AT_BASE_PLATFORM 24	/**< user address of the real platform string */
#define AT_RANDOM	25	/**< user address of 16 random bytes */
#define AT_HWCAP2	26	/**< more CPU capability bits */
#define AT_EXECFN	31	/**< user address of the file name given to execve */
#define AT_SYSINFO_EHDR	33	/**< user address of the vDSO's ELF header */
#define AT_MINSIGSTKSZ	51	/**< smallest signal stack the kernel needs */
/**@}*/

/**
 * @brief One auxiliary vector entry, as the psABI lays it out on the stack:
 * a type (AT_*) and a value, both 8 bytes.
 */
typedef struct {
	uint64_t a_type;	/**< AT_* */
	union {
		uint64_t a_val;	/**< the value (a number or a user address) */
	} a_un;			/**< value, a union as in the psABI and glibc */
} Elf64_auxv_t;

#endif /* STRATA_ELF_H */
