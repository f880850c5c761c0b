/*
 * main.c - BOOTX64.EFI: load the Strata kernel from the EFI system partition.
 *
 * The firmware's boot manager starts this file (the removable-media path
 * \EFI\BOOT\BOOTX64.EFI, UEFI spec "Boot Manager").  It reads, from the same
 * volume:
 *   \boot\kernel.elf       required: checked by boot_elf_parse()
 *   \boot\initramfs.cpio   optional: copied below 4 GiB
 *   \boot\cmdline.txt      optional: its first line is the command line
 * fills a struct boot_info, leaves boot services and calls the kernel's
 * 64-bit entry (handoff.c).  Anything wrong stops here with a message:
 * the loader never jumps into an image it has not checked.
 */
#include "loader.h"
#include "boot_elf.h"

#define KERNEL_PATH	L"\\boot\\kernel.elf"
#define INITRD_PATH	L"\\boot\\initramfs.cpio"
#define CMDLINE_PATH	L"\\boot\\cmdline.txt"

/* boot_info and the initramfs stay below 4 GiB so that a kernel that only
 * has the low 4 GiB mapped early on can still read them. */
#define BELOW_4G	0xffffffffULL

static const char loader_name[] = "Strata EFI loader";

/*
 * Place each PT_LOAD segment at its physical address.  The pages are asked
 * for at exactly that address (AllocateAddress): if the firmware already
 * uses them, we must not overwrite its data, so that is an error.  Code is
 * allocated as EfiLoaderCode so firmware that maps data pages no-execute
 * still lets us jump into it.
 */
static void place_segments(const struct boot_elf_image *img, const UINT8 *file)
{
	const struct boot_elf_segment *s;
	EFI_PHYSICAL_ADDRESS addr;
	EFI_STATUS status;

	for (s = img->seg; s < img->seg + img->count; s++) {
		addr = s->paddr;
		status = BS->AllocatePages(AllocateAddress,
					   s->flags & BOOT_ELF_PF_X ? EfiLoaderCode
								    : EfiLoaderData,
					   EFI_SIZE_TO_PAGES(s->memsz), &addr);
		if (EFI_ERROR(status))
			loader_fail(L"%s: the firmware will not give physical memory "
				    L"0x%lx-0x%lx for a segment (%r)\r\n",
				    KERNEL_PATH, s->paddr, s->paddr + s->memsz, status);
		CopyMem((void *)(UINTN)s->paddr, (void *)(file + s->offset), s->filesz);
		ZeroMem((void *)(UINTN)(s->paddr + s->filesz), s->memsz - s->filesz);
	}
}

static void load_kernel(EFI_FILE_HANDLE root, struct boot_elf_image *img)
{
	const char *why;
	UINT64 size;
	void *file;

	if (file_load(root, KERNEL_PATH, ~0ULL, &file, &size) == EFI_NOT_FOUND)
		loader_fail(L"%s: not found on the boot volume\r\n", KERNEL_PATH);
	if (boot_elf_parse(file, size, img, &why) != 0)
		loader_fail(L"%s: %a\r\n", KERNEL_PATH, why);
	place_segments(img, file);
	loader_free_pages(file, size);
	console_print(L"%s: %d segments at 0x%lx-0x%lx, entry 0x%lx\r\n", KERNEL_PATH,
		      (UINTN)img->count, img->phys_start, img->phys_end, img->entry64);
}

static void load_initrd(EFI_FILE_HANDLE root, struct boot_info *bi)
{
	void *data;
	UINT64 size;

	if (file_load(root, INITRD_PATH, BELOW_4G, &data, &size) == EFI_NOT_FOUND ||
	    !data) {
		console_print(L"%s: none\r\n", INITRD_PATH);
		return;
	}
	bi->initrd_base = (UINTN)data;
	bi->initrd_size = size;
	console_print(L"%s: %ld bytes at 0x%lx\r\n", INITRD_PATH, size, bi->initrd_base);
}

/* The first line of cmdline.txt, without its line end or trailing blanks
 * (editors add them, and "quiet " is not the option "quiet"). */
