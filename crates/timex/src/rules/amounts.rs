//! Durations ("three years", "20-minute", "the past two months") and sets ("every Monday",
//! "daily", "twice a year", "$5 million a year").

use super::{Built, Hit, Rule};
use crate::lexicon::{
    month_number, number_value, unit_code, weekday_number, MONTH, NUMBER, UNIT, WEEKDAY,
};
use crate::meaning::Meaning;
use crate::types::TimexType;

const APPROX: &str = r"(?:(?P<approx>about|around|nearly|almost|more\s+than|less\s+than|roughly|some|up\s+to|at\s+least|at\s+most|just|only|another|an\s+additional|a\s+further|the\s+past|the\s+last|the\s+next|the\s+first|the\s+coming|the\s+previous|the\s+final|the\s+remaining|the|past|last|next|first|coming|previous|final|recent)\s+){0,2}";

pub fn rules() -> Vec<Rule> {
    let rules = [
        Rule::new(
            &format!(
                r"{APPROX}(?P<n>{NUMBER})(?:\s+(?:more|full|long|straight|consecutive|additional|and\s+a\s+half))?[\s-]+(?P<u>{UNIT})(?P<suffix>-long|-old)?\b(?:\s+and\s+(?P<n2>{NUMBER})\s+(?P<u2>{UNIT})\b|\s+and\s+a\s+half\b)?"
            ),
            duration_rule,
        ),
        Rule::new(
            r"(?:(?P<approx>the|recent|coming|past|next|last|previous|several|many|few|the\s+coming|the\s+next|the\s+past|the\s+last|the\s+early|the\s+remaining)\s+)?(?P<u>years|months|weeks|days|decades|centuries|hours|minutes)(?P<suffix>-long)?\b",
            vague_duration_rule,
        ),
        Rule::new(
            &format!(
                r"(?:every|each|per)\s+(?:(?P<n>other|{NUMBER})\s+)?(?:(?P<u>{UNIT})|(?P<w>{WEEKDAY})|(?P<m>{MONTH})|(?P<part>morning|afternoon|evening|night))\b"
            ),
            every_rule,
        ),
        Rule::new(
            &format!(
                r"(?P<freq>once|twice|thrice|(?:{NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+(?P<u>{UNIT})\b"
            ),
            frequency_rule,
        ),
        Rule::new(
            r"(?P<adverb>daily|weekly|monthly|yearly|nightly|hourly|biweekly)\b",
            adverb_rule,
        ),
        Rule::new(
            r"(?:on\s+)?(?P<w>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b",
            plural_weekday_rule,
        ),
    ];
    rules.into()
}

/// TIMEX3 duration value of an amount of a unit: `P3Y`, `PT20M`, `P2Y6M`, `PXD`.
pub fn duration_value(amount: Option<f64>, unit: &str) -> Option<String> {
    let (code, time) = unit_code(unit)?;
    let prefix = if time { "PT" } else { "P" };
    let Some(amount) = amount else {
        return Some(format!("{prefix}X{code}"));
    };
    if !amount.is_finite() || amount <= 0.0 || amount > 1e6 {
        return None;
    }
    // Whole amounts; halves of a year/month/hour/day go down a unit ("2 1/2 years" → P2Y6M).
    let whole = amount.trunc();
    let fraction = amount - whole;
    let (scale, code, time) = match code {
        "DE" => (10.0, "Y", false),
        "CE" => (100.0, "Y", false),
        "FN" => (2.0, "W", false),
        "Q" => (3.0, "M", false),
        "WE" => (2.0, "D", false),
        other => (1.0, other, time),
    };
    let prefix = if time { "PT" } else { "P" };
    if fraction == 0.0 || scale != 1.0 {
        let value = amount * scale;
        if value.fract() == 0.0 {
            return Some(format!("{prefix}{}{code}", value as i64));
        }
    }
    let (sub_code, sub_scale, sub_time) = match code {
        "Y" => ("M", 12.0, false),
        "M" if !time => ("D", 30.0, false),
        "W" => ("D", 7.0, false),
        "D" => ("H", 24.0, true),
        "H" => ("M", 60.0, true),
        "M" => ("S", 60.0, true),
        _ => return Some(format!("{prefix}{}{code}", whole as i64)),
    };
    let sub = (fraction * sub_scale).round() as i64;
    let whole = whole as i64;
    Some(match (whole, time, sub_time) {
        (0, _, true) if !time => format!("PT{sub}{sub_code}"),
        (0, _, _) => format!("{prefix}{sub}{sub_code}"),
        (_, false, true) => format!("P{whole}{code}T{sub}{sub_code}"),
        _ => format!("{prefix}{whole}{code}{sub}{sub_code}"),
    })
}

