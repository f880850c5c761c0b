#!/bin/busybox sh
# shellcheck shell=dash
# exec-init.sh - process 1 of a `make exec` run.  tools/exec.sh installs it in
# the guest as /sbin/strata-exec and boots with init=/sbin/strata-exec.
#
# It runs the command in /etc/strata-exec/cmd as `sh -c CMD` with BusyBox's
# sh, in /, with standard input /dev/null, and powers the machine off when
# the command ends.  On the console, CMD's output lies between two marker
# lines, and the second carries CMD's status ($?, so 128+N after signal N):
#
#   MARKER begin raw
#   ...everything CMD wrote to its stdout and stderr...MARKER end STATUS
#
# MARKER is read from /etc/strata-exec/marker, a token new for every run, so
# nothing CMD prints can pass for it.  The end marker follows CMD's last
# byte directly: output without a final newline stays so.  "raw" says that
# stty turned the console's output processing off, so CMD's bytes reach the
# host unchanged ("\n" is not made "\r\n"); the kernel's own lines still end
# in "\r\n", which is how the host tells them apart.  ("crlf" if stty
# failed: the host then drops the "\r" the console added.)
#
# Everything runs through /bin/busybox by its full path: a program that
# FILES or SRC put at /bin/sh or /bin/stty does not take their place here.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root
bb=/bin/busybox
read -r marker </etc/strata-exec/marker
cmd=$($bb cat /etc/strata-exec/cmd)
mode=crlf
$bb stty -opost 2>/dev/null && mode=raw
cd /
printf '%s begin %s\n' "$marker" "$mode"
$bb sh -c "$cmd" </dev/null
status=$?
printf '%s end %d\n' "$marker" "$status"
# Process 1 exiting would power off too, but with a message of the kernel's;
# poweroff -f is the ordinary way out, and the exit only a fallback.
$bb poweroff -f
exit "$status"
