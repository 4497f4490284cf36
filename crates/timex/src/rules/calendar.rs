//! Calendar expressions: full and partial dates, months, years, decades, centuries, seasons,
//! quarters, halves and fiscal years.

use super::{modifier_of, Built, Hit, Rule};
use crate::lexicon::{month_number, ordinal_value, MONTH, WEEKDAY};
use crate::meaning::{Meaning, Relation};

/// Optional "early", "late", "mid-", "the end of" before a calendar expression.
const PREFIX: &str = r"(?:(?P<pre>early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end|end\s+of|beginning\s+of|start\s+of)(?:\s+|-))?";

/// "this year", "last year", "next year" after a month or a day: "June last year", "May 5 next year".
const RELATIVE_YEAR: &str = r"(?P<ry>this|last|next)\s+year\b";

/// The relation a "last year" / "next year" / "this year" after a month gives it.
fn relative_year(hit: &Hit) -> Option<Relation> {
    let word = hit.group("ry")?.to_ascii_lowercase();
    Some(match word.as_str() {
        "last" => Relation::YearOffset(-1),
        "next" => Relation::YearOffset(1),
        _ => Relation::This,
    })
}

pub fn rules() -> Vec<Rule> {
    let full_date = format!(
        r"(?:(?P<w>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b,?\s*(?P<y>\d{{4}})\b"
    );
    let day_month_year = format!(
        r"(?:(?P<w>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH}),?\s*(?P<y>\d{{4}})\b"
    );
    let month_day = format!(
        r"(?:(?P<rel>last|this|next|coming)\s+)?(?:(?P<w>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{RELATIVE_YEAR})?"
    );
    let day_month = format!(
        r"(?:(?P<w>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})"
    );
    let month_year = format!(
        r"{PREFIX}(?P<m>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>\d{{4}})\b|nineteen[\s-]+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<units>one|two|three|four|five|six|seven|eight|nine))?\b|{RELATIVE_YEAR})"
    );
    let month = format!(r"{PREFIX}(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<m>{MONTH})");
    let rules = [
        Rule::new(&full_date, full_date_rule),
        Rule::new(&day_month_year, full_date_rule),
        Rule::new(
            r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
            numeric_date_rule,
        ),
        Rule::new(
            r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})\b",
            numeric_date_rule,
        ),
        Rule::new(&month_day, month_day_rule),
        Rule::new(&day_month, month_day_rule),
        Rule::new(&month_year, month_year_rule),
        Rule::new(&month, month_rule),
        Rule::new(
            &format!(
                r"{PREFIX}(?:(?:the\s+)?(?:fiscal|calendar|financial|model|school)\s+(?:year\s+)?|the\s+year\s+|the\s+)?(?P<y>[12]\d{{3}})\b(?:\s+(?P<noun>period|quarter|fiscal\s+year|calendar\s+year))?"
            ),
            year_rule,
        ),
        Rule::new(r"fiscal\s+(?:year\s+)?'(?P<yy>\d\d)\b", year_rule),
        Rule::new(
            r"(?:the\s+year\s+)?nineteen[\s-]+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<units>one|two|three|four|five|six|seven|eight|nine))?\b",
            spelled_year_rule,
        ),
        Rule::new(
            r"(?:the\s+year\s+)?two\s+thousand(?:\s+and)?(?:[\s-]+(?P<units>one|two|three|four|five|six|seven|eight|nine))?\b",
            spelled_year_rule,
        ),
        Rule::new(
            r"(?:the\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?(?:(?P<full>1\d\d|20\d)0'?s|'(?P<short>\d)0s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
            decade_rule,
        ),
        Rule::new(
            r"(?:the\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]+century\b",
            century_rule,
        ),
        Rule::new(
            &format!(
                r"(?:(?P<the>the)\s+)?(?:(?P<pre>early|late|mid)[\s-]+)?(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(?P<y>[12]\d{{3}})\b|nineteen[\s-]+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<units>one|two|three|four|five|six|seven|eight|nine))?\b|{RELATIVE_YEAR}))?\b"
            ),
            season_rule,
        ),
        Rule::new(
            r"(?:the\s+)?(?:(?P<yr>[12]\d{3}|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal\s+|calendar\s+)?quarter\b(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<y>[12]\d{3})\b|(?P<rely>this|last|next)\s+year\b))?",
            quarter_rule,
        ),
        Rule::new(
            r"(?:the\s+)?(?P<ord>first|second|last|latter)\s+half\b(?:\s+of\s+(?:(?:fiscal|calendar|the\s+year)\s+)?(?:(?P<y>[12]\d{3})\b|(?P<rely>this|last|next)\s+year\b|the\s+year\b))?",
            half_rule,
        ),
    ];
    rules.into()
}