/// Money or a count just before "a year" makes it a rate: "$5 million a year", "40,000 barrels a day".
fn follows_amount(hit: &Hit) -> bool {
    let before = hit.before().trim_end();
    let previous = hit.previous_word();
    before.ends_with(|c: char| c.is_ascii_digit() || c == '%')
        || [
            "million", "billion", "thousand", "hundred", "percent", "dollars", "cents", "times",
            "barrels", "tons", "people", "rate",
        ]
        .contains(&previous.as_str())
}

fn modifier_of_approx(word: Option<&str>) -> Option<&'static str> {
    match word?.to_ascii_lowercase().as_str() {
        "about" | "around" | "nearly" | "almost" | "roughly" | "some" => Some("APPROX"),
        "more than" | "over" => Some("MORE_THAN"),
        "less than" | "within" => Some("LESS_THAN"),
        "at least" => Some("EQUAL_OR_MORE"),
        "up to" | "at most" => Some("EQUAL_OR_LESS"),
        _ => None,
    }
}

fn duration_rule(hit: &Hit) -> Option<Built> {
    let unit = hit.group("u")?;
    let number = hit.group("n")?;
    let lower = number.to_ascii_lowercase();
    let after = hit.next_words();
    // Ages are not time expressions: "a 45-year-old", "52 years old".
    let age =
        after.starts_with("old") && !after.starts_with("older") || hit.after().starts_with("-old");
    if hit
        .group("suffix")
        .is_some_and(|s| s.eq_ignore_ascii_case("-old"))
        || age
    {
        return None;
    }
    let unit_lower = unit.to_ascii_lowercase();
    if unit_lower.starts_with("second") && (lower == "a" || lower == "one") {
        return None;
    }
    // "three quarters of", "a quarter point" are fractions; "the next three quarters" is time.
    if unit_lower.starts_with("quarter")
        && (after.starts_with("of")
            || lower == "a"
            || lower == "three" && hit.group("approx").is_none())
    {
        return None;
    }
    if (lower == "a" || lower == "an" || lower == "per")
        && follows_amount(hit)
        && hit.group("approx").is_none()
    {
        let value = duration_value(Some(1.0), unit)?;
        return Some(Built::new(TimexType::Set, Meaning::Fixed(value)));
    }
    let mut amount = number_value(number);
    // "the 1988 quarter" is a year, not 1988 quarters.
    if amount.is_some_and(|a| (1000.0..2200.0).contains(&a) && a.fract() == 0.0)
        && !number.contains(',')
    {
        return None;
    }
    if hit.matched().to_ascii_lowercase().contains("and a half") {
        amount = amount.map(|a| a + 0.5);
    }
    let mut value = duration_value(amount, unit)?;
    if let (Some(n2), Some(u2)) = (hit.group("n2"), hit.group("u2")) {
        let extra = duration_value(number_value(n2), u2)?;
        value = combine_durations(&value, &extra);
    }
    let modifier = modifier_of_approx(hit.group("approx"));
    let hyphenated = hit.matched().contains(&format!("-{unit}"));
    Some(
        Built::new(TimexType::Duration, Meaning::Fixed(value))
            .with_modifier(modifier)
            .adjectival_if(hyphenated),
    )
}

/// "P2Y" + "P6M" → "P2Y6M"; "PT2H" + "PT30M" → "PT2H30M".
fn combine_durations(first: &str, second: &str) -> String {
    let first_time = first.starts_with("PT");
    let second_time = second.starts_with("PT");
    let rest = second.trim_start_matches('P').trim_start_matches('T');
    match (first_time, second_time) {
        (true, true) | (false, false) => format!("{first}{rest}"),
        (false, true) => format!("{first}T{rest}"),
        (true, false) => first.to_owned(),
    }
}

