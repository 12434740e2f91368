int lib_data = 1234;
char lib_str[16] = "copied string";
int get_lib_data(void) { return lib_data; }   /* must see the program's copy */
