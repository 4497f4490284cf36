//! Vague references to the present, past and future ("now", "recently", "the future", "the near
//! term", "future quarters") and holidays.

use super::{Built, Hit, Rule};
use crate::meaning::Meaning;

pub fn rules() -> Vec<Rule> {
    let rules = [
        Rule::new(
            r"(?P<word>now|currently|nowadays|at\s+present|these\s+days|the\s+present|current)\b",
            present_rule,
        ),
        Rule::new(r"(?P<word>recently|lately|the\s+past)\b", past_rule),
        Rule::new(
            r"(?P<word>the\s+future|the\s+near\s+future|the\s+(?:near|short)\s+term|a\s+later\s+date|future\s+(?:quarters|months|years)|coming\s+(?:quarters|months)|as\s+soon\s+as\s+possible|someday)\b",
            future_rule,
        ),
        Rule::new(
            r"(?P<name>christmas\s+eve|christmas\s+day|christmas|new\s+year's\s+eve|new\s+year's\s+day|thanksgiving\s+day|thanksgiving|election\s+day|independence\s+day|the\s+fourth\s+of\s+july|valentine's\s+day|halloween|easter\s+sunday|easter|memorial\s+day|labor\s+day|veterans\s+day|martin\s+luther\s+king\s+day)(?:,?\s+(?P<y>[12]\d{3})\b)?",
            holiday_rule,
        ),
    ];
    rules.into()
}

fn fixed(value: &str) -> Option<Built> {
    Some(Built::date(Meaning::Fixed(value.to_owned())))
}

fn present_rule(hit: &Hit) -> Option<Built> {
    let word = hit.group("word")?.to_ascii_lowercase();
    let next = hit.next_words();
    let previous = hit.previous_word();
    match word.as_str() {
        // "current" only as "current <time word>": "current account" is not a time.
        "current"
            if ![
                "year",
                "quarter",
                "month",
                "week",
                "period",
                "session",
                "term",
                "fiscal",
                "season",
                "crisis",
                "situation",
                "level",
                "levels",
                "rate",
                "state",
                "conditions",
            ]
            .iter()
            .any(|w| next.starts_with(w)) =>
        {
            return None
        }
        // "now" as a discourse marker after a comma or as "until now" is still present; "now that" too.
        "now" if previous == "from" || previous == "by" && next.starts_with("on") => return None,
        _ => {}
    }
    fixed("PRESENT_REF")
}

fn past_rule(_: &Hit) -> Option<Built> {
    fixed("PAST_REF")
}

fn future_rule(_: &Hit) -> Option<Built> {
    fixed("FUTURE_REF")
}

fn holiday_rule(hit: &Hit) -> Option<Built> {
    let name = hit.group("name")?;
    if !name.starts_with(char::is_uppercase) && !name.starts_with("the") {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    // "Easter" alone is often a name ("Easter Island"): only after a preposition.
    let prepositions = [
        "on", "at", "before", "after", "since", "until", "by", "over", "for", "during",
    ];
    if lower == "easter" && !prepositions.contains(&hit.previous_word().as_str()) {
        return None;
    }
    let key = match lower
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .as_str()
    {
        "christmas" | "christmas day" => "christmas",
        "christmas eve" => "christmas eve",
        "new year's day" => "new year",
        "new year's eve" => "new year's eve",
        "thanksgiving" | "thanksgiving day" => "thanksgiving",
        "election day" => "election day",
        "independence day" | "the fourth of july" => "independence day",
        "valentine's day" => "valentine",
        "halloween" => "halloween",
        "easter" | "easter sunday" => "easter",
        "memorial day" => "memorial day",
        "labor day" => "labor day",
        "veterans day" => "veterans day",
        _ => "mlk day",
    };
    let year = hit.group("y").and_then(|y| y.parse().ok());
    Some(Built::date(Meaning::Holiday { name: key, year }))
}
