# gen.py N: a library with N relocated pointers (packed as DT_RELR).
import sys
n = int(sys.argv[1])
print("static int slots[%d];" % n)
print("int *ptrs[%d] = {" % n + ",".join("&slots[%d]" % i for i in range(n)) + "};")
print("long check(void) { long bad = 0; for (int i = 0; i < %d; i++) bad += ptrs[i] != &slots[i]; return bad; }" % n)
print("int *lonely = &slots[3];")
