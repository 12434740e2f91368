# patch.py FILE machine|wx : make an ELF claim another architecture, or make
# its first PT_LOAD writable+executable; reloff ro|gap|straddle: point its
# first R_X86_64_RELATIVE at read-only data, just past the end of the first
# writable segment, or at 8 bytes straddling that end; relr ro|gap|straddle:
# the same with the first address entry of its DT_RELR table.
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
elif what in ('reloff', 'relr'):
    where = sys.argv[3]
    phoff, = struct.unpack_from('<Q', b, 32)
    phnum, = struct.unpack_from('<H', b, 56)
    loads = []
    for i in range(phnum):
        o = phoff + i * 56
        ptype, flags = struct.unpack_from('<II', b, o)
        vaddr, = struct.unpack_from('<Q', b, o + 16)
        memsz, = struct.unpack_from('<Q', b, o + 40)
        if ptype == 1:
            loads.append((vaddr, memsz, flags))
    wr = [l for l in loads if l[2] & 2]
    end = wr[0][0] + wr[0][1]
    target = {'ro': loads[0][0] + 16, 'gap': end, 'straddle': end - 4}[where]
    # .rela.dyn through the section headers.
    shoff, = struct.unpack_from('<Q', b, 40)
    shnum, = struct.unpack_from('<H', b, 60)
    done = False
    for i in range(shnum):
        o = shoff + i * 64
        if what == 'relr':
            if struct.unpack_from('<I', b, o + 4)[0] != 19:  # SHT_RELR
                continue
            off, = struct.unpack_from('<Q', b, o + 24)
            assert struct.unpack_from('<Q', b, off)[0] & 1 == 0, 'RELR starts with a bitmap'
            struct.pack_into('<Q', b, off, target)
            done = True
            break
        if struct.unpack_from('<I', b, o + 4)[0] != 4:  # SHT_RELA
            continue
        off, size = struct.unpack_from('<QQ', b, o + 24)
        for e in range(off, off + size, 24):
            if struct.unpack_from('<Q', b, e + 8)[0] & 0xffffffff == 8:  # R_X86_64_RELATIVE
                struct.pack_into('<Q', b, e, target)
                done = True
                break
        if done:
            break
    assert done, 'no RELATIVE relocation' if what == 'reloff' else 'no DT_RELR table'
open(path, 'wb').write(b)
