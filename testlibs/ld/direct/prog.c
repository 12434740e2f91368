/* Started as ./prog or as `ld-vibix.so.1 ./prog`: both must look the same to
 * the program (argv, envp, and the auxv entries that describe the program). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

struct ehdr { unsigned char ident[16]; uint16_t type, machine; uint32_t version;
              uint64_t entry, phoff, shoff; uint32_t flags;
              uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx; };

extern const struct ehdr __ehdr_start;
extern char _start[];

int main(int argc, char **argv, char **envp)
{
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    printf("argv[argc] is null: %d\n", argv[argc] == NULL);
    printf("envp follows argv: %d\n", envp == argv + argc + 1);
    int n = 0;
    while (envp[n]) n++;
    printf("envp[0]=%s n=%d\n", n ? envp[0] : "-", n);
    const char *base = (const char *)&__ehdr_start;
    printf("AT_PHDR ok: %d\n", getauxval(AT_PHDR) == (unsigned long)(base + __ehdr_start.phoff));
    printf("AT_PHNUM ok: %d\n", getauxval(AT_PHNUM) == __ehdr_start.phnum);
    printf("AT_ENTRY ok: %d\n", getauxval(AT_ENTRY) == (unsigned long)_start);
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN=%s\n", execfn ? execfn : "(none)");
    return 0;
}