/// A year written with two or four digits.
fn year_of(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    Some(match text.len() {
        2 if year < 50 => 2000 + year,
        2 => 1900 + year,
        _ => year,
    })
}

fn day_of(text: Option<&str>) -> Option<u32> {
    text?.parse().ok().filter(|d| (1..=31).contains(d))
}

/// "Friday" and month names must be capitalised ("may", "march", "sun" are ordinary words).
fn names_capitalised(hit: &Hit) -> bool {
    hit.capitalised("m") && (hit.group("w").is_none() || hit.capitalised("w"))
}

fn full_date_rule(hit: &Hit) -> Option<Built> {
    if !names_capitalised(hit) {
        return None;
    }
    let month = month_number(hit.group("m")?)?;
    let day = day_of(hit.group("d"))?;
    let year = year_of(hit.group("y")?)?;
    Some(Built::date(Meaning::MonthDay {
        year: Some(year),
        month,
        day: Some(day),
        relation: Relation::Nearest,
    }))
}

fn numeric_date_rule(hit: &Hit) -> Option<Built> {
    if hit
        .after()
        .starts_with(|c: char| c == '/' || c == '-' || c.is_ascii_digit())
    {
        return None;
    }
    let month: u32 = hit
        .group("m")?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let day = day_of(hit.group("d"))?;
    let year = year_of(hit.group("y")?)?;
    Some(Built::date(Meaning::MonthDay {
        year: Some(year),
        month,
        day: Some(day),
        relation: Relation::Nearest,
    }))
}

fn month_day_rule(hit: &Hit) -> Option<Built> {
    if !names_capitalised(hit) {
        return None;
    }
    // "March 2,000 people" or "May 3.5" are not dates.
    if hit.after().starts_with([',', '.'])
        && hit
            .after()
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let word = hit.group("m")?;
    if word.eq_ignore_ascii_case("may")
        && hit.group("w").is_none()
        && !hit.previous_word().is_empty()
    {
        let previous = hit.previous_word();
        if ![
            "on", "in", "by", "since", "until", "from", "to", "through", "and", "of", "before",
            "after",
        ]
        .contains(&previous.as_str())
        {
            return None;
        }
    }
    let month = month_number(word)?;
    let day = day_of(hit.group("d"))?;
    Some(
        Built::date(Meaning::MonthDay {
            year: None,
            month,
            day: Some(day),
            relation: relative_year(hit).unwrap_or_else(|| relation_of(hit.group("rel"))),
        })
        .with_tense(hit.own_tense()),
    )
}

fn month_year_rule(hit: &Hit) -> Option<Built> {
    if !hit.capitalised("m") {
        return None;
    }
    let month = month_number(hit.group("m")?)?;
    let (year, relation) = match (hit.group("y"), relative_year(hit)) {
        (Some(year), _) => (Some(year_of(year)?), Relation::Nearest),
        (None, Some(relation)) => (None, relation),
        (None, None) => (Some(spelled_year(hit)?), Relation::Nearest),
    };
    Some(
        Built::date(Meaning::MonthDay {
            year,
            month,
            day: None,
            relation,
        })
        .with_modifier(modifier_of(hit.group("pre"))),
    )
}

fn relation_of(word: Option<&str>) -> Relation {
    match word.map(str::to_ascii_lowercase).as_deref() {
        Some("last" | "past") => Relation::Last,
        Some("next" | "coming") => Relation::Next,
        Some("this") => Relation::This,
        _ => Relation::Nearest,
    }
}

