//! The reviewer's table: one row per file, unit and year editable in place,
//! every column sortable (a button in its header, `aria-sort` said) and
//! filterable (a text matched against a chosen column, and 只看 conditions).
//! Rebuilt when rows come or go or the order changes, never on a keystroke.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{use_review, ReviewState};
use crate::report::deadline::parse_year_input;
use crate::report::model::SectionKind;
use crate::report::review::table::Row;
use crate::report::review::PartMark;
use crate::ui::route::Screen;
use crate::ui::state::{use_app, AppState};

/// A column to sort or filter by.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Col {
    Index,
    Unit,
    Year,
    File,
    Chars,
    Part(usize),
    Findings,
    Copied,
}

const SHORT: [&str; 5] = ["举措成效", "不足原因", "第一责任人", "下年安排", "其他情况"];

impl Col {
    fn all() -> Vec<Col> {
        let mut v = vec![Col::Index, Col::Unit, Col::Year, Col::File, Col::Chars];
        v.extend((0..5).map(Col::Part));
        v.extend([Col::Findings, Col::Copied]);
        v
    }

    fn name(self) -> String {
        match self {
            Col::Index => "序号".into(),
            Col::Unit => "单位".into(),
            Col::Year => "年度".into(),
            Col::File => "文件".into(),
            Col::Chars => "字数".into(),
            Col::Part(k) => SHORT[k].into(),
            Col::Findings => "检查结果".into(),
            Col::Copied => "雷同".into(),
        }
    }

    /// Its name in class names and the filter's option values (never
    /// `Debug`: the release build prints nothing for `{:?}`).
    fn key(self) -> String {
        match self {
            Col::Index => "index".into(),
            Col::Unit => "unit".into(),
            Col::Year => "year".into(),
            Col::File => "file".into(),
            Col::Chars => "chars".into(),
            Col::Part(k) => format!("part{k}"),
            Col::Findings => "findings".into(),
            Col::Copied => "copied".into(),
        }
    }
}

/// What a row shows in a column, as text: what the filter matches.
fn cell_text(i: usize, r: &Row, c: Col) -> String {
    match c {
        Col::Index => (i + 1).to_string(),
        Col::Unit => r.unit.clone(),
        Col::Year => r.year.map(|y| y.to_string()).unwrap_or_default(),
        Col::File => r.file_name.clone(),
        Col::Chars => r.chars.to_string(),
        Col::Part(k) => r.parts.map_or("无法读取".into(), |p| p[k].label().to_string()),
        Col::Findings => format!("错误{} 提醒{} {}", r.errors, r.warnings, r.worst),
        Col::Copied => format!("{} {}", r.copied, r.copied_with.join("、")),
    }
}

/// Each text's place in Chinese (pinyin) order as the browser's collator
/// has it — the order Excel and WPS sort unit names in (中北镇 after 杨柳青镇).
fn collation_ranks<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let unique: std::collections::HashSet<&str> = texts.collect();
    let arr = js_sys::Array::new();
    for t in unique {
        arr.push(&wasm_bindgen::JsValue::from_str(t));
    }
    let collated = (|| {
        let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&"zh-CN".into()), &js_sys::Object::new());
        let sort: js_sys::Function = js_sys::Reflect::get(&arr, &"sort".into()).ok()?.dyn_into().ok()?;
        sort.call1(&arr, &collator.compare()).ok()
    })();
    if collated.is_none() {
        // No collator: code point order, like the other columns' text.
        arr.sort();
    }
    arr.iter().enumerate().filter_map(|(i, v)| v.as_string().map(|s| (s, i))).collect()
}

fn compare(a: (usize, &Row), b: (usize, &Row), c: Col, ranks: &HashMap<String, usize>) -> std::cmp::Ordering {
    let ((ia, ra), (ib, rb)) = (a, b);
    let rank = |t: &String| ranks.get(t).copied();
    match c {
        Col::Index => ia.cmp(&ib),
        Col::Unit => rank(&ra.unit).cmp(&rank(&rb.unit)),
        Col::Year => ra.year.cmp(&rb.year),
        Col::File => rank(&ra.file_name).cmp(&rank(&rb.file_name)),
        Col::Chars => ra.chars.cmp(&rb.chars),
        Col::Part(k) => ra.parts.map(|p| p[k] as u8).cmp(&rb.parts.map(|p| p[k] as u8)),
        Col::Findings => (ra.parts.is_some(), ra.errors, ra.warnings).cmp(&(rb.parts.is_some(), rb.errors, rb.warnings)),
        Col::Copied => ra.copied.cmp(&rb.copied),
    }
    .then(ia.cmp(&ib))
}

