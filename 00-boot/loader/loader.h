/*
 * loader.h - what the files of the UEFI loader (BOOTX64.EFI) share.
 *
 * The loader is a gnu-efi application.  It is built with GNU_EFI_USE_MS_ABI,
 * so firmware functions are called directly (BS->AllocatePages(...)) and
 * the compiler uses the Microsoft x64 convention UEFI requires for them;
 * everything else in the loader, efi_main() included, is System V.
 *
 * Private to the loader: the kernel never includes this.
 */
#ifndef LOADER_H
#define LOADER_H

#include <efi.h>
#include <efilib.h>

#include "boot_info.h"

/* console.c: output to the UEFI console and to COM1. */
void console_init(void);
void console_print(const CHAR16 *fmt, ...);
void __attribute__((noreturn)) loader_fail(const CHAR16 *fmt, ...);
void __attribute__((noreturn)) loader_fail_after_exit(const char *msg);

/* file.c: the volume BOOTX64.EFI was loaded from. */
EFI_FILE_HANDLE file_open_root(EFI_HANDLE image);
void *loader_alloc_pages(UINT64 size, UINT64 max_address, const CHAR16 *what);
void loader_free_pages(void *p, UINT64 size);
EFI_STATUS file_load(EFI_FILE_HANDLE root, const CHAR16 *path, UINT64 max_address,
		     void **data, UINT64 *size);
EFI_STATUS file_read_prefix(EFI_FILE_HANDLE root, const CHAR16 *path, char *buf,
			    UINTN cap, UINTN *got);

/* handoff.c: leave the firmware and enter the kernel. */
void __attribute__((noreturn)) handoff(EFI_HANDLE image, struct boot_info *bi,
				       UINT64 entry64);

#endif /* LOADER_H */
