//! Folding text for search that ignores case, accents and script.
//!
//! Both the query and the text are folded the same way: Belarusian and Russian Cyrillic are
//! transliterated to Latin, accents are dropped, and spellings that the usual romanisations of
//! the same name disagree on are merged ("kh"/"h"/"x", "ts"/"c", "g"/"h", "y"/"j"/"i", doubled
//! letters). So "Ціханоўская", "Tsikhanouskaya" and "Тихановская" fold close enough that the
//! actor and place lists, which carry every spelling, bring them together.

/// Folds `text` for comparison. The result is lowercase ASCII letters, digits and single spaces.
pub fn fold(text: &str) -> String {
    let mut latin = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        match cyrillic(lower) {
            Some(replacement) => latin.push_str(replacement),
            None if lower.is_ascii() => latin.push(lower),
            None => latin.push_str(
                &deunicode::deunicode_char(lower)
                    .unwrap_or(" ")
                    .to_lowercase(),
            ),
        }
    }
    skeleton(&latin)
}

/// Merges letters that different romanisations use for the same sound.
fn skeleton(latin: &str) -> String {
    let bytes = latin.as_bytes();
    let mut out = String::with_capacity(latin.len());
    let mut i = 0;
    let mut last_space = true;
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        let (replacement, consumed): (&str, usize) = match (b, next) {
            (b'k', Some(b'h')) => ("h", 2),
            (b't', Some(b's')) | (b't', Some(b'z')) => ("c", 2),
            (b'x' | b'g', _) => ("h", 1),
            (b'y' | b'j', _) => ("i", 1),
            (b'w', _) => ("v", 1),
            (b'a'..=b'z' | b'0'..=b'9', _) => {
                // One byte, itself.
                let s = &latin[i..i + 1];
                (s, 1)
            }
            _ => (" ", 1),
        };
        i += consumed;
        if replacement == " " {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        // Doubled letters count once ("Kolesnikova" / "Kalesnikava" still differ, aliases cover that).
        if out.ends_with(replacement) && replacement.len() == 1 {
            continue;
        }
        out.push_str(replacement);
        last_space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Belarusian and Russian Cyrillic in a Latin spelling close to both romanisations.
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "h",
        'д' => "d",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'і' | 'и' | 'й' | 'ы' | 'ї' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "sch",
        'ъ' | 'ь' | '\'' | '’' | 'ʼ' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_meet() {
        assert_eq!(fold("Minsk"), fold("Мінск"));
        assert_eq!(fold("Minsk"), fold("Минск"));
        assert_eq!(fold("Hrodna"), fold("Гродна"));
        assert_eq!(fold("Grodno"), fold("Гродно"));
        assert_eq!(fold("Tsikhanouskaya"), fold("Ціханоўская"));
        assert_eq!(fold("Tikhanovskaya"), fold("Тихановская"));
        assert_eq!(fold("Łukašenka"), fold("Lukasenka"));
    }

    #[test]
    fn output_is_plain() {
        let folded = fold("  Hello,   WORLD! 2020 — Ўладзь ");
        assert_eq!(folded, "helo vorld 2020 uladz");
    }
}