/// Rows built in one turn of the page.
const CHUNK: usize = 50;

/// A row's partner in copying: the pair (a, b), its passages, the other unit.
type Partner = (usize, usize, usize, String);
/// A row as shown: its place in the batch, what it says, its partners, its year.
/// (row index, row, partners, year, waiting for its file to be picked again)
type ShownRow = (usize, Row, Vec<Partner>, Option<i32>, bool);

/// 只看: a quick condition on a row.
const ONLY: [(&str, &str); 6] = [
    ("all", "全部报告"),
    ("errors", "有错误的"),
    ("parts", "五项内容不全的"),
    ("copied", "有雷同段落的"),
    ("unreadable", "无法读取或需重新选择的"),
    ("clean", "没有错误的"),
];

fn only(key: &str, r: &Row) -> bool {
    match key {
        "errors" => r.errors > 0,
        "parts" => r.parts.is_some_and(|p| p != [PartMark::Present; 5]),
        "copied" => r.copied > 0 || r.shared > 0,
        "unreadable" => r.parts.is_none(),
        "clean" => r.parts.is_some() && r.errors == 0,
        _ => true,
    }
}

/// How the reviewer has the table: its order and filters, the rows shown
/// in that order, and the report last opened from it. Kept with the desk
/// (not the table), so that coming back from a report finds the table as it
/// was left, and 上一份 / 下一份 follow the rows shown.
#[derive(Clone, Copy)]
pub struct TableView {
    sort: RwSignal<(Col, bool)>,
    filter_col: RwSignal<Option<Col>>,
    filter_text: RwSignal<String>,
    only_key: RwSignal<String>,
    /// The rows shown, in the order shown (row indices).
    shown: StoredValue<Vec<usize>>,
    /// The report last opened, to bring its row back into view.
    pub opened: StoredValue<Option<usize>>,
}

impl TableView {
    pub fn new() -> Self {
        TableView {
            sort: RwSignal::new((Col::Index, true)),
            filter_col: RwSignal::new(None),
            filter_text: RwSignal::new(String::new()),
            only_key: RwSignal::new("all".to_string()),
            shown: StoredValue::new(Vec::new()),
            opened: StoredValue::new(None),
        }
    }

    /// The rows before and after row `i` as the table shows them (by file
    /// order when `i` is not shown there: filtered out, or no table yet).
    pub fn neighbours(&self, i: usize, count: usize) -> (Option<usize>, Option<usize>) {
        self.shown.with_value(|shown| match shown.iter().position(|&r| r == i) {
            Some(k) => (k.checked_sub(1).map(|p| shown[p]), shown.get(k + 1).copied()),
            None => (i.checked_sub(1), (i + 1 < count).then_some(i + 1)),
        })
    }
}

impl Default for TableView {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn ReviewTable() -> impl IntoView {
    let app = use_app();
    let review = use_review();
    let TableView { sort, filter_col, filter_text, only_key, shown: shown_order, opened } = review.table;
    // Back from a report: its row where the reviewer left the table.
    if let Some(i) = opened.get_value() {
        opened.set_value(None);
        crate::ui::browser::focus_when_there(format!("review-file-{i}"));
    }

    let header = move |c: Col| {
        let aria = move || match sort.get() {
            (s, asc) if s == c => if asc { "ascending" } else { "descending" },
            _ => "none",
        };
        let full = match c {
            Col::Part(k) => Some(SectionKind::REQUIRED[k].label()),
            _ => None,
        };
        view! {
            <th scope="col" aria-sort=aria class=format!("col-{}", c.key())>
                <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = if s.0 == c { (c, !s.1) } else { (c, true) })>
                    {c.name()}
                    {full.map(|f| view! { <span class="visually-hidden">{format!("（{f}）")}</span> })}
                    <span aria-hidden="true" class="sort-mark">{move || match sort.get() { (s, true) if s == c => "▲", (s, false) if s == c => "▼", _ => "" }}</span>
                </button>
            </th>
        }
    };

