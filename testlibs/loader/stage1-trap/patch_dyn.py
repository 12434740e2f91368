"""patch_dyn.py FILE TAG VALUE: set the value of the first dynamic entry TAG."""
import struct, sys
path, tag, value = sys.argv[1], int(sys.argv[2], 0), int(sys.argv[3], 0)
b = bytearray(open(path, "rb").read())
phoff, = struct.unpack_from("<Q", b, 32)
phnum, = struct.unpack_from("<H", b, 56)
for i in range(phnum):
    p_type, _, off, _, _, filesz = struct.unpack_from("<IIQQQQ", b, phoff + i * 56)
    if p_type == 2:  # PT_DYNAMIC
        for o in range(off, off + filesz, 16):
            t, _ = struct.unpack_from("<qQ", b, o)
            if t == tag:
                struct.pack_into("<Q", b, o + 8, value)
                open(path, "wb").write(b)
                sys.exit(0)
sys.exit("no dynamic entry %d in %s" % (tag, path))
