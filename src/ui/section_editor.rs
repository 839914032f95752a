//! 章节编辑: one section as a list of items (标题 + 正文), with the guidance
//! panel beside it. Numbering is automatic; items are added, removed and
//! moved with buttons or Alt+↑/↓; a whole section can be pasted and split.

use leptos::ev::KeyboardEvent;
use wasm_bindgen::JsCast;
use leptos::prelude::*;

use super::findings::SectionFindings;
use super::first_paint::{self, FIRST_ROWS};
use super::guidance_panel::GuidancePanel;
use super::plans_checklist::{PlansChecklist, PreviousSection};
use super::route::Screen;
use super::save_status::SaveStatusView;
use super::state::use_app;
use crate::report::draft::SectionStatus;
use crate::report::edit::PasteShape;
use crate::report::{Item, SectionKind};

#[component]
pub fn SectionPage(index: usize) -> impl IntoView {
    let state = use_app();
    // Read once: the page is rebuilt when the structure changes (see AppState::restructure).
    let Some((id, kind, heading, intro, items, count, done)) = state.draft.with_untracked(|d| {
        let d = d.as_ref()?;
        let s = d.report.sections.get(index)?;
        let items: Vec<(String, String)> = s.items.iter().map(|i| (i.title.clone(), i.body_text())).collect();
        let intro = s.intro.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
        Some((
            d.id.clone(),
            s.kind,
            format!("{}{}", s.heading.marker, s.heading.text),
            intro,
            items,
            d.report.sections.len(),
            d.status(s.kind) == SectionStatus::Done,
        ))
    }) else {
        return view! { <p class="card">"未找到这一部分。" <a href="#/">"返回草稿库"</a></p> }.into_any();
    };

    let chars = Memo::new(move |_| {
        state.draft.with(|d| {
            d.as_ref().and_then(|d| d.report.sections.get(index)).map(|s| s.written_chars()).unwrap_or(0)
        })
    });
    let item_count = items.len();
    // On the first screen of a page load, the items below the window are
    // appended after the first paint (see `first_paint`).
    let all_rows = first_paint::all_rows();
    let mut items = items;
    let later = if all_rows.get_untracked() { Vec::new() } else { items.split_off(FIRST_ROWS.min(item_count)) };
    let later = StoredValue::new(Some(later));
    let suggested = Some(crate::report::guidance::guide(kind).suggested_chars).filter(|(_, max)| *max > 0);
    let paste = RwSignal::new(String::new());
    let show_paste = RwSignal::new(false);
    let (home_id, prev_id, next_id) = (id.clone(), id.clone(), id.clone());

    let add_item = move |_| {
        let focus = format!("item-{item_count}-title");
        state.restructure(Some(focus), |d| d.report.sections[index].add_item(Item::new("", "")));
    };
    // What the pasted text holds decides the buttons: numbered lines split
    // at once; 一是/二是 lets the author choose items or one item's points.
    let paste_shape = Memo::new(move |_| crate::report::edit::paste_shape(&paste.get()));
    // `focus`: the first item, or the intro when the text stays one block.
    let replace_with = move |text: String, message: String, focus: &str| {
        // Replacing a section is destructive: keep what was there as a version.
        state.before_paste();
        state.restructure(Some(focus.to_string()), |d| d.report.sections[index].set_body_text(&text));
        state.confirm(format!("{message}本部分原来的内容已存入“历史版本”（粘贴替换本部分前）。"));
    };
    let split_paste = move |_| {
        let text = paste.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        match paste_shape.get_untracked() {
            PasteShape::Numbered(n) => replace_with(text, format!("已按编号拆分为 {n} 条。"), "item-0-title"),
            PasteShape::Points(_) | PasteShape::Plain => replace_with(
                text,
                "没有找到“1.”“（一）”等条目编号，粘贴的文字已全部放入“本部分内容”，请按需要分条。".to_string(),
                "section-intro",
            ),
        }
    };
    let split_points = move |_| {
        let text = paste.get_untracked();
        let n = match paste_shape.get_untracked() {
            PasteShape::Points(n) => n,
            _ => 0,
        };
        replace_with(crate::report::edit::points_as_items(&text), format!("已按“一是、二是……”拆分为 {n} 条。"), "item-0-title");
    };
    let keep_points = move |_| {
        let text = paste.get_untracked();
        let one = format!("1. {}", text.trim().replace(['\r', '\n'], ""));
        replace_with(one, "已作为一条放入本部分，“一是、二是……”保留为这一条的分点。".to_string(), "item-0-title");
    };

    let intro_label = if kind == SectionKind::OtherMatters || item_count == 0 { "本部分内容" } else { "导语（可选）" };
    let intro_hint = if kind == SectionKind::OtherMatters {
        "没有需要报告的其他情况时写“无”。"
    } else {
        "写在各条之前的概括性文字，可以不写。也可以直接在这里写整段文字，或用下方“粘贴整段文字”自动拆分为条目。"
    };

    view! {
        <div class="section-page">
            <div class="toolbar" role="region" aria-label="保存与导航">
                <button type="button" class="btn btn-quiet" on:click=move |_| state.go(Screen::Draft(home_id.clone()))>"← 返回任务列表"</button>
                <SaveStatusView/>
                <span class="count" aria-live="polite">
                    "本部分 " {move || chars.get()} " 字"
                    {suggested.map(|(min, max)| format!("（建议 {min}–{max} 字）"))}
                </span>
            </div>
            <div class="two-col">
                <div class="main-col">
                    <h1 class="section-title">{heading}</h1>
                    <SectionFindings index=index/>
                    <PreviousSection kind=kind/>
                    <div class="field">
                        <label for="section-intro">{intro_label}</label>
                        <p class="field-hint" id="section-intro-hint">{intro_hint}</p>
                        <textarea id="section-intro" rows="3" aria-describedby="section-intro-hint" prop:value=intro readonly=move || state.read_only()
                            on:input=move |ev| {
                                let t = event_target_value(&ev);
                                state.edit(|d| {
                                    let s = &mut d.report.sections[index];
                                    s.intro = crate::report::parse::split_lines(&t).into_iter().map(|l| crate::report::Line::new(l.text)).collect();
                                });
                            }></textarea>
                    </div>
                    <h2 class="items-title">"条目（自动编号）"</h2>
                    <p class="field-hint">"每条先写小标题，再写正文；正文中可用“一是……二是……”分点。可用 Alt+↑ / Alt+↓ 调整顺序。"</p>
                    <ol class="item-list">
                        {items.into_iter().enumerate().map(|(i, (title, body))| view! {
                            <ItemEditor section=index index=i count=item_count title=title body=body/>
                        }).collect_view()}
                        {move || all_rows.get().then(|| later.try_update_value(Option::take).flatten().map(|later| {
                            later.into_iter().enumerate().map(|(k, (title, body))| view! {
                                <ItemEditor section=index index=FIRST_ROWS + k count=item_count title=title body=body/>
                            }).collect_view()
                        }))}
                    </ol>
                    <button type="button" class="btn" id="add-item" on:click=add_item>"＋ 添加一条"</button>
                    {(kind == SectionKind::Measures).then(|| view! { <PlansChecklist section=index/> })}
                    <div class="paste-box">
                        <button type="button" class="btn-link" aria-expanded=move || show_paste.get().to_string()
                            aria-controls="paste-region" on:click=move |_| show_paste.update(|v| *v = !*v)>
                            {move || if show_paste.get() { "▼ " } else { "▶ " }} "粘贴整段文字，自动拆分为条目"
                        </button>
                        <div id="paste-region" hidden=move || !show_paste.get()>
                            <label for="paste-text">"粘贴的文字"</label>
                            <p class="field-hint" id="paste-hint">"例如从 Word 中复制的本部分全文，每条以“1.”“2.”等开头。拆分后将替换本部分现有内容（原内容存入历史版本）。"</p>
                            <textarea id="paste-text" rows="6" aria-describedby="paste-hint" readonly=move || state.read_only()
                                on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
                            {move || match paste_shape.get() {
                                PasteShape::Points(n) => view! {
                                    <p class="field-hint" id="paste-choice">{format!("这段文字没有“1.”等编号，但有“一是、二是……”共 {n} 点。请选择：")}</p>
                                    <div class="button-row">
                                        <button type="button" class="btn" on:click=split_points>{format!("每一点作为一条（共 {n} 条）")}</button>
                                        <button type="button" class="btn" on:click=keep_points>"作为一条，保留“一是、二是”分点"</button>
                                    </div>
                                }.into_any(),
                                _ => view! { <button type="button" class="btn" on:click=split_paste>"拆分并替换本部分"</button> }.into_any(),
                            }}
                        </div>
                    </div>
                    {(kind != SectionKind::Unknown).then(|| view! {
                        <div class="field done-box">
                            <input type="checkbox" id="section-done" prop:checked=done
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    state.edit(|d| d.set_done(kind, checked));
                                }/>
                            <label for="section-done">"本部分已写完，标记为“已完成”"</label>
                        </div>
                    })}
                    <nav class="pager" aria-label="上一部分和下一部分">
                        {(index > 0).then(|| view! {
                            <a class="btn btn-quiet" href=format!("#/draft/{}/section/{}", prev_id, index - 1)>"← 上一部分"</a>
                        })}
                        {(index + 1 < count).then(|| view! {
                            <a class="btn btn-quiet" href=format!("#/draft/{}/section/{}", next_id, index + 1)>"下一部分 →"</a>
                        })}
                    </nav>
                </div>
                <GuidancePanel kind=kind/>
            </div>
        </div>
    }
    .into_any()
}

