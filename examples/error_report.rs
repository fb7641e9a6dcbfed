//! Shows what a rendered [`ogi_report::Error`] looks like.
//!
//! ```text
//! cargo run --example error_report            # a built-in broken sample
//! cargo run --example error_report -- FILE    # any file
//! ```

fn main() {
    let bytes = match std::env::args_os().nth(1) {
        Some(p) => std::fs::read(p).expect("readable file"),
        None => "一、总体情况\n本年度\0工作正常。\n".as_bytes().to_vec(),
    };
    match ogi_report::parse_bytes(&bytes) {
        Ok(r) => println!(
            "parsed: {} sections, format {}",
            r.sections.len(),
            r.format.key()
        ),
        Err(e) => {
            println!("{e}");
            println!(
                "code {}, line {}, column {}",
                e.code(),
                e.line(),
                e.column()
            );
        }
    }
}