static void read_cmdline(EFI_FILE_HANDLE root, struct boot_info *bi)
{
	UINTN len, i;

	if (file_read_prefix(root, CMDLINE_PATH, bi->cmdline, BOOT_CMDLINE_MAX - 1,
			     &len) == EFI_NOT_FOUND)
		len = 0;
	for (i = 0; i < len; i++)
		if (bi->cmdline[i] == '\r' || bi->cmdline[i] == '\n')
			break;
	len = i;
	while (len && (bi->cmdline[len - 1] == ' ' || bi->cmdline[len - 1] == '\t'))
		len--;
	bi->cmdline[len] = '\0';
	console_print(L"command line: \"%a\"\r\n", bi->cmdline);
}

/* The RSDP is published in the system table's configuration table (UEFI
 * spec, "EFI Configuration Table"); prefer the ACPI 2.0+ entry (XSDT). */
static void find_acpi_rsdp(struct boot_info *bi)
{
	static EFI_GUID acpi20 = ACPI_20_TABLE_GUID, acpi10 = ACPI_TABLE_GUID;
	EFI_CONFIGURATION_TABLE *t;
	UINTN i;

	for (i = 0; i < ST->NumberOfTableEntries; i++) {
		t = &ST->ConfigurationTable[i];
		if (CompareGuid(&t->VendorGuid, &acpi20) == 0)
			bi->acpi_rsdp = (UINTN)t->VendorTable;
		else if (CompareGuid(&t->VendorGuid, &acpi10) == 0 && !bi->acpi_rsdp)
			bi->acpi_rsdp = (UINTN)t->VendorTable;
	}
}

/* The Graphics Output Protocol's current mode, if it has a linear
 * framebuffer (PixelBltOnly means it has none: the fb stays zeroed). */
static void find_framebuffer(struct boot_info *bi)
{
	EFI_GRAPHICS_OUTPUT_PROTOCOL *gop;
	EFI_GRAPHICS_OUTPUT_MODE_INFORMATION *info;

	if (EFI_ERROR(BS->LocateProtocol(&GraphicsOutputProtocol, NULL, (void **)&gop)) ||
	    !gop->Mode || !gop->Mode->Info)
		return;
	info = gop->Mode->Info;
	if (info->PixelFormat == PixelBltOnly || !gop->Mode->FrameBufferBase)
		return;
	bi->fb.base = gop->Mode->FrameBufferBase;
	bi->fb.size = gop->Mode->FrameBufferSize;
	bi->fb.width = info->HorizontalResolution;
	bi->fb.height = info->VerticalResolution;
	bi->fb.pitch = info->PixelsPerScanLine * 4;	/* 32-bit pixels in every GOP format */
	bi->fb.bpp = 32;
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	struct boot_elf_image kernel;
	struct boot_info *bi;
	EFI_FILE_HANDLE root;

	InitializeLib(image, systab);
	console_init();
	console_print(L"%a (UEFI %d.%d, %s)\r\n", loader_name,
		      (UINTN)(ST->Hdr.Revision >> 16), (UINTN)(ST->Hdr.Revision & 0xffff) / 10,
		      ST->FirmwareVendor);

	bi = loader_alloc_pages(sizeof(*bi), BELOW_4G, L"boot_info");
	ZeroMem(bi, sizeof(*bi));
	bi->magic = BOOT_INFO_MAGIC;
	bi->version = BOOT_INFO_VERSION;
	bi->boot_path = BOOT_PATH_UEFI;
	CopyMem(bi->loader_name, (void *)loader_name, sizeof(loader_name));

	root = file_open_root(image);
	load_kernel(root, &kernel);
	bi->kernel_phys_start = kernel.phys_start;
	bi->kernel_phys_end = kernel.phys_end;
	load_initrd(root, bi);
	read_cmdline(root, bi);
	root->Close(root);

	find_acpi_rsdp(bi);
	find_framebuffer(bi);
	handoff(image, bi, kernel.entry64);
}
