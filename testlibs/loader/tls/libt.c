#include "rt.h"
__thread int gd_var = 11;                       /* accessed GD: DTPMOD64 + DTPOFF64 */
__thread long ie_var = 22;                      /* accessed IE by the program: TPOFF64 */
__thread char big[100] = { 1 };                 /* .tdata image */
__thread int zero_var;                          /* .tbss */
int *gd_addr(void) { return &gd_var; }
int lib_sum(void) { return gd_var + (int)ie_var + big[0] + zero_var; }
