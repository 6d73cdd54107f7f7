//! A self-contained, printable HTML handout (no scripts, no external files).

use std::fmt::Write as _;

use crate::i18n::dates;
use crate::model::{Lang, Timeline};

/// The same content as the Markdown handout, as one HTML page with print styles.
pub fn handout(
    timeline: &Timeline,
    indices: &[usize],
    handout: &super::Handout<'_>,
    lang: Lang,
) -> String {
    let title = escape(handout.title(timeline, lang));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n\
body {{ font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; }}\n\
h1 {{ font-size: 1.8em; }} h2 {{ font-size: 1.25em; margin-bottom: 0.2em; }}\n\
.date {{ font-weight: bold; }} .category {{ color: #555; }}\n\
.note {{ border-left: 4px solid #c8102e; padding: 0.3em 0.8em; background: #f6f6f6; font-style: italic; }}\n\
.sources {{ font-size: 0.9em; color: #333; }} .sources a {{ color: #1a4fa0; word-break: break-all; }}\n\
article {{ page-break-inside: avoid; border-top: 1px solid #ddd; padding-top: 0.5em; }}\n\
@media print {{ a {{ color: #000; }} .sources a::after {{ content: \" <\" attr(href) \">\"; }} }}\n\
</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        lang.code()
    );
    if handout.tour.is_some() {
        let _ = writeln!(out, "<p><em>{}</em></p>", escape(timeline.title.get(lang)));
    }
    if let Some(description) = super::description(timeline, lang) {
        let _ = writeln!(out, "<p>{}</p>", escape(description));
    }
    for super::Entry {
        event,
        category,
        date,
        number,
        note,
    } in super::entries(timeline, indices, handout, lang)
    {
        let _ = writeln!(out, "<article id=\"{}\">", escape(event.id()));
        let _ = writeln!(out, "<h2>{number}{}</h2>", escape(event.title().get(lang)));
        let _ = writeln!(
            out,
            "<p><span class=\"date\">{}</span> · <span class=\"category\">{}</span></p>",
            escape(&date),
            escape(category)
        );
        if let Some(note) = note {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
        }
        let _ = writeln!(out, "<p>{}</p>", escape(event.summary().get(lang)));
        let _ = writeln!(out, "<ul class=\"sources\">");
        for source in event.sources() {
            let published = dates::published(lang, source.published)
                .map(|d| format!(", {d}"))
                .unwrap_or_default();
            let title = match source
                .url
                .filter(|u| crate::model::load::check_url(u).is_ok())
            {
                Some(url) => format!("<a href=\"{}\">{}</a>", escape(url), escape(source.title)),
                None => format!("<cite>{}</cite>", escape(source.title)),
            };
            let _ = writeln!(
                out,
                "<li>{}: {title}{}</li>",
                escape(source.publisher),
                escape(&published)
            );
        }
        let _ = writeln!(out, "</ul>\n</article>");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