fn month_rule(hit: &Hit) -> Option<Built> {
    if !hit.capitalised("m") {
        return None;
    }
    let word = hit.group("m")?;
    let bare = hit.group("pre").is_none() && hit.group("rel").is_none();
    if bare {
        // A bare short or ambiguous month name needs a preposition before it.
        let previous = hit.previous_word();
        let ambiguous = word.len() <= 4
            || word.eq_ignore_ascii_case("march")
            || word.eq_ignore_ascii_case("august");
        let after_preposition = [
            "in", "since", "until", "till", "by", "from", "through", "of", "during", "last",
            "early", "late", "mid", "to", "and", "or", "before", "after", "for",
        ]
        .contains(&previous.as_str());
        if ambiguous && !after_preposition {
            return None;
        }
        if word.ends_with('.') && !after_preposition {
            return None;
        }
        // "Jan Kavan", "Aug Smith": an abbreviation without its dot before a capitalised word is a name.
        let abbreviated = word.len() == 3 && !word.eq_ignore_ascii_case("may");
        if abbreviated
            && hit
                .after()
                .trim_start_matches(' ')
                .starts_with(char::is_uppercase)
        {
            return None;
        }
    }
    let month = month_number(word)?;
    Some(
        Built::date(Meaning::MonthDay {
            year: None,
            month,
            day: None,
            relation: relation_of(hit.group("rel")),
        })
        .with_modifier(modifier_of(hit.group("pre")))
        .with_tense(hit.own_tense()),
    )
}

fn year_rule(hit: &Hit) -> Option<Built> {
    let year = match (hit.group("y"), hit.group("yy")) {
        (Some(y), _) => year_of(y)?,
        (None, Some(yy)) => year_of(yy)?,
        (None, None) => return None,
    };
    if !(1000..=2199).contains(&year) {
        return None;
    }
    // Amounts, not years: "$1990", "1990%", "1,990", "1990-91" ranges are kept as the first year.
    let before = hit.before();
    if before.ends_with(['$', '#', '£', '€'])
        || before.ends_with(',')
            && before
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let after = hit.after();
    if after.starts_with(['%', '.']) && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        || after.starts_with('%')
    {
        return None;
    }
    if after.starts_with(',') && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let next_word = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if [
        "people", "percent", "points", "shares", "feet", "meters", "miles", "troops", "votes",
        "students", "workers", "jobs", "cars", "tons", "members", "dollars", "yen",
    ]
    .contains(&next_word.as_str())
    {
        return None;
    }
    // "the 1988 quarter", "the 1989 period" in a report on a quarter: that quarter of that year.
    let quarter_noun = hit.group("noun").is_some_and(|noun| {
        noun.eq_ignore_ascii_case("period") || noun.eq_ignore_ascii_case("quarter")
    });
    let meaning = if quarter_noun {
        Meaning::QuarterOfYear(year)
    } else {
        Meaning::Year(year)
    };
    Some(
        Built::date(meaning)
            .with_modifier(modifier_of(hit.group("pre")))
            .adjectival_if(hit.group("noun").is_none()),
    )
}

fn spelled_year_rule(hit: &Hit) -> Option<Built> {
    Some(Built::date(Meaning::Year(spelled_year(hit)?)))
}

