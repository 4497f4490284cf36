//! Publication dates: normalisation of the date strings found in metadata, URLs and visible text
//! to ISO 8601 (`YYYY-MM-DD`, with `THH:MM:SS` and the offset when the source gives a time).

use std::sync::OnceLock;

use regex::Regex;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|_| unreachable!("constant regex")))
}

fn iso_regex() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    regex(
        &CELL,
        r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    )
}

fn month_first_regex() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    regex(
        &CELL,
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
    )
}

fn day_first_regex() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    regex(
        &CELL,
        r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b",
    )
}

fn url_regex() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    regex(
        &CELL,
        r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)|/((?:19|20)\d{2})(\d{2})(\d{2})/",
    )
}

/// Normalises a machine-readable date (meta tags, JSON-LD, `<time datetime>`), also accepting the
/// human forms handled by [`from_text`].
pub(crate) fn normalise(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some(c) = iso_regex().captures(raw) {
        let date = ymd(c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str())?;
        let (Some(hour), Some(minute)) = (c.get(4), c.get(5)) else {
            return Some(date);
        };
        let hour: u32 = hour.as_str().parse().ok().filter(|h| *h < 24)?;
        let minute: u32 = minute.as_str().parse().ok().filter(|m| *m < 60)?;
        let second: u32 = c
            .get(6)
            .and_then(|s| s.as_str().parse().ok())
            .filter(|s| *s < 61)
            .unwrap_or(0);
        let offset = match c.get(7).map(|o| o.as_str()) {
            None => String::new(),
            Some("Z") => "Z".to_string(),
            Some(o) if o.len() == 5 => format!("{}:{}", &o[..3], &o[3..]),
            Some(o) => o.to_string(),
        };
        return Some(format!("{date}T{hour:02}:{minute:02}:{second:02}{offset}"));
    }
    from_text(raw)
}

/// Finds a human-written date ("November 19, 2019", "19 Nov 2019").
pub(crate) fn from_text(text: &str) -> Option<String> {
    let month_first = month_first_regex().captures(text).map(|c| {
        (
            c.get(0).map_or(0, |m| m.start()),
            c[1].to_string(),
            c[2].to_string(),
            c[3].to_string(),
        )
    });
    let day_first = day_first_regex().captures(text).map(|c| {
        (
            c.get(0).map_or(0, |m| m.start()),
            c[2].to_string(),
            c[1].to_string(),
            c[3].to_string(),
        )
    });
    let earliest = match (month_first, day_first) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    let (_, month, day, year) = earliest?;
    let month_number = MONTHS
        .iter()
        .position(|m| month.to_ascii_lowercase().starts_with(m))?
        + 1;
    ymd(&year, &month_number.to_string(), &day)
}

/// Finds a date in an article URL (`/2019/11/19/`, `/2019-11-19-`, `/20191119/`).
pub(crate) fn from_url(url: &str) -> Option<String> {
    let c = url_regex().captures(url)?;
    if let (Some(y), Some(m), Some(d)) = (c.get(1), c.get(2), c.get(3)) {
        return ymd(y.as_str(), m.as_str(), d.as_str());
    }
    ymd(c.get(4)?.as_str(), c.get(5)?.as_str(), c.get(6)?.as_str())
}

fn ymd(year: &str, month: &str, day: &str) -> Option<String> {
    let year: u32 = year.parse().ok().filter(|y| (1900..=2100).contains(y))?;
    let month: u32 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let days_in_month = match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let day: u32 = day
        .parse()
        .ok()
        .filter(|d| (1..=days_in_month).contains(d))?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates_are_normalised() {
        assert_eq!(
            normalise("2019-11-19T15:04:05.123+0100").as_deref(),
            Some("2019-11-19T15:04:05+01:00")
        );
        assert_eq!(
            normalise("2019-11-19T15:04Z").as_deref(),
            Some("2019-11-19T15:04:00Z")
        );
        assert_eq!(normalise(" 2019-11-19 ").as_deref(), Some("2019-11-19"));
        assert_eq!(
            normalise("Tue, 19 Nov 2019 10:00:00 GMT").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(normalise("2019-02-30"), None);
        assert_eq!(normalise("soon"), None);
    }

    #[test]
    fn text_and_url_dates_are_found() {
        assert_eq!(
            from_text("Updated Sept. 3rd, 2020 at 5pm").as_deref(),
            Some("2020-09-03")
        );
        assert_eq!(
            from_text("Published 4 March 2021").as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(
            from_url("https://x.com/2019/11/19/opinion/a.html").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            from_url("https://x.com/news/20191119/a").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(from_url("https://x.com/news/a-123"), None);
    }
}
