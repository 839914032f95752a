//! 草稿库: the drafts on this computer, newest first, with open, rename,
//! duplicate, delete (with undo), the trash, backup and restore, and any
//! stored entries that could not be read (offered as downloads, deleted
//! only when the user confirms it).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{download, focus_soon, format_time, now_ms, picked_file, read_file_bytes};
use super::pick::{read_picked, ACCEPT_REPORT_FILES};
use super::review::use_review;
use super::route::Screen;
use super::first_paint::{self, FIRST_ROWS};
use super::state::use_app;
use crate::storage::DraftSummary;

/// Backups larger than this are refused before reading (localStorage holds ~5 MB).
const MAX_BACKUP_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[component]
pub fn Library() -> impl IntoView {
    let state = use_app();
    // Opened first after the page loads, the list shows its first rows and
    // the rest, the trash and the unreadable entries (each read from
    // storage) after the first paint (see `first_paint`).
    let shown_all = first_paint::all_rows();
    let trash = Memo::new(move |_| {
        state.library.track();
        if shown_all.get() { state.trash() } else { Vec::new() }
    });
    let unreadable = Memo::new(move |_| {
        state.library.track();
        if shown_all.get() { state.unreadable() } else { Vec::new() }
    });

    let review = use_review();
    let backup = move |_| {
        // The desk's last edits first (written on leaving it; this is sure).
        review.flush(state);
        match state.export_backup() {
        Ok((json, review_files)) => {
            let name = format!("法治报告助手备份-{}.json", format_time(now_ms()).replace([' ', ':'], "-"));
            let count = state.library.with_untracked(|l| l.len());
            let desk = if review_files > 0 { format!("，以及审阅列表中 {review_files} 个文件的审核意见和勾选（报告原文不在备份中，恢复后需再次选择）") } else { String::new() };
            // Every action confirms itself, replacing the previous message.
            match download(&name, "application/json;charset=utf-8", json.as_bytes()) {
                Ok(()) => state.confirm(format!("已下载备份文件“{name}”，共 {count} 份草稿{desk}。请把它保存到 U 盘或其他安全的位置。")),
                Err(_) => state.warn("浏览器没有开始下载备份文件。请允许本页面下载文件后再点“备份全部”；草稿仍保存在本机，没有任何改动。"),
            }
        }
        Err(problem) => state.tell(problem),
        }
    };

    let restore = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else { return };
        if file.size() > MAX_BACKUP_BYTES {
            state.warn("所选文件过大（超过 20 MB），不是本工具的备份文件，未做任何更改。");
            return;
        }
        spawn_local(async move {
            let text = read_file_bytes(&file).await.ok().and_then(|b| String::from_utf8(b).ok()).unwrap_or_default();
            review.flush(state);
            state.restore_backup(&text);
            // Read again from storage on the next visit to the desk.
            review.reload_later();
        });
    };

    let import = move |ev: leptos::ev::Event| {
        read_picked(state, &ev, move |name, bytes| state.import_text(&name, &bytes));
    };

    view! {
        <section class="library" aria-labelledby="library-title">
            <div class="library-head">
                <h1 id="library-title" tabindex="-1">"草稿库"</h1>
                <div class="button-row">
                    <label class="btn file-button">
                        "导入文件（.txt / .docx / 分享文件）"
                        <input type="file" accept=ACCEPT_REPORT_FILES class="visually-hidden" on:change=import/>
                    </label>
                    <button type="button" class="btn btn-primary" on:click=move |_| state.go(Screen::New)>"新建报告"</button>
                </div>
            </div>
            <p class="field-hint">"以下是保存在本机浏览器中的报告草稿，最近编辑的在前。"</p>
            <Show
                when=move || !state.library.with(|l| l.is_empty())
                fallback=|| view! { <p class="card">"本机还没有草稿。点击“新建报告”开始撰写。"</p> }
            >
                <ul class="draft-list" aria-label="草稿列表">
                    <For
                        each=move || {
                            let mut drafts = state.library.get();
                            if !shown_all.get() {
                                drafts.truncate(FIRST_ROWS);
                            }
                            drafts
                        }
                        key=|s| (s.id.clone(), s.revision, s.name.clone())
                        children=move |s| view! { <DraftRow summary=s/> }
                    />
                </ul>
            </Show>

            <Show when=move || !unreadable.with(|u| u.is_empty())>
                <section class="card card-warning" aria-labelledby="unreadable-title">
                    <h2 id="unreadable-title" tabindex="-1">"无法读取的数据"</h2>
                    <p>"以下草稿或审阅记录已损坏或格式无法识别，已跳过，其余草稿不受影响。为防止丢失，可下载其原始内容交技术人员处理。"</p>
                    <ul>
                        {move || unreadable.get().into_iter().enumerate().map(|(i, (key, raw))| {
                            let file = format!("{}.txt", key.replace('/', "_"));
                            let size = raw.chars().count();
                            // Deleting cannot be undone: the button asks once
                            // more, in place, with the focus on the question.
                            let confirming = RwSignal::new(false);
                            let confirm_id = format!("unreadable-confirm-{i}");
                            let remove_id = format!("unreadable-remove-{i}");
                            let remove_label = format!("删除 {key}");
                            let key_for_removal = key.clone();
                            view! {
                                <li>
                                    <code>{key.clone()}</code> " （" {size} " 字符） "
                                    <button type="button" class="btn" on:click=move |_| {
                                        let _ = download(&file, "text/plain;charset=utf-8", raw.as_bytes());
                                    }>"下载原始内容"</button> " "
                                    {move || {
                                        let key = key_for_removal.clone();
                                        let confirm_id = confirm_id.clone();
                                        let remove_id = remove_id.clone();
                                        if confirming.get() {
                                            view! {
                                                <span class="confirm-inline" role="group" aria-label="确认删除">
                                                    "删除后无法恢复，请先下载原始内容。 "
                                                    <button type="button" class="btn" id=confirm_id on:click=move |_| {
                                                        state.remove_unreadable(&key);
                                                        // The entry is gone: the focus goes to this list's
                                                        // heading, or to the page's when the list is gone too.
                                                        focus_soon(&["unreadable-title", "library-title"]);
                                                    }>"确认删除"</button> " "
                                                    <button type="button" class="btn btn-quiet" on:click=move |_| {
                                                        // Back to the button that asked, for keyboard users.
                                                        confirming.set(false);
                                                        focus_soon(&[&remove_id]);
                                                    }>"取消"</button>
                                                </span>
                                            }
                                            .into_any()
                                        } else {
                                            let label = remove_label.clone();
                                            view! {
                                                <button type="button" class="btn btn-quiet" id=remove_id aria-label=label on:click=move |_| {
                                                    confirming.set(true);
                                                    focus_soon(&[&confirm_id]);
                                                }>"删除"</button>
                                            }
                                            .into_any()
                                        }
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            </Show>

            <Show when=move || !trash.with(|t| t.is_empty())>
                <section class="card" aria-labelledby="trash-title">
                    <h2 id="trash-title">"最近删除"</h2>
                    <ul class="trash-list">
                        {move || trash.get().into_iter().map(|d| {
                            let id = d.id.clone();
                            let id2 = d.id.clone();
                            let name = d.display_name();
                            view! {
                                <li>
                                    <span>{name}</span>
                                    <button type="button" class="btn" on:click=move |_| state.undo_delete(&id)>"恢复"</button>
                                    <button type="button" class="btn btn-quiet" on:click=move |_| {
                                        state.purge(&id2);
                                    }>"彻底删除"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            </Show>

            <section class="card" aria-labelledby="backup-title">
                <h2 id="backup-title">"备份与迁移"</h2>
                <p>
                    "草稿只保存在本机的这个浏览器中。更换电脑、重装系统或清理浏览器数据前，请点击“备份全部”保存备份文件；在新电脑上打开本工具后选择“从备份恢复”。恢复不会删除或覆盖已有草稿。"
                </p>
                <div class="button-row">
                    <button type="button" class="btn" on:click=backup>"备份全部"</button>
                    <label class="btn file-button">
                        "从备份恢复"
                        <input type="file" accept=".json,application/json" class="visually-hidden" on:change=restore/>
                    </label>
                </div>
            </section>
        </section>
    }
}

#[component]
fn DraftRow(summary: DraftSummary) -> impl IntoView {
    let state = use_app();
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(summary.name.clone());
    let id = summary.id.clone();
    let (open_id, rename_id, dup_id, del_id) = (id.clone(), id.clone(), id.clone(), id.clone());
    let input_id = format!("rename-{id}");
    let focus_id = input_id.clone();
    let (link_id, button_id) = (format!("draft-link-{id}"), format!("rename-button-{id}"));
    let (saved_focus, cancel_focus, button_id2) = (link_id.clone(), button_id.clone(), button_id.clone());
    let old_name = summary.name.clone();
    // Escape and 取消 leave the name as it was, the focus back on 重命名.
    let cancel = move || {
        renaming.set(false);
        new_name.set(old_name.clone());
        super::browser::focus_soon(&[&cancel_focus]);
    };
    let cancel2 = cancel.clone();
    view! {
        <li class="card draft-row" data-testid="draft-row">
            <div class="draft-main">
                <h2 class="draft-name">
                    <a id=link_id href=format!("#/draft/{id}")>{summary.name.clone()}</a>
                </h2>
                <p class="draft-meta">
                    {summary.unit.clone()} " · " {summary.year} "年度 · 已填写 " {summary.filled} "/5 部分 · 全文 "
                    {summary.chars} " 字 · " <span class="nowrap">"最后编辑 " {format_time(summary.edited)}</span>
                </p>
                {move || renaming.get().then(|| {
                    let rename_id = rename_id.clone();
                    let input_id = input_id.clone();
                    let saved_focus = saved_focus.clone();
                    let (cancel, cancel2) = (cancel.clone(), cancel2.clone());
                    view! {
                        <form class="rename" on:submit=move |ev| {
                            ev.prevent_default();
                            state.rename(&rename_id, &new_name.get_untracked());
                            renaming.set(false);
                            super::browser::focus_soon(&[&saved_focus, "library-title"]);
                        }>
                            <label for=input_id.clone()>"新名称"</label>
                            <input id=input_id type="text" prop:value=move || new_name.get()
                                on:input=move |ev| new_name.set(event_target_value(&ev))
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); cancel() }/>
                            <button type="submit" class="btn">"保存名称"</button>
                            <button type="button" class="btn btn-quiet" on:click=move |_| cancel2()>"取消"</button>
                        </form>
                    }
                })}
            </div>
            <div class="button-row">
                <button type="button" class="btn btn-primary" on:click=move |_| state.go(Screen::Draft(open_id.clone()))>"打开"</button>
                <button type="button" id=button_id2 class="btn" on:click=move |_| {
                    renaming.set(true);
                    // Straight into the name field, with the old name selected.
                    super::browser::focus_soon(&[&focus_id]);
                }>"重命名"</button>
                <button type="button" class="btn" on:click=move |_| state.duplicate(&dup_id)>"复制"</button>
                <button type="button" class="btn btn-quiet" on:click=move |_| {
                    state.delete(&del_id);
                    // The row is gone: to the notice's 撤销删除, else the list's heading.
                    super::browser::focus_soon(&["notice-undo", "library-title"]);
                }>"删除"</button>
            </div>
        </li>
    }
}
