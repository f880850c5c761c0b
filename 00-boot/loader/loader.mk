# 00-boot/loader/loader.mk - BOOTX64.EFI, the UEFI boot path; included by
# 00-boot/layer.mk.  Also registers the host tests of the loader's pure C.
#
# A UEFI application is a PE32+ file.  gnu-efi builds it as an ELF shared
# object (position-independent, so the firmware may load it anywhere; its
# crt0 applies the relocations itself), which objcopy then rewrites as PE.
# Objects go to $(BUILD)/loader/, never next to the sources.

EFI_LOADER := $(BUILD)/BOOTX64.EFI
LOADER_OUT := $(BUILD)/loader

LOADER_SRCS := 00-boot/loader/main.c 00-boot/loader/console.c \
	00-boot/loader/file.c 00-boot/loader/handoff.c 00-boot/loader/libc.c \
	00-boot/boot_elf.c 00-boot/boot_info_efi.c 00-boot/boot_info.c
LOADER_OBJS := $(patsubst %.c,$(LOADER_OUT)/%.o,$(LOADER_SRCS))

GNUEFI_LIB := /usr/lib
# -fpic: the image is relocated at load time.  -fshort-wchar: L"" strings
# are UCS-2 as UEFI wants.  -mno-red-zone: firmware interrupt handlers run
# on our stack.  -maccumulate-outgoing-args: as gnu-efi's own build does.
# GNU_EFI_USE_MS_ABI: call firmware functions directly, not through
# uefi_call_wrapper().  -fno-tree-loop-distribute-patterns: libc.c's loops
# must not be compiled into calls to memmove()/memcmp() themselves.
LOADER_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-fpic -ffreestanding -fno-stack-protector -fshort-wchar -mno-red-zone \
	-maccumulate-outgoing-args -fno-tree-loop-distribute-patterns \
	-DGNU_EFI_USE_MS_ABI -I/usr/include/efi -I/usr/include/efi/x86_64 \
	-I00-boot/include
# --no-undefined: a shared object may otherwise link with a missing symbol
# and jump to address 0 at run time.
LOADER_LDFLAGS := -shared -Bsymbolic -nostdlib --no-undefined \
	-T $(GNUEFI_LIB)/elf_x86_64_efi.lds
LOADER_SECTIONS := -j .text -j .sdata -j .data -j .rodata -j .dynamic \
	-j .dynsym -j .rel -j .rela -j '.rel.*' -j '.rela.*' -j .reloc

$(LOADER_OBJS): $(LOADER_OUT)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(LOADER_CFLAGS) -MMD -MP -c $< -o $@

-include $(LOADER_OBJS:.o=.d)

$(LOADER_OUT)/BOOTX64.so: $(LOADER_OBJS)
	$(LD) $(LOADER_LDFLAGS) $(GNUEFI_LIB)/crt0-efi-x86_64.o $(LOADER_OBJS) \
		-o $@ -L$(GNUEFI_LIB) -lgnuefi -lefi

# --subsystem=10: EFI application (not a driver).
$(EFI_LOADER): $(LOADER_OUT)/BOOTX64.so
	$(OBJCOPY) $(LOADER_SECTIONS) --target efi-app-x86_64 --subsystem=10 $< $@

.PHONY: efi-loader
efi-loader: $(EFI_LOADER)

HOST_TESTS += test_boot_elf test_boot_info_efi
host_test_test_boot_elf_srcs := 00-boot/tests/host/test_boot_elf.c 00-boot/boot_elf.c
host_test_test_boot_info_efi_srcs := 00-boot/tests/host/test_boot_info_efi.c \
	00-boot/boot_info_efi.c 00-boot/boot_info.c
