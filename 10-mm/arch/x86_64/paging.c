/*
 * paging.c - the 4-level x86_64 page tables (Intel SDM vol. 3, chapter 4.5).
 *
 * A virtual address splits into four 9-bit indices (PML4, PDPT, PD, PT) and
 * a 12-bit offset.  Every table is one 4 KiB page of 512 entries; an entry
 * holds the physical address of the next table (or of the page) and flags.
 * Intermediate entries are made as permissive as possible (present, write,
 * and user for the user half): the leaf entry alone decides what is allowed.
 */
#include <paging.h>
#include <errno.h>
#include <string.h>

#define ENTRIES 512
#define LEVEL_SHIFT(level) (PAGE_SHIFT + 9 * (level))	/* level 3 = PML4 ... 0 = PT */

static uint64_t (*table_alloc)(void);
static void *(*table_virt)(uint64_t phys);

void pt_set_table_allocator(uint64_t (*alloc)(void), void *(*to_virt)(uint64_t phys))
{
	table_alloc = alloc;
	table_virt = to_virt;
}

static uint64_t *table(uint64_t phys)
{
	return table_virt(phys & PTE_ADDR_MASK);
}

static unsigned int index_of(uint64_t va, int level)
{
	return (va >> LEVEL_SHIFT(level)) & (ENTRIES - 1);
}

/*
 * Walk from the PML4 down to the table of level @stop, creating missing
 * tables when asked.  Returns a pointer to the entry at level @stop, or NULL.
 */
static uint64_t *walk_to(uint64_t pml4, uint64_t va, int stop, int create)
{
	uint64_t *t = table(pml4);

	/* LAB 10 BEGIN page_walk */
	/* LAB STUB: (void)t; return NULL; */
	for (int level = 3; level > stop; level--) {
		uint64_t *e = &t[index_of(va, level)];

		if (!(*e & PTE_PRESENT)) {
			if (!create)
				return NULL;
			uint64_t phys = table_alloc();

			if (!phys)
				return NULL;
			*e = phys | PTE_PRESENT | PTE_WRITE |
			     (va < USER_SPACE_END ? PTE_USER : 0);
		} else if (*e & PTE_PS) {
			return NULL;	/* a large page covers va: no table below */
		}
		t = table(*e);
	}
	return &t[index_of(va, stop)];
	/* LAB 10 END page_walk */
}

uint64_t *pt_walk(uint64_t pml4, uint64_t va, int create)
{
	return walk_to(pml4, va, 0, create);
}

int pt_map(uint64_t pml4, uint64_t va, uint64_t pa, uint64_t flags)
{
	if ((va | pa) & (PAGE_SIZE - 1))
		return -EINVAL;
	uint64_t *e = walk_to(pml4, va, 0, 1);

	if (!e)
		return pt_translate(pml4, va, NULL) != (uint64_t)-1 ? -EINVAL : -ENOMEM;
	if (*e & PTE_PRESENT)
		return -EEXIST;
	*e = pa | flags | PTE_PRESENT;
	return 0;
}

int pt_map_large(uint64_t pml4, uint64_t va, uint64_t pa, uint64_t flags)
{
	if ((va | pa) & (LARGE_PAGE_SIZE - 1))
		return -EINVAL;
	uint64_t *e = walk_to(pml4, va, 1, 1);

	if (!e)
		return -ENOMEM;
	if (*e & PTE_PRESENT)
		return -EEXIST;
	*e = pa | flags | PTE_PRESENT | PTE_PS;
	return 0;
}

uint64_t pt_unmap(uint64_t pml4, uint64_t va)
{
	uint64_t *e = walk_to(pml4, va, 0, 0);
	uint64_t old;

	if (!e || !(*e & PTE_PRESENT))
		return 0;
	old = *e;
	*e = 0;
	return old;
}

uint64_t pt_translate(uint64_t pml4, uint64_t va, uint64_t *flags)
{
	uint64_t *t = table(pml4);

	for (int level = 3; level >= 0; level--) {
		uint64_t e = t[index_of(va, level)];

		if (!(e & PTE_PRESENT))
			return (uint64_t)-1;
		if (level == 0 || (level <= 2 && (e & PTE_PS))) {
			uint64_t size_mask = (1ULL << LEVEL_SHIFT(level)) - 1;

			if (flags)
				*flags = e & ~PTE_ADDR_MASK;
			return (e & PTE_ADDR_MASK & ~size_mask) | (va & size_mask);
		}
		t = table(e);
	}
	return (uint64_t)-1;
}

/* Free a table and, below level 1, the tables it points to (never leaf pages). */
static void free_table(uint64_t phys, int level, void (*free_page)(uint64_t))
{
	uint64_t *t = table(phys);

	if (level > 0) {
		for (int i = 0; i < ENTRIES; i++)
			if ((t[i] & PTE_PRESENT) && !(t[i] & PTE_PS))
				free_table(t[i] & PTE_ADDR_MASK, level - 1, free_page);
	}
	free_page(phys);
}

/* Defined by the page allocator; tables of user space go back to it. */
void pmm_free_table_page(uint64_t phys);

void pt_free_user(uint64_t pml4)
{
	uint64_t *t = table(pml4);

	for (int i = 0; i < ENTRIES / 2; i++) {
		if (t[i] & PTE_PRESENT)
			free_table(t[i] & PTE_ADDR_MASK, 2, pmm_free_table_page);
		t[i] = 0;
	}
}