/// One item: its number, title and body, and buttons to move or remove it.
#[component]
fn ItemEditor(section: usize, index: usize, count: usize, title: String, body: String) -> impl IntoView {
    let state = use_app();
    let number = state.draft.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.report.sections.get(section))
            .and_then(|s| s.items.get(index))
            .map(|i| i.marker.trim().to_string())
            .unwrap_or_default()
    });
    let move_to = move |to: usize, focus: &'static str| {
        state.restructure(Some(format!("item-{to}-{focus}")), |d| {
            d.report.sections[section].move_item(index, to);
        });
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if !ev.alt_key() {
            return;
        }
        // The moved item's field the keys were pressed in keeps the focus.
        let field = match ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|e| e.id()) {
            Some(id) if id.ends_with("-body") => "body",
            _ => "title",
        };
        match ev.key().as_str() {
            "ArrowUp" if index > 0 => {
                ev.prevent_default();
                move_to(index - 1, field);
            }
            "ArrowDown" if index + 1 < count => {
                ev.prevent_default();
                move_to(index + 1, field);
            }
            _ => {}
        }
    };
    let remove = move |_| {
        let focus = if count > 1 { format!("item-{}-title", index.saturating_sub(1).min(count - 2)) } else { "add-item".into() };
        state.remove_item(section, index, focus);
    };
    // Points inside a body are renumbered on request, not while typing
    // (rewriting the text under the cursor would move it).
    let renumber_points = move |_| {
        state.restructure(Some(format!("item-{index}-body")), |d| d.report.sections[section].items[index].renumber_points());
    };
    let title_id = format!("item-{index}-title");
    let body_id = format!("item-{index}-body");
    let legend = format!("第 {} 条（编号 {}）", index + 1, number);

    view! {
        <li class="item-card" data-testid="item" on:keydown=on_keydown>
            <fieldset>
                <legend>{legend}</legend>
                <div class="field">
                    <label for=title_id.clone()>{format!("第 {} 条标题", index + 1)}</label>
                    <input id=title_id type="text" prop:value=title readonly=move || state.read_only()
                        on:input=move |ev| {
                            let t = event_target_value(&ev);
                            state.edit(|d| d.report.sections[section].items[index].set_title(&t));
                        }/>
                </div>
                <div class="field">
                    <label for=body_id.clone()>{format!("第 {} 条正文", index + 1)}</label>
                    <textarea id=body_id rows="5" prop:value=body readonly=move || state.read_only()
                        on:input=move |ev| {
                            let t = event_target_value(&ev);
                            state.edit(|d| d.report.sections[section].items[index].set_body_text(&t));
                        }></textarea>
                </div>
                <div class="button-row">
                    <button type="button" class="btn btn-quiet" id=format!("item-{index}-up") disabled={index == 0}
                        on:click=move |_| move_to(index - 1, "up")>{format!("第 {} 条上移", index + 1)}</button>
                    <button type="button" class="btn btn-quiet" id=format!("item-{index}-down") disabled={index + 1 >= count}
                        on:click=move |_| move_to(index + 1, "down")>{format!("第 {} 条下移", index + 1)}</button>
                    <button type="button" class="btn btn-quiet" on:click=renumber_points>{format!("重排第 {} 条的“一是、二是”", index + 1)}</button>
                    <button type="button" class="btn btn-quiet" on:click=remove>{format!("删除第 {} 条", index + 1)}</button>
                </div>
            </fieldset>
        </li>
    }
}
