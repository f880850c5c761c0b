#!/bin/sh
# run-guest.sh - the guest half of tools/contracts.sh; booted as init with
#     init=/tests/contracts/run-guest.sh
# Runs every test binary /tests/contracts/AREA/NAME (name order) with
# CONTRACT_TMP and the working directory set to a fresh directory under
# /tmp, under BusyBox's timeout of 20 s, and frames each run on the console:
#     @@@ BEGIN AREA/NAME
#     ...the test's standard output...
#     @@@ END AREA/NAME status=N
#     @@@ stderr: ...one line per line of its standard error...
# then prints "@@@ DONE" and powers the machine off.  Standard error is kept
# apart (in a file, printed after END) so that it never mixes with the
# output being compared.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
umask 022
echo "@@@ CONTRACTS START"
n=0
for t in /tests/contracts/*/*; do
	if [ ! -f "$t" ] || [ ! -x "$t" ]; then
		continue
	fi
	name=${t#/tests/contracts/}
	n=$((n + 1))
	dir=/tmp/contract.$n
	mkdir -p "$dir"
	echo "@@@ BEGIN $name"
	cd "$dir" || continue
	CONTRACT_TMP=$dir timeout 20 "$t" 2>/tmp/contract.stderr
	status=$?
	cd /
	echo "@@@ END $name status=$status"
	while IFS= read -r line; do
		echo "@@@ stderr: $line"
	done </tmp/contract.stderr
done
echo "@@@ DONE ($n tests)"
poweroff -f
# Only reached if poweroff failed; init must not exit.
echo "run-guest.sh: poweroff -f failed"
while :; do sleep 3600; done
