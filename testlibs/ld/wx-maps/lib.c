int wx_data = 1;
int wx_lib_func(void) { return wx_data - 1; }
