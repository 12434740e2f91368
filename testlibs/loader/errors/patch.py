# patch.py FILE machine|wx : make an ELF claim another architecture, or make
# its first PT_LOAD writable+executable.
import struct, sys
path, what = sys.argv[1], sys.argv[2]
b = bytearray(open(path, 'rb').read())
if what == 'machine':
    struct.pack_into('<H', b, 18, 183)  # EM_AARCH64
elif what == 'wx':
    phoff, = struct.unpack_from('<Q', b, 32)
    phnum, = struct.unpack_from('<H', b, 56)
    for i in range(phnum):
        o = phoff + i * 56
        if struct.unpack_from('<I', b, o)[0] == 1:
            struct.pack_into('<I', b, o + 4, 7)
            break
open(path, 'wb').write(b)
