//! A printable handout in Markdown.

use std::fmt::Write as _;

use crate::i18n::dates;
use crate::model::{Lang, Timeline};

/// A handout of the events at `indices`, in that order; with `notes`, one teaching note per
/// event (for tours).
pub fn handout(
    timeline: &Timeline,
    indices: &[usize],
    handout: &super::Handout<'_>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(handout.title(timeline, lang)));
    if handout.tour.is_some() {
        let _ = writeln!(out, "*{}*\n", escape(timeline.title.get(lang)));
    }
    if let Some(description) = super::description(timeline, lang) {
        let _ = writeln!(out, "{description}\n");
    }
    for super::Entry {
        event,
        category,
        date,
        number,
        note,
    } in super::entries(timeline, indices, handout, lang)
    {
        let _ = writeln!(out, "## {number}{}\n", escape(event.title().get(lang)));
        let _ = writeln!(out, "**{date}** · {}\n", category);
        if let Some(note) = note {
            let _ = writeln!(out, "> {}\n", escape(note));
        }
        let _ = writeln!(out, "{}\n", escape(event.summary().get(lang)));
        for source in event.sources() {
            let published = dates::published(lang, source.published)
                .map(|d| format!(", {d}"))
                .unwrap_or_default();
            let link = source.url.map(|u| format!(" <{u}>")).unwrap_or_default();
            let _ = writeln!(
                out,
                "- {}: *{}*{published}.{link}",
                escape(source.publisher),
                escape(source.title)
            );
        }
        out.push('\n');
    }
    out
}

/// Keeps text from being read as Markdown markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
