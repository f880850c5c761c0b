/*
 * file.c - reading files from the volume the loader itself came from.
 *
 * The kernel lives next to BOOTX64.EFI on the EFI system partition, so the
 * loader asks for its own EFI_LOADED_IMAGE_PROTOCOL, takes the DeviceHandle
 * it was loaded from, and opens that volume's EFI_SIMPLE_FILE_SYSTEM_PROTOCOL
 * (UEFI spec, "File Protocols").  Any error other than "file not found"
 * stops the loader with a message; whether a missing file is fatal is the
 * caller's decision.
 */
#include "loader.h"

/* Read in pieces: some firmware file systems fail on very large reads. */
#define READ_CHUNK (4 * 1024 * 1024)

EFI_FILE_HANDLE file_open_root(EFI_HANDLE image)
{
	EFI_LOADED_IMAGE *self;
	EFI_FILE_HANDLE root;
	EFI_STATUS status;

	status = BS->HandleProtocol(image, &LoadedImageProtocol, (void **)&self);
	if (EFI_ERROR(status))
		loader_fail(L"cannot find the loader's own image (%r)\r\n", status);
	root = LibOpenRoot(self->DeviceHandle);
	if (!root)
		loader_fail(L"cannot open the file system BOOTX64.EFI was loaded from\r\n");
	return root;
}

/* Pages of EfiLoaderData at or below @max_address (inclusive); stops the
 * loader if the firmware has none.  The kernel finds them as
 * BOOT_MEM_BOOTLOADER in its memory map. */
void *loader_alloc_pages(UINT64 size, UINT64 max_address, const CHAR16 *what)
{
	EFI_PHYSICAL_ADDRESS addr = max_address;
	EFI_STATUS status;

	status = BS->AllocatePages(AllocateMaxAddress, EfiLoaderData,
				   EFI_SIZE_TO_PAGES(size), &addr);
	if (EFI_ERROR(status))
		loader_fail(L"%s: cannot allocate %ld bytes below 0x%lx (%r)\r\n",
			    what, size, max_address, status);
	return (void *)(UINTN)addr;
}

void loader_free_pages(void *p, UINT64 size)
{
	BS->FreePages((EFI_PHYSICAL_ADDRESS)(UINTN)p, EFI_SIZE_TO_PAGES(size));
}

/* Open @path for reading; its size in *@size.  Stops on errors other than
 * EFI_NOT_FOUND, which it returns. */
static EFI_STATUS file_open(EFI_FILE_HANDLE root, const CHAR16 *path,
			    EFI_FILE_HANDLE *fh, UINT64 *size)
{
	EFI_FILE_INFO *info;
	EFI_STATUS status;
	int is_dir;

	status = root->Open(root, fh, (CHAR16 *)path, EFI_FILE_MODE_READ, 0);
	if (status == EFI_NOT_FOUND)
		return status;
	if (EFI_ERROR(status))
		loader_fail(L"%s: cannot open (%r)\r\n", path, status);
	info = LibFileInfo(*fh);
	if (!info)
		loader_fail(L"%s: cannot read its size\r\n", path);
	*size = info->FileSize;
	is_dir = (info->Attribute & EFI_FILE_DIRECTORY) != 0;
	FreePool(info);
	if (is_dir)
		loader_fail(L"%s: is a directory, not a file\r\n", path);
	return EFI_SUCCESS;
}

/* Read exactly @size bytes; a file that ends early is an error. */
static EFI_STATUS read_exact(EFI_FILE_HANDLE fh, void *buf, UINT64 size)
{
	UINT8 *p = buf;
	EFI_STATUS status;
	UINTN chunk;

	while (size) {
		chunk = size < READ_CHUNK ? size : READ_CHUNK;
		status = fh->Read(fh, &chunk, p);
		if (EFI_ERROR(status))
			return status;
		if (chunk == 0)
			return EFI_END_OF_FILE;
		p += chunk;
		size -= chunk;
	}
	return EFI_SUCCESS;
}

/*
 * Read the whole of @path into fresh pages at or below @max_address.
 * Returns EFI_NOT_FOUND if there is no such file (*data NULL, *size 0);
 * an empty file also gives *data NULL.  Stops the loader on other errors.
 */
EFI_STATUS file_load(EFI_FILE_HANDLE root, const CHAR16 *path, UINT64 max_address,
		     void **data, UINT64 *size)
{
	EFI_FILE_HANDLE fh;
	EFI_STATUS status;

	*data = NULL;
	*size = 0;
	status = file_open(root, path, &fh, size);
	if (EFI_ERROR(status))
		return status;
	if (*size) {
		*data = loader_alloc_pages(*size, max_address, path);
		status = read_exact(fh, *data, *size);
		if (EFI_ERROR(status))
			loader_fail(L"%s: read error (%r)\r\n", path, status);
	}
	fh->Close(fh);
	return EFI_SUCCESS;
}

/* Read at most @cap bytes from the start of @path into @buf; the count in
 * *@got.  Returns EFI_NOT_FOUND if there is no such file. */
EFI_STATUS file_read_prefix(EFI_FILE_HANDLE root, const CHAR16 *path, char *buf,
			    UINTN cap, UINTN *got)
{
	EFI_FILE_HANDLE fh;
	EFI_STATUS status;
	UINT64 size;

	*got = 0;
	status = file_open(root, path, &fh, &size);
	if (EFI_ERROR(status))
		return status;
	if (size < cap)
		cap = size;
	status = read_exact(fh, buf, cap);
	if (EFI_ERROR(status))
		loader_fail(L"%s: read error (%r)\r\n", path, status);
	fh->Close(fh);
	*got = cap;
	return EFI_SUCCESS;
}
