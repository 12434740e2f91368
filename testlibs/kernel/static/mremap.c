/* mremap: grow (in place or moved), contents kept; shrink in place. */
#include "sys.h"

void start_c(long *sp) {
    (void)sp;
    long a = sys6(9, 0, 12288, 3, 0x22, -1, 0); /* PROT_READ|WRITE, MAP_PRIVATE|ANONYMOUS */
    /* The third page stays mapped (read-only), so growing the first two must move them. */
    if (a < 0 || sys3(10, a + 8192, 4096, 1) != 0) { puts1("mmap failed\n"); exit_(1); }
    for (int i = 0; i < 8192; i++) ((char *)a)[i] = (char)i;
    long b = sys6(25, a, 8192, 65536, 1, 0, 0); /* MREMAP_MAYMOVE */
    if (b < 0) { puts1("mremap grow failed\n"); exit_(2); }
    for (int i = 0; i < 8192; i++)
        if (((char *)b)[i] != (char)i) { puts1("contents lost\n"); exit_(3); }
    ((char *)b)[65535] = 1; /* the new part is usable */
    puts1(b != a ? "grown by moving, contents kept\n" : "grown in place, contents kept\n");
    long c = sys6(25, b, 65536, 4096, 0, 0, 0);
    if (c != b) { puts1("mremap shrink failed\n"); exit_(4); }
    puts1("shrunk in place\n");
    exit_(0);
}
