#!/bin/bash
# getdate with a $DATEMSK template file: full dates, invalid days (error 8),
# no matching template (7), DATEMSK unset/empty (1), missing file (3), not a
# regular file (4), and the completion of partial inputs from the current
# time (time only, weekday only, weekday and hour, day only, month/day,
# year only, month and weekday), printed relative to today: output equals
# glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc gd.c "$PWD/templates"
