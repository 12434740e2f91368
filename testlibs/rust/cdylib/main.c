#include <stdio.h>
#include <stdint.h>
uint64_t rust_sum_threads(uint32_t);
uint32_t rust_tls_drops(void);
int rust_catch(uint32_t);
char *rust_greet(const char *);
void rust_free(char *);
int main(void) {
    printf("sum over 8 threads: %llu\n", (unsigned long long)rust_sum_threads(8));
    printf("tls destructors run: %u\n", rust_tls_drops());
    printf("caught: %d %d\n", rust_catch(0), rust_catch(5));
    char *g = rust_greet("vibix ünï");
    printf("%s\n", g);
    rust_free(g);
    return 0;
}
