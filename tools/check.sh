#!/usr/bin/env bash
# check.sh NN -IDIR... -- FILE.c... - static analysis of a layer's kernel C:
# sparse (address spaces: __user pointers, and the kernel's own flags) and
# cppcheck.  Any finding fails.
set -uo pipefail
layer=$1
shift
incs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	incs+=("$1")
	shift
done
shift
files=("$@")
status=0

echo "check: sparse on ${#files[@]} files (layer $layer)"
gcc_inc=$(gcc -print-file-name=include)
out=$(for f in "${files[@]}"; do
	sparse -D__CHECKER__ -Wsparse-all -Wno-declaration-after-statement -nostdinc \
		-isystem "$gcc_inc" "${incs[@]}" -DSTRATA_LAYER='"check"' -D__x86_64__ -m64 \
		-ffreestanding "$f" 2>&1
done)
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	status=1
fi

echo "check: cppcheck"
# The kernel's own headers only: cppcheck needs no system headers for this code.
if ! cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	--inline-suppr --std=c11 --platform=unix64 "${incs[@]}" -DSTRATA_LAYER='"check"' \
	--suppress=missingIncludeSystem "${files[@]}"; then
	status=1
fi
[ $status = 0 ] && echo "check: no findings"
exit $status
