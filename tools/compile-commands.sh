#!/usr/bin/env bash
# compile-commands.sh 'COMPILER AND FLAGS' FILE.c... - a compile_commands.json
# for clangd and other tools, on standard output, from the Makefile's flags.
set -euo pipefail
cmd=$1
shift
top=$(cd "$(dirname "$0")/.." && pwd)
esc() { sed 's/\\/\\\\/g; s/"/\\"/g' <<<"$1"; }
echo "["
sep=""
for f in "$@"; do
	printf '%s  {"directory": "%s", "file": "%s", "command": "%s -c %s"}' \
		"$sep" "$top" "$f" "$(esc "$cmd")" "$f"
	sep=$',\n'
done
printf '\n]\n'
