int real_fn(int x) { return x * 2; }
