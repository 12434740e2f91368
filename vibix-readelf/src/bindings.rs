pub fn show(_o:&mut String,_e:&mut String,_n:&str,_d:&[u8],_op:&crate::cli::Opts)->i32{0}
