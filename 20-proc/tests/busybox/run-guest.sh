#!/bin/sh
# run-guest.sh - the BusyBox suite in the guest; boot with
#     init=/tests/busybox/run-guest.sh
# Runs suite.sh twice: directly ("sh suite.sh", names "bb:NAME") and one
# shell deeper ("sh -c 'sh suite.sh'", names "bb:shc:NAME"), then prints
# "bb: DONE" and powers off.  Each result is one "PASS bb:..." or
# "FAIL bb:..." line on the console; each run ends with its own
# "bb: N checks, N passed, N failed" line.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root TMPDIR=/tmp
umask 022
cd /tests/busybox || exit 1
sh suite.sh
BB_PREFIX=shc: sh -c 'sh suite.sh'
echo "bb: DONE"
poweroff -f
# Only reached if poweroff failed; init must not exit.
echo "run-guest.sh: poweroff -f failed"
while :; do sleep 3600; done