    // The rows in chunks, each its own <tbody>: the first chunk with the
    // table, the others one per turn of the page, so that 300 rows never
    // make one long task and the page answers while they come.
    let body = move || {
        review.version.get();
        let (col, asc) = sort.get();
        let text = filter_text.get();
        let text = text.trim().to_string();
        let fcol = filter_col.get();
        let only_k = only_key.get();
        crate::ui::browser::timed("fzbg:review-table", || review.desk.with_untracked(|d| {
            let rows = d.rows();
            let mut shown: Vec<(usize, &Row)> = rows
                .iter()
                .enumerate()
                .filter(|(i, r)| only(&only_k, r) && (text.is_empty() || match fcol {
                    Some(c) => cell_text(*i, r, c).contains(&text),
                    None => Col::all().into_iter().any(|c| cell_text(*i, r, c).contains(&text)),
                }))
                .collect();
            let ranks = match col {
                Col::Unit => collation_ranks(rows.iter().map(|r| r.unit.as_str())),
                Col::File => collation_ranks(rows.iter().map(|r| r.file_name.as_str())),
                _ => HashMap::new(),
            };
            crate::report::sort::by(&mut shown, |a, b| if asc { compare(*a, *b, col, &ranks) } else { compare(*b, *a, col, &ranks) });
            shown_order.set_value(shown.iter().map(|(i, _)| *i).collect());
            let total = rows.len();
            let count = shown.len();
            // Each row's partners: the pair, the count, the other unit.
            let mut partners: Vec<Vec<Partner>> = vec![Vec::new(); total];
            for p in &d.pairs {
                partners[p.a].push((p.a, p.b, p.matches.len(), d.records[p.b].unit.clone()));
                partners[p.b].push((p.a, p.b, p.matches.len(), d.records[p.a].unit.clone()));
            }
            let waiting = d.to_pick_again_rows();
            let shown: Vec<ShownRow> =
                shown.into_iter().map(|(i, r)| (i, r.clone(), std::mem::take(&mut partners[i]), d.records[i].year, waiting.contains(&i))).collect();
            let n_chunks = count.div_ceil(CHUNK).max(1);
            let shown = StoredValue::new(shown);
            let chunk = move |c: usize| shown.with_value(|rows| rows.iter().skip(c * CHUNK).take(CHUNK).map(|(i, r, p, y, w)| row_view(app, review, *i, r, p, *y, *w)).collect_view());
            // One chunk at first, the others in turns; a newer rebuild
            // disposes of this signal, and so stops its turns.
            let chunks = RwSignal::new(1usize);
            if n_chunks > 1 {
                leptos::task::spawn_local(async move {
                    for k in 2..=n_chunks {
                        crate::ui::browser::next_tick().await;
                        if chunks.try_set(k).is_some() {
                            return;
                        }
                    }
                });
            }
            view! {
                <p class="count" role="status">{if count == total { format!("共 {total} 份") } else { format!("显示 {count} 份，共 {total} 份") }}</p>
                <div class="review-table-wrap" tabindex="0" role="region" aria-label="审阅列表（可左右滚动）">
                    <table class="review-table">
                        <caption class="visually-hidden">"审阅列表：每行一份报告。五项内容中“有”表示已写，“空”表示只有标题，“缺”表示没有这一部分。"</caption>
                        <thead><tr>{Col::all().into_iter().map(header).collect_view()}<th scope="col">"操作"</th></tr></thead>
                        <tbody>
                            {chunk(0)}
                            {(count == 0).then(|| view! {
                                <tr><td colspan=Col::all().len() + 1 class="table-empty">"没有符合筛选条件的报告。可在上方“只看”中选择“全部报告”，或清空“包含文字”。"</td></tr>
                            })}
                        </tbody>
                        <For each=move || 1..chunks.get().min(n_chunks) key=|c| *c let(c)>
                            <tbody>{chunk(c)}</tbody>
                        </For>
                    </table>
                </div>
            }
        }))
    };

    view! {
        <div class="review-filter" role="search" aria-label="筛选审阅列表">
            <label class="inline-field">"只看"
                <select on:change=move |e| only_key.set(event_target_value(&e))>
                    {ONLY.iter().map(|(k, l)| view! { <option value=*k selected=only_key.get_untracked() == *k>{*l}</option> }).collect_view()}
                </select>
            </label>
            <label class="inline-field">"筛选列"
                <select on:change=move |e| {
                    let v = event_target_value(&e);
                    filter_col.set(Col::all().into_iter().find(|c| c.key() == v));
                }>
                    <option value="">"所有列"</option>
                    {Col::all().into_iter().map(|c| view! { <option value=c.key() selected=filter_col.get_untracked() == Some(c)>{c.name()}</option> }).collect_view()}
                </select>
            </label>
            <label class="inline-field">"包含文字"
                <input type="search" prop:value=move || filter_text.get() on:input=move |e| filter_text.set(event_target_value(&e))/>
            </label>
        </div>
        {body}
    }
}