/// "nineteen ninety-six" → 1996, "two thousand one" → 2001 (from the `tens`/`units` groups).
fn spelled_year(hit: &Hit) -> Option<i32> {
    let units = [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let unit = match hit.group("units") {
        Some(word) => units.iter().position(|u| u.eq_ignore_ascii_case(word))?,
        None => 0,
    };
    let unit = i32::try_from(unit).ok()?;
    let year = match hit.group("tens") {
        Some(tens) => {
            let names = [
                "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            ];
            let ten = names.iter().position(|n| n.eq_ignore_ascii_case(tens))?;
            1900 + (i32::try_from(ten).ok()? + 2) * 10 + unit
        }
        None => 2000 + unit,
    };
    Some(year)
}

fn decade_rule(hit: &Hit) -> Option<Built> {
    let decade = if let Some(full) = hit.group("full") {
        full.parse().ok()?
    } else if let Some(short) = hit.group("short") {
        190 + short.parse::<i32>().ok()?
    } else {
        let names = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        let word = hit.group("word")?;
        192 + i32::try_from(names.iter().position(|n| n.eq_ignore_ascii_case(word))?).ok()?
    };
    Some(Built::date(Meaning::Decade(decade)).with_modifier(modifier_of(hit.group("pre"))))
}

fn century_rule(hit: &Hit) -> Option<Built> {
    let ordinal = ordinal_value(&hit.group("ord")?.replace(' ', "-"))?;
    let century = i32::try_from(ordinal).ok()?.checked_sub(1)?;
    Some(Built::date(Meaning::Century(century)).with_modifier(modifier_of(hit.group("pre"))))
}

fn season_rule(hit: &Hit) -> Option<Built> {
    let season = hit.group("s")?.to_ascii_lowercase();
    let part = match season.as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        _ => "WI",
    };
    let year = match hit.group("tens") {
        Some(_) => spelled_year(hit),
        None => hit.group("y").and_then(year_of),
    };
    let anchored = year.is_some()
        || hit.group("rel").is_some()
        || hit.group("pre").is_some()
        || hit.group("ry").is_some();
    if !anchored {
        let previous = hit.previous_word();
        let has_the = hit.group("the").is_some();
        let in_the = has_the
            && [
                "in", "into", "during", "by", "until", "since", "over", "through",
            ]
            .contains(&previous.as_str());
        let bare_ok = !has_the
            && season != "fall"
            && season != "spring"
            && [
                "in", "during", "by", "until", "since", "this", "last", "next",
            ]
            .contains(&previous.as_str());
        if !in_the && !bare_ok {
            return None;
        }
    }
    let relation = relative_year(hit).unwrap_or_else(|| relation_of(hit.group("rel")));
    Some(
        Built::date(Meaning::YearPart {
            year,
            part,
            relation,
        })
        .with_modifier(modifier_of(hit.group("pre"))),
    )
}

/// The year a "this year's", "of 1998", "of next year" phrase names, as a year or an offset meaning.
fn year_phrase(hit: &Hit) -> (Option<i32>, Relation) {
    if let Some(year) = hit.group("y").or(hit
        .group("yr")
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit())))
    {
        return (year_of(year), Relation::Nearest);
    }
    let relative = hit
        .group("rely")
        .or(hit.group("yr"))
        .map(str::to_ascii_lowercase);
    match relative.as_deref() {
        Some(word) if word.starts_with("last") => (None, Relation::YearOffset(-1)),
        Some(word) if word.starts_with("next") => (None, Relation::YearOffset(1)),
        Some(word) if word.starts_with("this") => (None, Relation::This),
        _ => (None, Relation::Nearest),
    }
}

fn quarter_rule(hit: &Hit) -> Option<Built> {
    let quarter = ordinal_value(hit.group("ord")?)?;
    if !(1..=4).contains(&quarter) {
        return None;
    }
    let part = ["Q1", "Q2", "Q3", "Q4"][usize::try_from(quarter - 1).ok()?];
    let (year, relation) = year_phrase(hit);
    let hyphenated = hit.matched().to_ascii_lowercase().contains("-quarter");
    Some(
        Built::date(Meaning::YearPart {
            year,
            part,
            relation,
        })
        .adjectival_if(hyphenated),
    )
}

fn half_rule(hit: &Hit) -> Option<Built> {
    let ord = hit.group("ord")?.to_ascii_lowercase();
    let part = if ord == "first" { "H1" } else { "H2" };
    // "the first half" without a year is only a date in business news: keep it, the year comes from the anchor.
    if hit.group("y").is_none()
        && hit.group("rely").is_none()
        && !hit.matched().to_ascii_lowercase().starts_with("the")
    {
        return None;
    }
    let (year, relation) = year_phrase(hit);
    Some(Built::date(Meaning::YearPart {
        year,
        part,
        relation,
    }))
}
