//! What can go wrong reading or writing a file, in words a user can act on.

use std::fmt;

/// An import or export failure. [`message_zh`](Self::message_zh) says what
/// happened and what to do next, for the user; [`message_en`](Self::message_en)
/// is for logs, the CLI and bug reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The input is larger than the import limit; refused before parsing.
    TooLarge { size: usize, limit: usize },
    /// The input is empty.
    Empty,
    /// Not a zip package at all (and not an OLE file either).
    NotDocx,
    /// An OLE compound file holding an `EncryptedPackage`: a password-protected .docx.
    EncryptedDocx,
    /// An OLE compound file without an encrypted package: most likely a Word 97–2003 .doc.
    LegacyDoc,
    /// A zip package that cannot be read (truncated, damaged).
    CorruptDocx { detail: String },
    /// A zip package without the main document part (e.g. an .xlsx or another zip).
    MissingDocument,
    /// The main document part decompresses to more than the limit (zip bomb guard).
    DocumentTooLarge { limit: usize },
    /// The document's XML is not well formed.
    MalformedXml { detail: String },
    /// Far more paragraphs, runs or breaks than the text they carry (an
    /// amplification file: a small .docx inflating to millions of empty lines).
    TooMuchMarkup { elements: usize, chars: usize },
    /// Elements nested deeper than any real document (a crafted file).
    TooDeep { limit: usize },
    /// A character the GBK encoding cannot represent.
    GbkUnencodable { ch: char, line: usize },
    /// The browser has no GBK decoder to build the encoding table from.
    GbkUnavailable,
    /// Valid JSON (or not JSON at all) that is not one of our share files.
    NotShareFile { detail: String },
    /// A share file written by a newer version of the app.
    ShareTooNew { schema: u64, supported: u64 },
    /// A share file whose draft does not have the expected shape.
    CorruptShare { detail: String },
    /// A share file that ends early (a download or copy cut short): it
    /// names our format, and the JSON stops mid-way.
    TruncatedShare { detail: String },
}

fn mib(n: usize) -> String {
    format!("{} MB", crate::report::decode::megabytes(n))
}

impl FormatError {
    /// What happened and what to do next, for the user.
    pub fn message_zh(&self) -> String {
        match self {
            FormatError::TooLarge { size, limit } => format!(
                "文件太大（{}），超过了 {} 的上限，未导入。请确认选择的是报告文件；如果 Word 文档中有大量图片，请删除图片后另存再导入。",
                mib(*size),
                mib(*limit)
            ),
            FormatError::Empty => "文件是空的，没有可导入的内容。请确认选择了正确的文件。".to_string(),
            FormatError::NotDocx => "文件不是有效的 Word 文档（.docx）。请在 Word 或 WPS 中打开它，另存为“Word 文档（*.docx）”后再导入；纯文本文件请按 .txt 导入。".to_string(),
            FormatError::EncryptedDocx | FormatError::LegacyDoc => {
                "文档已加密或为旧版 .doc 格式，请在 Word 中另存为未加密的 .docx 后再导入（加密文档请先在“文件—信息—保护文档”中取消密码）。".to_string()
            }
            FormatError::CorruptDocx { .. } => "Word 文档已损坏或不完整（可能下载或拷贝时中断），无法读取。请重新拷贝文件，或在 Word 中打开后另存为 .docx 再导入。".to_string(),
            FormatError::MissingDocument => "这个压缩包里没有 Word 正文（word/document.xml），不是 Word 文档。请确认选择的是 .docx 文件，而不是 Excel、PPT 或其他压缩包。".to_string(),
            FormatError::DocumentTooLarge { limit } => format!(
                "Word 文档的正文解压后超过 {}，不像是一份报告，已停止读取。请确认文件来源，或把正文复制到新的 Word 文档后再导入。",
                mib(*limit)
            ),
            FormatError::TooMuchMarkup { .. } => "Word 文档中的空段落、分段或换行远多于其中的文字，不像是一份报告，已停止读取，草稿没有任何改动（这类文件会让浏览器长时间卡住）。请确认文件来源；如确是报告，请在 Word 中把正文复制到新文档，另存为 .docx 后再导入。".to_string(),
            FormatError::TooDeep { limit } => format!("Word 文档内部的结构嵌套超过 {limit} 层，不像是一份报告，已停止读取，草稿没有任何改动。请确认文件来源；如确是报告，请在 Word 中把正文复制到新文档，另存为 .docx 后再导入。"),
            FormatError::MalformedXml { .. } => "Word 文档内部格式有误，无法读取正文。请在 Word 或 WPS 中打开并另存为 .docx 后再导入。".to_string(),
            FormatError::GbkUnencodable { ch, line } => format!(
                "第 {line} 行的字符“{ch}”（U+{:04X}）无法用 GBK 编码保存。请改用 UTF-8 编码导出，或把这个字符替换后再导出。",
                *ch as u32
            ),
            FormatError::GbkUnavailable => "本浏览器不支持 GBK 编码，未能导出。请在“文本文件格式选项”中改选 UTF-8 带签名（BOM），旧版记事本也能正确打开。".to_string(),
            FormatError::NotShareFile { .. } => "这不是法治报告助手的分享文件（.fzbg.json）。请让同事用“导出分享文件”重新导出后发给您；Word 文档或文本文件请用对应的导入方式。".to_string(),
            FormatError::ShareTooNew { .. } => "此分享文件由更新版本的法治报告助手生成，当前版本无法完整读取。请升级后再打开。".to_string(),
            FormatError::CorruptShare { .. } => "分享文件内容不完整或已损坏，无法读取草稿。请让同事重新导出分享文件后再发给您。".to_string(),
            FormatError::TruncatedShare { .. } => "分享文件不完整或已损坏，可能没有下载完。请重新下载，或请同事重新发送后再打开。".to_string(),
        }
    }

