/*
 * ktest_ksyms.c - the kernel's symbol table, which every backtrace relies on,
 * is complete, sorted and named, and finds functions both ways.
 */
#include <ktest.h>
#include <kmain.h>
#include <ksyms.h>
#include <string.h>
#include <arch/layout.h>

KTEST(ksyms_table_is_sorted_and_every_entry_named)
{
	uint64_t prev = 0, addr;

	KT_ASSERT(ksyms_count() > 50);
	for (uint64_t i = 0; i < ksyms_count(); i++) {
		const char *name = ksyms_entry(i, &addr);

		KT_ASSERT(name != NULL);
		if (name[0] == '\0' || addr < prev) {
			ktest_fail(__FILE__, __LINE__, "entry %llu: '%s' at %#llx after %#llx",
				   (unsigned long long)i, name, (unsigned long long)addr,
				   (unsigned long long)prev);
			return;
		}
		prev = addr;
	}
}

KTEST(ksyms_finds_functions_by_address_and_by_name)
{
	uint64_t off = 99;

	KT_EQ(ksyms_address("kmain"), (uint64_t)kmain);
	KT_STREQ(ksyms_lookup((uint64_t)kmain, &off), "kmain");
	KT_EQ(off, 0);
	KT_STREQ(ksyms_lookup((uint64_t)kmain + 5, &off), "kmain");
	KT_EQ(off, 5);
	KT_ASSERT(ksyms_lookup((uint64_t)_etext + 16, NULL) == NULL);	/* not text */
	KT_EQ(ksyms_address("no_such_function_anywhere"), 0);
}
