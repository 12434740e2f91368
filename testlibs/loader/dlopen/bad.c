int dep_value(void);
int missing_function(void);
int bad_fn(void) { return dep_value() + missing_function(); }