fn vague_duration_rule(hit: &Hit) -> Option<Built> {
    let unit = hit.group("u")?.to_ascii_lowercase();
    let qualifier = hit.group("approx").map(str::to_ascii_lowercase);
    let previous = hit.previous_word();
    match qualifier.as_deref() {
        Some("recent") if unit == "years" => {
            return Some(Built::date(Meaning::Fixed("PAST_REF".to_owned())))
        }
        None if ![
            "for", "over", "within", "in", "after", "took", "take", "takes", "taking", "lasted",
            "spent", "spend", "past", "last", "next", "coming", "nearly", "about", "almost",
        ]
        .contains(&previous.as_str()) =>
        {
            return None
        }
        Some("the")
            if !["for", "over", "during", "through", "throughout", "across"]
                .contains(&previous.as_str()) =>
        {
            return None
        }
        _ => {}
    }
    let value = duration_value(None, &unit)?;
    Some(Built::new(TimexType::Duration, Meaning::Fixed(value)))
}

fn every_rule(hit: &Hit) -> Option<Built> {
    if let Some(month) = hit.group("m") {
        if !hit.capitalised("m") {
            return None;
        }
        let month = month_number(month)?;
        return Some(Built::new(
            TimexType::Set,
            Meaning::Fixed(format!("XXXX-{month:02}")),
        ));
    }
    if let Some(weekday) = hit.group("w") {
        let day = weekday_number(weekday)?;
        return Some(Built::new(
            TimexType::Set,
            Meaning::Fixed(format!("XXXX-WXX-{day}")),
        ));
    }
    if let Some(part) = hit.group("part") {
        let code = match part.to_ascii_lowercase().as_str() {
            "morning" => "MO",
            "afternoon" => "AF",
            "evening" => "EV",
            _ => "NI",
        };
        return Some(Built::new(
            TimexType::Set,
            Meaning::Fixed(format!("XXXX-XX-XXT{code}")),
        ));
    }
    let amount = match hit.group("n").map(str::to_ascii_lowercase).as_deref() {
        Some("other") => Some(2.0),
        Some(n) => number_value(n),
        None => Some(1.0),
    };
    let value = duration_value(amount.or(Some(1.0)), hit.group("u")?)?;
    Some(Built::new(TimexType::Set, Meaning::Fixed(value)))
}

fn frequency_rule(hit: &Hit) -> Option<Built> {
    let value = duration_value(Some(1.0), hit.group("u")?)?;
    Some(Built::new(TimexType::Set, Meaning::Fixed(value)))
}

fn adverb_rule(hit: &Hit) -> Option<Built> {
    let value = match hit.group("adverb")?.to_ascii_lowercase().as_str() {
        "daily" => "P1D",
        "weekly" => "P1W",
        "biweekly" => "P2W",
        "monthly" => "P1M",
        "quarterly" => "P3M",
        "semiannually" => "P6M",
        "nightly" => "P1D",
        "hourly" => "PT1H",
        _ => "P1Y",
    };
    Some(Built::new(TimexType::Set, Meaning::Fixed(value.to_owned())))
}

fn plural_weekday_rule(hit: &Hit) -> Option<Built> {
    if !hit.capitalised("w") {
        return None;
    }
    let day = weekday_number(hit.group("w")?)?;
    Some(Built::new(
        TimexType::Set,
        Meaning::Fixed(format!("XXXX-WXX-{day}")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_values() {
        assert_eq!(duration_value(Some(3.0), "years").as_deref(), Some("P3Y"));
        assert_eq!(
            duration_value(Some(20.0), "minute").as_deref(),
            Some("PT20M")
        );
        assert_eq!(duration_value(Some(2.5), "years").as_deref(), Some("P2Y6M"));
        assert_eq!(
            duration_value(Some(5.5), "hours").as_deref(),
            Some("PT5H30M")
        );
        assert_eq!(
            duration_value(Some(2.0), "decades").as_deref(),
            Some("P20Y")
        );
        assert_eq!(duration_value(None, "days").as_deref(), Some("PXD"));
        assert_eq!(duration_value(Some(0.5), "hour").as_deref(), Some("PT30M"));
    }
}
