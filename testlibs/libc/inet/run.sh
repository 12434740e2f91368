#!/bin/bash
# <arpa/inet.h> and <netinet/ether.h>: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc inet.c
