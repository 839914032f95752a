//! The guidance beside a section: what the regulation requires, what to
//! write, and a short hint. Content lives in `crate::report::guidance`.

use leptos::prelude::*;

use crate::report::guidance::{required_clause, short_hint};
use crate::report::SectionKind;

#[component]
pub fn GuidancePanel(kind: SectionKind) -> impl IntoView {
    view! {
        <aside class="guidance-panel" aria-labelledby="guidance-title">
            <h2 id="guidance-title">"撰写指引"</h2>
            {required_clause(kind).map(|c| view! {
                <section>
                    <h3>"规定要求"</h3>
                    <blockquote class="quote">
                        <p>{c} "。"</p>
                        <footer>"——《法治政府建设与责任落实督察工作规定》"</footer>
                    </blockquote>
                </section>
            })}
            <section>
                <h3>"写什么"</h3>
                <p>{short_hint(kind)}</p>
            </section>
        </aside>
    }
}
