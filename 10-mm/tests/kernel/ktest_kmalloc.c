/*
 * ktest_kmalloc.c - kmalloc gives distinct, aligned, usable memory of
 * every size; kfree refuses what kmalloc did not hand out.
 */
#include <ktest.h>
#include <kmalloc.h>
#include <pmm.h>
#include <string.h>
#include <arch/mmu.h>

KTEST(kmalloc_every_size_class_and_large_blocks_are_usable)
{
	static const size_t sizes[] = { 1, 16, 17, 64, 100, 256, 1000, 2048, 2049, 4096, 10000, 70000 };
	void *p[sizeof(sizes) / sizeof(sizes[0])];

	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p[i] = kmalloc(sizes[i]);
		KT_ASSERT(p[i]);
		KT_EQ((uint64_t)p[i] & 15, 0);
		memset(p[i], i + 1, sizes[i]);
	}
	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		const uint8_t *b = p[i];

		KT_EQ(b[0], i + 1);
		KT_EQ(b[sizes[i] - 1], i + 1);	/* nobody overlapped it */
		kfree(p[i]);
	}
	KT_EQ(((uint64_t)kmalloc(0)), 16);	/* ZERO_SIZE_PTR, as Linux */
}

KTEST(kfree_of_foreign_pointer_is_caught)
{
	static char not_ours[64];
	unsigned long e0 = kmalloc_errors();
	char *p = kmalloc(64);
	void *big = kmalloc(3 * PAGE_SIZE);

	KT_ASSERT(p && big);
	kfree(not_ours);		/* a static buffer */
	kfree(p + 8);			/* the middle of an object */
	kfree(p);
	kfree(p);			/* twice */
	kfree((char *)big + PAGE_SIZE);	/* inside a large block */
	uint64_t page = pmm_alloc(0);	/* a page that kmalloc never saw */

	kfree(phys_to_virt(page));
	pmm_free(page, 0);
	kfree(big);
	KT_EQ(kmalloc_errors() - e0, 5);
}

KTEST(kmalloc_stress_keeps_objects_apart)
{
	static struct { uint32_t *p; size_t n; } live[512];
	uint64_t seed = 99;

	memset(live, 0, sizeof(live));
	for (int op = 0; op < 20000; op++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		unsigned int slot = (seed >> 33) % 512;
		size_t size = 4 + (seed >> 45) % 3000;

		if (live[slot].p) {
			for (size_t i = 0; i < live[slot].n; i++)
				KT_EQ(live[slot].p[i], slot * 100000 + i);
			kfree(live[slot].p);
			live[slot].p = NULL;
		} else {
			live[slot].p = kmalloc(size * 4);
			KT_ASSERT(live[slot].p);
			live[slot].n = size;
			for (size_t i = 0; i < size; i++)
				live[slot].p[i] = slot * 100000 + i;
		}
	}
	for (int i = 0; i < 512; i++)
		kfree(live[i].p);
}
