/*
 * test_cpio.c - the newc parser walks well-formed archives and refuses
 * every kind of damage with a reason and the offset of the bad header.
 */
#include "../../../00-boot/tests/host/host_test.h"
#include <errno.h>
#include "../cpio.h"
#include "cpio_builder.h"

static struct cpio_builder sample(void)
{
	struct cpio_builder b = { 0 };

	cb_entry(&b, "bin", 0040755, "", 0);
	cb_entry(&b, "bin/hello", 0100644, "hello\n", 6);
	cb_entry(&b, "bin/sh", 0120777, "busybox", 7);
	cb_trailer(&b);
	return b;
}

/* Parse all of @buf; the number of members, or the negative error. */
static int count_entries(const void *buf, size_t len, struct cpio_reader *r)
{
	struct cpio_entry e;
	int n = 0, ret;

	cpio_reader_init(r, buf, len);
	while ((ret = cpio_next(r, &e)) > 0)
		n++;
	return ret < 0 ? ret : n;
}

HOST_TEST(cpio_reads_every_member_with_its_fields_and_data)
{
	struct cpio_builder b = sample();
	struct cpio_reader r;
	struct cpio_entry e;

	cpio_reader_init(&r, b.buf, b.len);
	HT_EQ_INT(cpio_next(&r, &e), 1);
	HT_EQ_STR(e.name, "bin");
	HT_EQ_INT(e.mode, 0040755);
	HT_EQ_INT(e.uid, 1000);
	HT_EQ_INT(e.gid, 100);
	HT_EQ_INT(e.mtime, 1700000000);
	HT_EQ_INT(e.size, 0);
	HT_EQ_INT(e.offset, 0);
	HT_EQ_INT(cpio_next(&r, &e), 1);
	HT_EQ_STR(e.name, "bin/hello");
	HT_EQ_INT(e.name_len, 9);
	HT_EQ_INT(e.size, 6);
	HT_ASSERT(memcmp(e.data, "hello\n", 6) == 0);
	HT_EQ_INT(e.offset % 4, 0);
	HT_EQ_INT(cpio_next(&r, &e), 1);
	HT_EQ_STR(e.name, "bin/sh");
	HT_ASSERT(memcmp(e.data, "busybox", 7) == 0);
	HT_EQ_INT(cpio_next(&r, &e), 0);	/* the trailer ends it */
	HT_EQ_INT(cpio_next(&r, &e), 0);	/* and stays ended */
	cb_free(&b);
}

HOST_TEST(cpio_aligns_names_and_data_of_every_length_modulo_4)
{
	struct cpio_builder b = { 0 };
	struct cpio_reader r;
	struct cpio_entry e;
	const char *names[] = { "a", "ab", "abc", "abcd", "abcde" };

	for (int i = 0; i < 5; i++)
		cb_entry(&b, names[i], 0100600, "0123456", i + 1);
	cb_trailer(&b);
	cpio_reader_init(&r, b.buf, b.len);
	for (int i = 0; i < 5; i++) {
		HT_EQ_INT(cpio_next(&r, &e), 1);
		HT_EQ_STR(e.name, names[i]);
		HT_EQ_INT(e.size, i + 1);
		HT_ASSERT(memcmp(e.data, "0123456", i + 1) == 0);
	}
	HT_EQ_INT(cpio_next(&r, &e), 0);
	cb_free(&b);
}

HOST_TEST(cpio_accepts_padding_and_a_second_archive_after_the_trailer)
{
	struct cpio_builder b = sample();
	struct cpio_reader r;
	static const unsigned char zeros[512];

	cb_put(&b, zeros, sizeof(zeros));
	cb_entry(&b, "etc", 0040755, "", 0);
	cb_trailer(&b);
	cb_put(&b, zeros, 3);
	HT_EQ_INT(count_entries(b.buf, b.len, &r), 4);
	cb_free(&b);
}

HOST_TEST(cpio_refuses_a_bad_magic_with_its_offset)
{
	struct cpio_builder b = sample();
	struct cpio_reader r;
	size_t second = 116;	/* "bin\0" ends at 114, padded to 116; no data */

	b.buf[second + 4] = '9';
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	HT_EQ_INT(r.error_off, second);
	HT_ASSERT(strstr(r.error, "magic") != NULL);
	HT_EQ_STR(r.last_name, "bin");
	cb_free(&b);
}

