//! TimelineJS3 JSON, which loads in Knight Lab's TimelineJS unchanged: one slide per event, the
//! texts in one language, each event's sources as links under its text, its category as its
//! group, the eras as eras and the timeline's (or the tour's) title as the title slide.

use serde_json::{Map, Value, json};

use super::{ExportError, Handout};
use crate::model::{FuzzyDate, Lang, Precision, Timeline};

/// The TimelineJS form of the events at `indices`, texts in `lang`.
pub fn timeline(
    timeline: &Timeline,
    indices: &[usize],
    handout: &Handout<'_>,
    lang: Lang,
) -> Result<String, ExportError> {
    let sources_label = crate::i18n::t(lang, "details-sources");
    let events: Vec<Value> = indices
        .iter()
        .map(|&index| {
            let event = &timeline.events[index];
            let mut text = paragraphs(event.summary().get(lang));
            let links: Vec<String> = event
                .sources()
                .filter_map(|source| {
                    let url = source.url?;
                    Some(format!(
                        "<a href=\"{}\">{} — {}</a>",
                        escape(url),
                        escape(source.publisher),
                        escape(source.title)
                    ))
                })
                .collect();
            if !links.is_empty() {
                text.push_str(&format!(
                    "<p>{}: {}</p>",
                    escape(&sources_label),
                    links.join("; ")
                ));
            }
            let mut slide = Map::new();
            slide.insert("unique_id".into(), event.id().into());
            slide.insert("start_date".into(), date(event.start, event.time));
            if let Some(end) = event.end {
                slide.insert("end_date".into(), date(end, None));
            }
            slide.insert(
                "text".into(),
                json!({"headline": escape(event.title().get(lang)), "text": text}),
            );
            slide.insert(
                "group".into(),
                timeline.categories[usize::from(event.category)]
                    .name
                    .get(lang)
                    .into(),
            );
            Value::Object(slide)
        })
        .collect();
    let eras: Vec<Value> = timeline
        .eras
        .iter()
        .map(|era| {
            json!({
                "start_date": date(era.start, None),
                "end_date": date(era.end, None),
                "text": {"headline": escape(era.name.get(lang))},
            })
        })
        .collect();
    let description = match handout.tour {
        Some(_) => String::new(),
        None => super::description(timeline, lang)
            .map(paragraphs)
            .unwrap_or_default(),
    };
    let document = json!({
        "title": {"text": {"headline": escape(handout.title(timeline, lang)), "text": description}},
        "events": events,
        "eras": eras,
    });
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

/// A date as TimelineJS writes it: only the parts that are known, as text.
fn date(date: FuzzyDate, time: Option<chrono::NaiveTime>) -> Value {
    use chrono::{Datelike as _, Timelike as _};
    let mut parts = Map::new();
    parts.insert("year".into(), date.date.year().to_string().into());
    if date.precision != Precision::Year {
        parts.insert("month".into(), date.date.month().to_string().into());
    }
    if date.precision == Precision::Day {
        parts.insert("day".into(), date.date.day().to_string().into());
        if let Some(time) = time {
            parts.insert("hour".into(), time.hour().to_string().into());
            parts.insert("minute".into(), time.minute().to_string().into());
        }
    }
    Value::Object(parts)
}

/// A plain text as HTML paragraphs: empty lines separate paragraphs, line breaks are kept.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape(p).replace('\n', "<br>")))
        .collect()
}

/// Text made safe inside HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::timelinejs::html;

    #[test]
    fn texts_survive_the_way_to_html_and_back() {
        let text = "Tom & Jerry <3\n\nA second \"paragraph\"\nwith a break";
        let back = html::to_text(&paragraphs(text));
        assert_eq!(back.text, text);
        assert!(back.links.is_empty());
    }

    #[test]
    fn dates_keep_only_what_is_known() {
        let year = FuzzyDate::parse("0650").unwrap();
        assert_eq!(date(year, None), json!({"year": "650"}));
        let month = FuzzyDate::parse("2020-09").unwrap();
        assert_eq!(date(month, None), json!({"year": "2020", "month": "9"}));
        let day = FuzzyDate::parse("2020-08-09").unwrap();
        let time = chrono::NaiveTime::from_hms_opt(21, 5, 0);
        assert_eq!(
            date(day, time),
            json!({"year": "2020", "month": "8", "day": "9", "hour": "21", "minute": "5"})
        );
    }
}
