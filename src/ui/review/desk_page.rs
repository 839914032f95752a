//! 审阅多份报告: picking the batch (many files, a folder, or a drop), the
//! progress of reading it, the table, the copied pairs, and the batch's
//! exports (.csv for Excel/WPS, a summary .docx).

use leptos::prelude::*;

use super::table::ReviewTable;
use super::{offer, use_review, ProgressBar, DOCX_MIME};
use crate::report::review::table::csv;
use crate::session::review::{not_kept_message, pick_again_message};
use crate::ui::browser::{dropped_files, picked_files};
use crate::ui::pick::ACCEPT_REPORT_FILES;
use crate::ui::route::Screen;
use crate::ui::state::use_app;

#[component]
pub fn ReviewDesk() -> impl IntoView {
    let app = use_app();
    let review = use_review();
    review.ensure_loaded(app);
    let folder = NodeRef::<leptos::html::Input>::new();
    // Chromium, Edge and Firefox all take a folder through this attribute;
    // it is not in Leptos' typed attributes.
    Effect::new(move || {
        if let Some(el) = folder.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    let over = RwSignal::new(false);
    let pick = move |e: leptos::ev::Event| crate::ui::browser::timed("fzbg:review-pick", || review.read_files(app, picked_files(&e)));
    let pick_folder = move |e: leptos::ev::Event| {
        // A folder brings its hidden files along (desktop.ini, .DS_Store).
        let files = picked_files(&e).into_iter().filter(|f| !f.name().starts_with('.') && f.name() != "desktop.ini" && f.name() != "Thumbs.db").collect();
        review.read_files(app, files);
    };
    let drop = move |e: leptos::ev::DragEvent| {
        e.prevent_default();
        over.set(false);
        review.read_files(app, dropped_files(&e));
    };
    let export_csv = move |_| {
        let bytes = review.desk.with_untracked(|d| csv(&d.rows()));
        offer(app, "法治政府建设年度报告审核汇总表.csv", "text/csv;charset=utf-8", Ok(bytes));
    };
    let export_docx = move |_| {
        let bytes = review.desk.with_untracked(|d| d.summary_docx(d.batch_year()));
        offer(app, "法治政府建设年度报告审核情况汇总.docx", DOCX_MIME, bytes);
    };
    let clear = move |_| {
        let sure = web_sys::window().and_then(|w| w.confirm_with_message("清空审阅列表？已写的审核意见也将一并删除（作者的草稿不受影响）。").ok()).unwrap_or(false);
        if sure {
            review.clear(app);
        }
    };
    let has_rows = move || {
        review.version.get();
        review.desk.with_untracked(|d| !d.records.is_empty())
    };

    view! {
        <h1>"审阅多份报告"</h1>
        <p class="lead">"一次选择各单位报送的年度报告（文本文件、Word 文档或分享文件，可多选，也可选择整个文件夹或把文件拖到下面的方框中）。每份报告按撰写时的同一套规定逐项检查，并查找各单位报告之间的雷同段落。审阅的报告不会加入您的草稿库，审核意见自动保存在本机。"</p>
        <div class="drop-zone" class:drop-over=move || over.get()
            on:dragover=move |e: leptos::ev::DragEvent| { e.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=drop>
            <div class="button-row">
                <label class="btn btn-primary file-button">
                    "选择报告文件（可多选）"
                    <input type="file" multiple accept=ACCEPT_REPORT_FILES class="visually-hidden" on:change=pick/>
                </label>
                <label class="btn file-button">
                    "选择文件夹"
                    <input type="file" node_ref=folder class="visually-hidden" on:change=pick_folder/>
                </label>
                <span class="drop-hint">"或把文件拖到这里"</span>
            </div>
        </div>
        <ProgressBar/>
        {move || not_kept_message(&review.not_kept.get()).map(|m| view! {
            <div class="card card-warning" role="alert"><p>{m}</p></div>
        })}
        {move || {
            review.version.get();
            review.desk.with_untracked(|d| pick_again_message(&d.to_pick_again())).map(|m| view! {
                <div class="card card-warning"><p>{m}</p></div>
            })
        }}
        <Show when=has_rows fallback=|| view! { <p class="count">"还没有选择要审阅的报告。"</p> }>
            <section aria-labelledby="review-table-title">
                <h2 id="review-table-title">"审阅列表"</h2>
                <p class="field-hint">"点击文件名查看报告全文、检查结果并填写审核意见；单位和年度可直接修改；点击列标题排序。"</p>
                <ReviewTable/>
            </section>
            <CopiedPairs/>
            <SharedParagraphs/>
            <section class="card" aria-labelledby="review-export-title">
                <h2 id="review-export-title">"导出"</h2>
                <div class="button-row">
                    <button type="button" class="btn" on:click=export_csv>"导出汇总表（.csv，可用 Excel/WPS 打开）"</button>
                    <button type="button" class="btn" on:click=export_docx>"导出审核情况汇总（Word 文档）"</button>
                    <button type="button" class="btn btn-quiet" on:click=clear>"清空审阅列表"</button>
                </div>
            </section>
        </Show>
    }
}

/// Every pair of reports that share passages, each linking to the two
/// passages side by side.
#[component]
fn CopiedPairs() -> impl IntoView {
    let review = use_review();
    let list = move || {
        review.version.get();
        review.desk.with_untracked(|d| {
            let name = |i: usize| {
                let r = &d.records[i];
                if r.unit.is_empty() { r.name.clone() } else { format!("{}（{}）", r.unit, r.name) }
            };
            if d.pairs.is_empty() {
                let note = if d.shared.is_empty() { "（相似度 90% 以上，标题除外）" } else { "（多份报告共有的段落见下文）" };
                return view! { <p>{format!("未发现两份报告之间的雷同段落{note}。")}</p> }.into_any();
            }
            view! {
                <ul class="pair-list">
                    {d.pairs.iter().map(|p| view! {
                        <li><a href=Screen::ReviewPair(p.a, p.b).to_hash()>{format!("{} 与 {}：{} 段雷同", name(p.a), name(p.b), p.matches.len())}</a></li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <section class="review-section" aria-labelledby="review-pairs-title">
            <h2 id="review-pairs-title">"雷同段落"</h2>
            {list}
        </section>
    }
}

/// Paragraphs alike in many reports of the batch: each listed once, with
/// every report that has it (template wording the units were given, or
/// copying on a wide scale: the reviewer tells which).
#[component]
fn SharedParagraphs() -> impl IntoView {
    let review = use_review();
    let list = move || {
        review.version.get();
        review.desk.with_untracked(|d| {
            (!d.shared.is_empty()).then(|| {
                let items = d.shared.iter().map(|g| {
                    let units: Vec<String> = g.passages.iter().map(|(i, p)| {
                        let r = &d.records[*i];
                        let who = r.who();
                        let place = d.report(*i).map_or_else(|| p.place.label(), |rep| p.place.label_in(rep));
                        format!("{who}（{place}）")
                    }).collect();
                    let text = g.passages.first().map(|(_, p)| p.text.clone()).unwrap_or_default();
                    view! {
                        <li>
                            <p><strong>{format!("{} 份报告：", units.len())}</strong>{units.join("、")}</p>
                            <p class="gw-body shared-text">{text}</p>
                        </li>
                    }
                }).collect_view();
                view! {
                    <section class="review-section" aria-labelledby="review-shared-title">
                        <h2 id="review-shared-title" tabindex="-1">"多份报告共有的段落"</h2>
                        <p class="field-hint">"以下段落在多份报告中基本相同（相似度 90% 以上），可能是统一要求的表述，也可能是相互抄用，请结合实际判断。每段只列一次，并列出有这段文字的全部报告。"</p>
                        <ol class="shared-list">{items}</ol>
                    </section>
                }
            })
        })
    };
    view! { {list} }
}
