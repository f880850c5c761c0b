#!/bin/sh
# /init of the initramfs (tools/mkinitramfs.sh installs this file there):
# the kernel runs it as process 1 with /dev/console as fds 0, 1 and 2.
#
# It prints a welcome naming the layer and becomes an interactive BusyBox
# shell.  Deliberately plain:
#   - no setsid -c / cttyhack: a controlling terminal only matters for job
#     control, which needs signals (SIGINT, SIGTSTP, SIGCHLD: layer 30), and
#     setsid as a process-group leader forks and lets the parent exit, which
#     for process 1 means a kernel panic;
#   - "+m" turns job control off instead of letting ash try TIOCSPGRP and
#     complain; "-i" makes it interactive whatever isatty() says.
# Because the shell replaces init, leaving it ("exit", Ctrl-D) ends process
# 1: use "poweroff -f" to stop the machine.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root
layer=unknown
read -r layer </etc/strata-layer
echo
echo "Strata $layer: BusyBox shell on the serial console."
echo "No job control before layer 30 (signals); 'poweroff -f' turns the machine off."
cd /root || cd /
exec /bin/sh -i +m