HOST_TEST(cpio_refuses_a_field_that_is_not_hex)
{
	struct cpio_builder b = sample();
	struct cpio_reader r;

	b.buf[6 + 8 * 6 + 3] = 'g';	/* filesize of the first member */
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	HT_EQ_INT(r.error_off, 0);
	HT_ASSERT(strstr(r.error, "hex") != NULL);
	cb_free(&b);
}

HOST_TEST(cpio_refuses_every_truncation)
{
	struct cpio_builder b = sample();
	struct cpio_reader r;
	size_t trailer_start = b.len - 124;	/* 110 + 11 name -> 124 */

	/* Cut anywhere before the trailer's name is complete: always an error. */
	for (size_t len = 0; len < trailer_start + 110 + 11; len++) {
		int ret = count_entries(b.buf, len, &r);

		if (ret != -EINVAL)
			HT_FAIL("length %zu: got %d", len, ret);
		HT_ASSERT(r.error != NULL);
	}
	cb_free(&b);
}

HOST_TEST(cpio_refuses_input_that_ends_without_a_trailer)
{
	struct cpio_builder b = { 0 };
	struct cpio_reader r;

	cb_entry(&b, "init", 0100755, "#!", 2);
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	HT_ASSERT(strstr(r.error, "TRAILER") != NULL);
	HT_EQ_INT(count_entries(b.buf, 0, &r), -EINVAL);
	cb_free(&b);
}

HOST_TEST(cpio_refuses_a_name_whose_nul_is_not_where_namesize_says)
{
	struct cpio_builder b = sample();
	struct cpio_reader r;

	b.buf[110 + 3] = 'X';	/* "bin\0" -> "binX" */
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	HT_ASSERT(strstr(r.error, "NUL") != NULL);
	cb_free(&b);

	b = sample();
	b.buf[110 + 1] = '\0';	/* a NUL inside the name */
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	cb_free(&b);
}

HOST_TEST(cpio_refuses_sizes_that_run_past_the_end)
{
	struct cpio_builder b = sample();
	struct cpio_reader r;

	memcpy(b.buf + 6 + 8 * 6, "7FFFFFFF", 8);	/* filesize */
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	HT_ASSERT(strstr(r.error, "past the end") != NULL);
	cb_free(&b);

	b = sample();
	memcpy(b.buf + 6 + 8 * 11, "FFFFFFFF", 8);	/* namesize */
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	cb_free(&b);

	b = sample();
	memcpy(b.buf + 6 + 8 * 11, "00000000", 8);
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	HT_ASSERT(strstr(r.error, "empty") != NULL);
	cb_free(&b);
}

HOST_TEST(cpio_refuses_gzip_with_a_reason)
{
	static const unsigned char gz[200] = { 0x1f, 0x8b, 8, 0 };
	struct cpio_reader r;

	HT_EQ_INT(count_entries(gz, sizeof(gz), &r), -EINVAL);
	HT_ASSERT(strstr(r.error, "gzip") != NULL);
}

HOST_TEST(cpio_checks_the_070702_checksum)
{
	struct cpio_builder b = { 0 };
	struct cpio_reader r;

	cb_entry_full(&b, "070702", "f", 0100644, 5, 1, 0, 0, "abc", 3);
	cb_trailer(&b);
	HT_EQ_INT(count_entries(b.buf, b.len, &r), 1);
	b.buf[112] ^= 1;	/* "abc" starts at 112 (110 + "f\0") */
	HT_EQ_INT(count_entries(b.buf, b.len, &r), -EINVAL);
	HT_ASSERT(strstr(r.error, "checksum") != NULL);
	cb_free(&b);
}

HOST_TEST(cpio_survives_random_corruption)
{
	struct cpio_builder b = sample();
	uint64_t seed = 12345;

	for (int round = 0; round < 20000; round++) {
		unsigned char *copy = malloc(b.len);
		struct cpio_reader r;
		int ret;

		memcpy(copy, b.buf, b.len);
		for (int k = 0; k < 3; k++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			copy[(seed >> 33) % b.len] = (unsigned char)(seed >> 20);
		}
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		ret = count_entries(copy, (seed >> 33) % (b.len + 1), &r);
		free(copy);
		if (ret < 0 && !r.error)
			HT_FAIL("round %d: error without a reason", round);
		if (ret > 3)
			HT_FAIL("round %d: %d members from an archive of 3", round, ret);
	}
	cb_free(&b);
}
