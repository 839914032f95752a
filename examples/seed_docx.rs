//! Write the reference report as a .docx, to open it in an office suite:
//! `cargo run --example seed_docx -- /tmp/seed.docx [--title]`
//! (`--title` adds a title line, as a report made in the app has).

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "seed.docx".to_string());
    let with_title = args.any(|a| a == "--title");
    let seed = include_str!("../tests/fixtures/seed/000_7470bc842f3634e7.txt");
    let text = if with_title {
        format!("天津市武清区国资委2023年度法治政府建设情况报告\n{seed}")
    } else {
        seed.to_string()
    };
    let report = fazhi_report::report::parse(&text);
    let bytes = fazhi_report::report::formats::export_docx(&report).expect("export");
    std::fs::write(&path, bytes).expect("write");
    println!("wrote {path}");
}
