int lib_data = 9;
