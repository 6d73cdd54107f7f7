//! iCalendar (RFC 5545): one all-day VEVENT per event.

use crate::model::{Lang, Timeline, date::after};

/// A calendar with the events at `indices`.
pub fn calendar(timeline: &Timeline, indices: &[usize], lang: Lang) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//belarus-timeline//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("X-WR-CALNAME:{}", escape(timeline.title.get(lang))),
    ];
    for &index in indices {
        let event = &timeline.events[index];
        let last = event.end.unwrap_or(event.start);
        let end_exclusive = after(last);
        let mut description = event.summary().get(lang).to_owned();
        for source in event.sources() {
            description.push_str(&format!("\n{}: {}", source.publisher, source.title));
            if let Some(url) = &source.url {
                description.push_str(&format!(" {url}"));
            }
        }
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{}@belarus-timeline", event.id()));
        lines.push("DTSTAMP:20200101T000000Z".to_owned());
        lines.push(format!(
            "DTSTART;VALUE=DATE:{}",
            event.start.date.format("%Y%m%d")
        ));
        lines.push(format!(
            "DTEND;VALUE=DATE:{}",
            end_exclusive.format("%Y%m%d")
        ));
        lines.push(format!("SUMMARY:{}", escape(event.title().get(lang))));
        lines.push(format!("DESCRIPTION:{}", escape(&description)));
        lines.push(format!(
            "CATEGORIES:{}",
            escape(
                timeline.categories[usize::from(event.category)]
                    .name
                    .get(lang)
            )
        ));
        if let Some(url) = event.sources().find_map(|s| s.url) {
            lines.push(format!("URL:{url}"));
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    lines
        .iter()
        .map(|l| fold(l))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets without splitting a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_at_75_octets_on_char_boundaries() {
        let line = format!("SUMMARY:{}", "ў".repeat(100));
        let folded = super::fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{}", part.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
    }
}
