/* Built -fPIC (so extern data goes through the GOT: GLOB_DAT, not COPY) and
 * -ftls-model=initial-exec, linked as a PIE against lib.c. */
#include <stdio.h>

extern int lib_data;
extern int lib_array[4];
extern __thread int lib_tls;
extern int *lib_data_ptr, *lib_array_ptr;
extern int (*lib_func_ptr)(int);
int lib_func(int);
int lib_calls_prog(int);
int lib_uses_interposed(void);
int lib_read_data(void);
int *lib_tls_addr(void);
const char *lib_name(int);

int interposed(void) { return 2; }
int prog_callback(int x) { return x + 1000; }

extern int weak_missing_func(void) __attribute__((weak));
extern int weak_missing_data __attribute__((weak));

static int local_value = 5;
static int *const relative_ptr = &local_value;          /* RELATIVE */
static const char *const strs[] = {"first", "second"};   /* RELATIVE */
int *abs_ptr = &lib_array[3];                            /* R_X86_64_64 + addend */
int (*abs_fn)(int) = lib_func;                           /* R_X86_64_64 */

int main(void)
{
    printf("RELATIVE: %d %s %s\n", *relative_ptr, strs[0], strs[1]);
    printf("GLOB_DAT: lib_data=%d lib_array[1]=%d\n", lib_data, lib_array[1]);
    lib_data = 43;
    printf("GLOB_DAT: same object: %d\n", lib_read_data() == 43);
    printf("JUMP_SLOT: lib_func(21)=%d\n", lib_func(21));
    printf("R_X86_64_64: *abs_ptr=%d abs_fn(4)=%d\n", *abs_ptr, abs_fn(4));
    printf("R_X86_64_64 in lib: %d %d %d\n", *lib_data_ptr, *lib_array_ptr, lib_func_ptr(5));
    printf("function address equality: %d %d\n", abs_fn == lib_func, lib_func_ptr == lib_func);
    printf("TPOFF64: lib_tls=%d same address: %d\n", lib_tls, &lib_tls == lib_tls_addr());
    printf("lib -> program: %d\n", lib_calls_prog(1));
    printf("interposition (program first): %d\n", lib_uses_interposed());
    printf("RELATIVE in lib: %s %s\n", lib_name(0), lib_name(1));
    printf("weak undefined: %d %d\n", weak_missing_func == 0, &weak_missing_data == 0);
    return 0;
}
