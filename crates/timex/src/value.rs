//! Reading TIMEX3 calendar values back: their precision and the span of days they cover.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::types::Precision;

/// Precision of a calendar value (`2016`, `2016-09`, `2016-W09-WE`, `2016-09-08T15:00`, `199`, …);
/// `None` for durations (`P3Y`), references (`PAST_REF`) and anything unrecognised.
pub fn precision(value: &str) -> Option<Precision> {
    let (date, time) = match value.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    if value.starts_with('P') || value.ends_with("_REF") {
        return None;
    }
    if let Some(time) = time {
        return Some(match time {
            "MO" | "AF" | "EV" | "NI" | "DT" => Precision::PartOfDay,
            _ => match time.matches(':').count() {
                0 => Precision::Hour,
                1 => Precision::Minute,
                _ => Precision::Second,
            },
        });
    }
    let mut parts = date.split('-');
    let year = parts.next()?;
    let second = parts.next();
    let third = parts.next();
    Some(match (year.len(), second, third) {
        (2, None, _) => Precision::Century,
        (3, None, _) => Precision::Decade,
        (4, None, _) => Precision::Year,
        (_, Some(s), None) if s.starts_with('W') => Precision::Week,
        (_, Some(s), Some(d)) if s.starts_with('W') => {
            if d == "WE" {
                Precision::Week
            } else {
                Precision::Day
            }
        }
        (_, Some(s), None) if s.starts_with('Q') => Precision::Quarter,
        (_, Some(s), None) if s.starts_with('H') => Precision::Half,
        (_, Some("SP" | "SU" | "FA" | "WI"), None) => Precision::Season,
        (_, Some(_), None) => Precision::Month,
        (_, Some(_), Some(_)) => Precision::Day,
        _ => return None,
    })
}

fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn month_range(year: i32, first: u32, last: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, first, 1)?;
    let end = if last == 12 {
        NaiveDate::from_ymd_opt(year, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(year, last + 1, 1)?.pred_opt()?
    };
    Some((start, end))
}

fn year_range(first: i32, last: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(first, 1, 1)?,
        NaiveDate::from_ymd_opt(last, 12, 31)?,
    ))
}

/// First and last day covered by a calendar value; `None` when it is not a fully known calendar value.
pub fn date_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let date = value.split('T').next()?;
    let mut parts = date.split('-');
    let head = parts.next()?;
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    match (head.len(), second) {
        (2, None) => {
            let century: i32 = number(head)?;
            year_range(century * 100, century * 100 + 99)
        }
        (3, None) => {
            let decade: i32 = number(head)?;
            year_range(decade * 10, decade * 10 + 9)
        }
        (4, None) => {
            let year: i32 = number(head)?;
            year_range(year, year)
        }
        (4, Some(second)) => {
            let year: i32 = number(head)?;
            calendar_part(year, second, third)
        }
        _ => None,
    }
}

fn calendar_part(year: i32, second: &str, third: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(week) = second.strip_prefix('W') {
        let week: u32 = number(week)?;
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        let sunday = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?;
        return match third {
            None => Some((monday, sunday)),
            Some("WE") => Some((
                NaiveDate::from_isoywd_opt(year, week, Weekday::Sat)?,
                sunday,
            )),
            Some(day) => {
                let day: u32 = number(day)?;
                let weekday = Weekday::try_from(u8::try_from(day.checked_sub(1)?).ok()?).ok()?;
                let date = NaiveDate::from_isoywd_opt(year, week, weekday)?;
                Some((date, date))
            }
        };
    }
    if third.is_some() {
        let month: u32 = number(second)?;
        let day: u32 = number(third?)?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        return Some((date, date));
    }
    match second {
        "Q1" => month_range(year, 1, 3),
        "Q2" => month_range(year, 4, 6),
        "Q3" => month_range(year, 7, 9),
        "Q4" => month_range(year, 10, 12),
        "H1" => month_range(year, 1, 6),
        "H2" => month_range(year, 7, 12),
        "SP" => month_range(year, 3, 5),
        "SU" => month_range(year, 6, 8),
        "FA" => month_range(year, 9, 11),
        "WI" => {
            let (start, _) = month_range(year, 12, 12)?;
            let (_, end) = month_range(year.checked_add(1)?, 2, 2)?;
            Some((start, end))
        }
        month => {
            let month: u32 = number(month)?;
            month_range(year, month, month)
        }
    }
}

/// The ISO week value (`2017-W09`) of the week holding `date`.
pub fn iso_week_value(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn precision_of_values() {
        assert_eq!(precision("2016-06-14"), Some(Precision::Day));
        assert_eq!(precision("2016-09"), Some(Precision::Month));
        assert_eq!(precision("2016"), Some(Precision::Year));
        assert_eq!(precision("199"), Some(Precision::Decade));
        assert_eq!(precision("19"), Some(Precision::Century));
        assert_eq!(precision("1998-Q3"), Some(Precision::Quarter));
        assert_eq!(precision("2017-W09"), Some(Precision::Week));
        assert_eq!(precision("2017-W09-WE"), Some(Precision::Week));
        assert_eq!(precision("2017-03-02TNI"), Some(Precision::PartOfDay));
        assert_eq!(precision("2017-03-02T15:00"), Some(Precision::Minute));
        assert_eq!(precision("P3Y"), None);
        assert_eq!(precision("PAST_REF"), None);
    }

    #[test]
    fn ranges_of_values() {
        assert_eq!(
            date_range("2016-06-14"),
            Some((day(2016, 6, 14), day(2016, 6, 14)))
        );
        assert_eq!(
            date_range("2016-02"),
            Some((day(2016, 2, 1), day(2016, 2, 29)))
        );
        assert_eq!(
            date_range("1998-Q3"),
            Some((day(1998, 7, 1), day(1998, 9, 30)))
        );
        assert_eq!(
            date_range("199"),
            Some((day(1990, 1, 1), day(1999, 12, 31)))
        );
        assert_eq!(
            date_range("2017-W09"),
            Some((day(2017, 2, 27), day(2017, 3, 5)))
        );
        assert_eq!(
            date_range("2017-03-02T15:00"),
            Some((day(2017, 3, 2), day(2017, 3, 2)))
        );
        assert_eq!(date_range("2017-02-30"), None);
        assert_eq!(date_range("XXXX-WXX-1"), None);
        assert_eq!(date_range("PRESENT_REF"), None);
        assert_eq!(iso_week_value(day(2017, 3, 2)), "2017-W09");
    }
}
