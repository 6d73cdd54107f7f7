//! A printable handout in Markdown.

use std::fmt::Write as _;

use crate::i18n::dates;
use crate::model::{Lang, Text, Timeline};

/// A handout of the events at `indices`, in that order; with `notes`, one teaching note per
/// event (for tours).
pub fn handout(
    timeline: &Timeline,
    indices: &[usize],
    notes: Option<&[&Text]>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", timeline.title.get(lang));
    if let Some(description) = timeline
        .description
        .exact(lang)
        .or(timeline.description.exact(Lang::En))
    {
        let _ = writeln!(out, "{description}\n");
    }
    for (step, &index) in indices.iter().enumerate() {
        let event = &timeline.events[index];
        let category = &timeline.categories[usize::from(event.category)];
        let date = match event.end {
            Some(_) => dates::span(lang, event.start, event.end),
            None => dates::long_date(lang, event.start, event.time),
        };
        let number = if notes.is_some() {
            format!("{}. ", step + 1)
        } else {
            String::new()
        };
        let _ = writeln!(out, "## {number}{}\n", escape(event.title.get(lang)));
        let _ = writeln!(out, "**{date}** · {}\n", category.name.get(lang));
        if let Some(note) = notes
            .and_then(|n| n.get(step))
            .and_then(|n| n.exact(lang).or(n.exact(Lang::En)))
        {
            let _ = writeln!(out, "> {}\n", escape(note));
        }
        let _ = writeln!(out, "{}\n", escape(event.summary.get(lang)));
        for source in &event.sources {
            let published = dates::published(lang, source)
                .map(|d| format!(", {d}"))
                .unwrap_or_default();
            let link = source
                .url
                .as_deref()
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- {}: *{}*{published}.{link}",
                escape(&source.publisher),
                escape(&source.title)
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
