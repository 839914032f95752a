//! Write a report with the 公文's frame (tests/corpus/49_frame_sealed_annex.txt:
//! 发文字号, 主送机关, 附件说明, 署名, 成文日期) as a .docx, sealed or not:
//! `cargo run --example framed_docx -- /tmp/framed.docx [--sealed]`.
//! scripts/docx-frame-preview.sh renders it and measures the frame's places.

use fazhi_report::report::formats::{export_docx_laid_out, DocxLayout, Seal};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "framed.docx".to_string());
    let seal = if args.any(|a| a == "--sealed") { Seal::Sealed } else { Seal::Unsealed };
    let text = include_str!("../tests/corpus/49_frame_sealed_annex.txt");
    let report = fazhi_report::report::parse(text);
    let layout = DocxLayout { seal, unit: Some("青石市临溪区司法局".to_string()) };
    let bytes = export_docx_laid_out(&report, None, &layout).expect("export");
    std::fs::write(&path, bytes).expect("write");
    println!("wrote {path} ({seal:?})");
}
