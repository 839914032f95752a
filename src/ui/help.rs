//! 帮助/关于: what the tool is, where drafts are kept, how to back up and
//! move to another computer, and the version.

use leptos::prelude::*;

use crate::report::guidance::{FIVE_CONTENTS, PUBLICATION, REPORTING_DEADLINES};

#[component]
pub fn Help() -> impl IntoView {
    view! {
        <section class="help card" aria-labelledby="help-title">
            <h1 id="help-title">"帮助和关于"</h1>
            <h2>"这个工具做什么"</h2>
            <p>"法治报告助手帮助第一次撰写法治政府建设年度报告的同志，按照《法治政府建设与责任落实督察工作规定》逐项写全报告的五项内容，检查常见问题，并导出文本文件。"</p>
            <p class="quote">{FIVE_CONTENTS}</p>
            <h2>"报送和公开的时间"</h2>
            <p class="quote">{REPORTING_DEADLINES.text}</p>
            <p class="field-hint">"——" {REPORTING_DEADLINES.source}</p>
            <p class="quote">{PUBLICATION.text}</p>
            <p class="field-hint">"——" {PUBLICATION.source}</p>
            <h2>"草稿保存在哪里"</h2>
            <ul>
                <li>"草稿自动保存在本机这个浏览器的本地存储中，不会上传到任何服务器，本工具也不连接网络。"</li>
                <li>"草稿属于“这台电脑 + 这个浏览器 + 这个 Windows 账户”。换用其他浏览器、其他电脑或其他账户打开本工具，看不到这里的草稿。同一浏览器中，从不同文件夹打开本工具的副本，看到的是同一批草稿。"</li>
                <li>"清理浏览器数据（“清除浏览记录”中勾选“Cookie 及其他网站数据”）会删除草稿。请先备份。"</li>
                <li>"浏览器为本工具提供约 5 MB 空间，约可保存三四份 3 万字的报告及其历史版本。"</li>
                <li>"个别数据如已损坏，或由其他版本的本工具保存而无法读取，本工具不会覆盖它：在“草稿库”的“无法读取的数据”中可下载其原始内容，确认不再需要后可以删除。"</li>
            </ul>
            <h2>"如何备份"</h2>
            <p>"在“草稿库”点击“备份全部”，浏览器会下载一个 .json 备份文件，请保存到 U 盘或单位指定的位置。单份报告也可以在编辑页“导出文本文件（.txt）”。"</p>
            <p>"备份文件也包含“审阅多份报告”中填写的审核意见、勾选的检查结果和更正的单位、年度，但不含各单位报告的原文：恢复后，在审阅列表中再次选择这些报告文件即可继续审阅。本机已写的审核意见不会被覆盖，备份中不同的意见附在其后。"</p>
            <h2>"如何换到另一台电脑"</h2>
            <ol>
                <li>"在原电脑的“草稿库”点击“备份全部”，把备份文件拷到 U 盘。"</li>
                <li>"在新电脑上用浏览器打开本工具（可以直接双击 fazhi-report.html 文件）。"</li>
                <li>"进入“草稿库”，点击“从备份恢复”，选择备份文件。已有草稿不会被删除或覆盖。"</li>
            </ol>
            <h2>"关于"</h2>
            <p>"法治报告助手 版本 " {env!("CARGO_PKG_VERSION")} "。单个文件即可运行，不需要安装，不需要联网。"</p>
        </section>
    }
}