    /// The same in English, with technical detail where there is any.
    pub fn message_en(&self) -> String {
        match self {
            FormatError::TooLarge { size, limit } => {
                format!("file too large: {size} bytes exceeds the import limit of {limit} bytes")
            }
            FormatError::Empty => "the file is empty".to_string(),
            FormatError::NotDocx => "not a Word document (.docx): the file is not a zip package".to_string(),
            FormatError::EncryptedDocx => {
                "the document is password-protected (an OLE file holding an EncryptedPackage); save it unencrypted as .docx".to_string()
            }
            FormatError::LegacyDoc => {
                "the file is an OLE compound file, probably a Word 97-2003 .doc; save it as .docx".to_string()
            }
            FormatError::CorruptDocx { detail } => format!("the .docx package is damaged or truncated: {detail}"),
            FormatError::MissingDocument => "the zip package has no word/document.xml: not a Word document".to_string(),
            FormatError::DocumentTooLarge { limit } => {
                format!("word/document.xml decompresses to more than {limit} bytes; refusing (zip bomb guard)")
            }
            FormatError::MalformedXml { detail } => format!("word/document.xml is not well-formed XML: {detail}"),
            FormatError::TooMuchMarkup { elements, chars } => format!(
                "word/document.xml has over {elements} paragraphs, runs and breaks for {chars} characters of text; refusing (amplification guard)"
            ),
            FormatError::TooDeep { limit } => {
                format!("word/document.xml nests elements more than {limit} deep; refusing (nesting guard)")
            }
            FormatError::GbkUnencodable { ch, line } => format!(
                "line {line}: character '{ch}' (U+{:04X}) cannot be encoded in GBK; export as UTF-8 instead",
                *ch as u32
            ),
            FormatError::GbkUnavailable => "this browser has no GBK decoder; export as UTF-8 instead".to_string(),
            FormatError::NotShareFile { detail } => format!("not a fazhi-report share file: {detail}"),
            FormatError::ShareTooNew { schema, supported } => format!(
                "the share file has schema {schema}, newer than this version supports ({supported}); upgrade the app"
            ),
            FormatError::CorruptShare { detail } => format!("the share file's draft is malformed: {detail}"),
            FormatError::TruncatedShare { detail } => format!("the share file is incomplete (cut short): {detail}"),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for FormatError {}
