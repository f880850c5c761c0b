/*
 * handoff.c - take the final memory map, leave boot services, enter the kernel.
 *
 * ExitBootServices() only succeeds with the MapKey of the latest memory
 * map, and any allocation changes the map (UEFI spec, EFI_BOOT_SERVICES.
 * ExitBootServices()).  So the buffer is allocated first, with room to
 * spare, and between GetMemoryMap() and ExitBootServices() nothing
 * allocates.  If the firmware still says the key is stale (an event
 * handler allocated in between), the map is fetched again into the same
 * buffer and the exit retried: after a first failed ExitBootServices() the
 * spec allows only GetMemoryMap() and memory services, so no more printing
 * through the firmware either.
 */
#include "loader.h"

#define EXIT_ATTEMPTS 3

/*
 * The kernel's 64-bit entry: System V calling convention (explicit here,
 * the firmware's own functions are ms_abi), long mode, the firmware's
 * identity-mapped page tables, interrupts off, still on the firmware's
 * stack.  It never returns.
 */
typedef void __attribute__((sysv_abi, noreturn)) (*kernel_entry_fn)(struct boot_info *bi);

void handoff(EFI_HANDLE image, struct boot_info *bi, UINT64 entry64)
{
	UINTN map_size = 0, capacity, key, desc_size;
	UINT32 desc_version;
	EFI_MEMORY_DESCRIPTOR *map;
	EFI_STATUS status;
	int attempt;

	/* Ask for the size first: the call fails with EFI_BUFFER_TOO_SMALL. */
	status = BS->GetMemoryMap(&map_size, NULL, &key, &desc_size, &desc_version);
	if (status != EFI_BUFFER_TOO_SMALL)
		loader_fail(L"GetMemoryMap() cannot tell the map size (%r)\r\n", status);
	if (desc_size < sizeof(EFI_MEMORY_DESCRIPTOR))
		loader_fail(L"memory map descriptors of %d bytes are too small\r\n",
			    desc_size);
	/* Our own allocation can split a free range, adding descriptors. */
	capacity = map_size + 16 * desc_size;
	map = AllocatePool(capacity);
	if (!map)
		loader_fail(L"no memory for the memory map (%d bytes)\r\n", capacity);

	console_print(L"exiting boot services, entering the kernel at 0x%lx\r\n", entry64);
	for (attempt = 1;; attempt++) {
		map_size = capacity;
		status = BS->GetMemoryMap(&map_size, map, &key, &desc_size, &desc_version);
		if (EFI_ERROR(status)) {
			if (attempt == 1)
				loader_fail(L"GetMemoryMap() failed (%r)\r\n", status);
			loader_fail_after_exit("GetMemoryMap() failed after a refused "
					       "ExitBootServices()");
		}
		status = BS->ExitBootServices(image, key);
		if (status == EFI_SUCCESS)
			break;
		if (status != EFI_INVALID_PARAMETER || attempt == EXIT_ATTEMPTS)
			loader_fail_after_exit("ExitBootServices() keeps failing");
	}

	/* The machine is ours: no firmware timer interrupt may run now. */
	__asm__ volatile("cli" ::: "memory");
	if (boot_mem_add_efi_map(bi, map, map_size, desc_size) != 0)
		loader_fail_after_exit("the UEFI memory map cannot be converted");
	boot_mem_finish(bi);

	((kernel_entry_fn)(UINTN)entry64)(bi);
}