fn mark_class(m: PartMark) -> &'static str {
    match m {
        PartMark::Present => "mark-ok",
        PartMark::Empty => "mark-empty",
        PartMark::Missing => "mark-missing",
    }
}

fn row_view(app: AppState, review: ReviewState, i: usize, r: &Row, partners: &[Partner], year: Option<i32>, waiting: bool) -> impl IntoView {
    let n = i + 1;
    let file = r.file_name.clone();
    let readable = r.parts.is_some();
    let on_unit = move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        review.edit(app, |d| d.records[i].unit = v.trim().to_string());
    };
    let year_text = RwSignal::new(year.map(|y| y.to_string()).unwrap_or_default());
    let on_year = move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        if v.trim().is_empty() {
            review.edit(app, |d| d.records[i].year = None);
        } else if let Some(y) = parse_year_input(&v) {
            year_text.set(y.to_string());
            review.edit(app, |d| d.records[i].year = Some(y));
        } else {
            app.warn(format!("第{n}行的年度“{}”无法识别，请填写四位数字，例如 2025。该行原来的年度保持不变。", v.trim()));
            let kept = review.desk.with_untracked(|d| d.records[i].year.map(|y| y.to_string()).unwrap_or_default());
            year_text.set(kept);
        }
    };
    let parts = match r.parts {
        Some(p) => p
            .iter()
            .enumerate()
            .map(|(k, m)| view! { <td class=format!("mark {}", mark_class(*m))>{m.label()}<span class="visually-hidden">{format!("（{}）", SectionKind::REQUIRED[k].label())}</span></td> })
            .collect_view()
            .into_any(),
        // Not here (not kept for lack of space, or restored from a backup): no fault of the file's.
        None if waiting => view! { <td colspan="5" class="mark mark-waiting">"请再次选择文件"</td> }.into_any(),
        None => view! { <td colspan="5" class="mark mark-missing">"无法读取"</td> }.into_any(),
    };
    let findings = if readable {
        view! {
            <td class="col-findings">
                <span class=count_badge(r.errors, "badge badge-error")>{format!("错误 {}", r.errors)}</span>" "
                <span class=count_badge(r.warnings, "badge badge-warning")>{format!("提醒 {}", r.warnings)}</span>
                <span class="worst" title=r.worst.clone()>{r.worst.clone()}</span>
            </td>
        }
        .into_any()
    } else if waiting {
        view! { <td class="col-findings">{r.worst.clone()}</td> }.into_any()
    } else {
        view! { <td class="col-findings row-error">{r.worst.clone()}</td> }.into_any()
    };
    let copied = partners
        .iter()
        .map(|(a, b, count, who)| {
            view! { <a href=Screen::ReviewPair(*a, *b).to_hash()>{format!("与{who}雷同 {count} 段")}</a><br/> }
        })
        .collect_view();
    view! {
        <tr class:row-unreadable=!readable && !waiting class:row-waiting=waiting>
            <td class="col-index">{n}</td>
            <td><input type="text" id=format!("review-unit-{i}") class="cell-input" aria-label=format!("第{n}行 单位") value=r.unit.clone() on:input=on_unit/></td>
            <td><input type="text" id=format!("review-year-{i}") inputmode="numeric" class="cell-input cell-year" aria-label=format!("第{n}行 年度") prop:value=move || year_text.get() on:change=on_year/></td>
            <td class="col-file">
                {if readable {
                    view! { <a id=format!("review-file-{i}") href=Screen::ReviewReport(i).to_hash()>{file.clone()}</a> }.into_any()
                } else {
                    view! { <span>{file.clone()}</span> }.into_any()
                }}
            </td>
            <td class="num">{r.chars}</td>
            {parts}
            {findings}
            <td class="col-copied">
                {if partners.is_empty() && r.shared == 0 { view! { <span>"无"</span> }.into_any() } else { copied.into_any() }}
                {(r.shared > 0).then(|| view! { <a href="#review-shared-title">{format!("另有 {} 段与多份报告相同", r.shared)}</a> })}
            </td>
            <td>
                <button type="button" class="btn btn-quiet btn-small" aria-label=format!("移除第{n}行（{file}）") on:click=move |_| review.remove(app, i)>"移除"</button>
            </td>
        </tr>
    }
}

/// A count's badge: in its severity's colour when there is something to
/// count, plain grey for 0 — a red "错误 0" on every clean row drew the
/// reviewer's eye to the rows that needed it least.
fn count_badge(count: usize, class: &'static str) -> &'static str {
    if count == 0 {
        "badge badge-zero"
    } else {
        class
    }
}
