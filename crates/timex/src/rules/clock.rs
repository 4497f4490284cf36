//! Clock times: "3 p.m.", "10:35 a.m. EDT Thursday", "noon", "4 in the morning".

use super::{Built, Hit, Rule};
use crate::lexicon::{month_number, weekday_number, MONTH, WEEKDAY};
use crate::meaning::{Meaning, Relation, TimeOfDay, Unit};
use crate::types::TimexType;

const ZONE: &str =
    r"(?:\s+(?:\(?(?:est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|et|pt)\b\)?|local\s+time\b))?";

pub fn rules() -> Vec<Rule> {
    let day = format!(
        r"(?:,?\s+(?:on\s+)?(?P<day>(?P<w>{WEEKDAY})|today|yesterday|tomorrow|(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)\b))?"
    );
    let rules = [
        Rule::new(
            &format!(
                r"(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b){ZONE}{day}"
            ),
            clock_rule,
        ),
        Rule::new(
            &format!(r"(?P<h>[012]?\d):(?P<min>[0-5]\d){ZONE}{day}"),
            clock_rule,
        ),
        Rule::new(
            &format!(
                r"(?P<h>[01]?\d)\s+o'clock\b(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening))?{day}"
            ),
            clock_rule,
        ),
        Rule::new(
            &format!(r"(?P<h>[01]?\d)\s+in\s+the\s+(?P<part>morning|afternoon|evening)\b{day}"),
            clock_rule,
        ),
        Rule::new(
            &format!(r"(?P<word>noon|midnight|midday){day}\b"),
            clock_rule,
        ),
    ];
    rules.into()
}

fn clock_rule(hit: &Hit) -> Option<Built> {
    let (hour, minute) = if let Some(word) = hit.group("word") {
        (
            if word.eq_ignore_ascii_case("midnight") {
                0
            } else {
                12
            },
            0,
        )
    } else {
        let hour: u32 = hit.group("h")?.parse().ok()?;
        let minute: u32 = match hit.group("min") {
            Some(m) => m.parse().ok()?,
            None => 0,
        };
        let afternoon = hit
            .group("ap")
            .is_some_and(|ap| ap.to_ascii_lowercase().starts_with('p'))
            || hit
                .group("part")
                .is_some_and(|p| !p.eq_ignore_ascii_case("morning"));
        let morning = hit.group("ap").is_some() || hit.group("part").is_some();
        if hit.group("ap").is_none()
            && hit.group("part").is_none()
            && hit.group("min").is_some()
            && hit.matched().len() < 6
        {
            // A bare "10:35" is too often a score or a ratio: only with a zone or a day.
            if !hit.matched().contains(char::is_alphabetic) {
                return None;
            }
        }
        let hour = match (hour, afternoon, morning) {
            (12, false, true) => 0,
            (h, true, _) if h < 12 => h + 12,
            (h, _, _) => h,
        };
        (hour, minute)
    };
    if hour > 23 || minute > 59 {
        return None;
    }
    let time = TimeOfDay::Clock { hour, minute };
    let meaning = match hit.group("day") {
        Some(day) => {
            let date = if let Some(month) = hit.group("m") {
                if !hit.capitalised("m") {
                    return None;
                }
                Meaning::MonthDay {
                    year: None,
                    month: month_number(month)?,
                    day: Some(
                        hit.group("d")?
                            .parse()
                            .ok()
                            .filter(|d| (1..=31).contains(d))?,
                    ),
                    relation: Relation::Nearest,
                }
            } else if let Some(weekday) = hit.group("w") {
                if !hit.capitalised("w") {
                    return None;
                }
                Meaning::Weekday {
                    weekday: weekday_number(weekday)?,
                    relation: Relation::Nearest,
                }
            } else {
                let offset = match day.to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                Meaning::Shift {
                    unit: Unit::Day,
                    offset,
                }
            };
            Meaning::WithTime {
                date: Box::new(date),
                time,
            }
        }
        None => Meaning::Clock(time),
    };
    Some(Built::new(TimexType::Time, meaning))
}
