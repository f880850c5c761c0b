# check-lib.sh - helpers for a layer's tests/check.sh; source it after setting
# $layer and $log (the console log file of the last boot).
#
#   console                 the log without \r and terminal escape sequences
#   kernel_errors           the log's kernel errors (traps, panics, BUG, bad frees); status 0 if any
#   result NAME STATUS [DETAIL]
#                           print "PASS layer:check:NAME" if STATUS is 0, else
#                           "FAIL ..." with DETAIL and the log's last lines

console() { tr -d '\r' <"$log" | sed 's/\x1b\[[0-9;]*[A-Za-z]//g'; }

# Kernel errors that must never appear while user programs run (prints them).
kernel_errors() { console | grep -E 'TRAP: unhandled|panic|BUG|double free|never allocated|kfree: '; }

result() {
	if [ "$2" = 0 ]; then
		echo "PASS $layer:check:$1"
	else
		echo "FAIL $layer:check:$1 ${3:-}"
		console | tail -n 12 | sed 's/^/    | /'
	fi
}
