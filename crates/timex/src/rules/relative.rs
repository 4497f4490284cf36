//! Expressions relative to the article date: "last month", "two days later", "earlier this week",
//! "yesterday", "Wednesday", "the latest quarter", "a year earlier".

use super::{modifier_of, Built, Hit, Rule};
use crate::lexicon::{number_value, weekday_number, NUMBER, UNIT, WEEKDAY};
use crate::meaning::{Meaning, Relation, TimeOfDay, Unit};
use crate::types::TimexType;

const PART_OF_DAY: &str = r"(?P<part>morning|afternoon|evening|night)";

pub fn rules() -> Vec<Rule> {
    let rules = [
        Rule::new(
            r"(?:(?P<pre>early|earlier|late|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|mid)(?:\s+|-))?(?P<rel>last|this|next|past|coming|previous|current|the\s+past|the\s+coming|the\s+current|the\s+previous|the\s+next|the\s+last|the\s+following|the\s+prior)\s+(?:fiscal\s+)?(?P<u>week|weekend|month|year|quarter|decade|century)\b",
            shift_rule,
        ),
        Rule::new(
            &format!(
                r"(?:(?P<approx>about|around|some|nearly|almost|more\s+than|less\s+than|over|roughly|just|only|at\s+least|barely)\s+)?(?P<n>{NUMBER})\s+(?P<u>{UNIT})\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|back)\b"
            ),
            ago_rule,
        ),
        Rule::new(
            &format!(
                r"(?:(?P<pre>early|earlier|late|later)\s+)?(?P<day>today|yesterday|tomorrow|tonight)(?:\s+{PART_OF_DAY})?\b"
            ),
            day_rule,
        ),
        Rule::new(
            &format!(r"(?P<rel>this|last|tomorrow|yesterday)\s+{PART_OF_DAY}\b"),
            part_of_day_rule,
        ),
        Rule::new(
            r"the\s+day\s+(?P<dir>before|after)\s+(?P<day>yesterday|tomorrow)\b",
            day_before_rule,
        ),
        Rule::new(
            r"the\s+(?P<which>next|following|previous|preceding)\s+day\b|the\s+day\s+(?P<dir>before|after)\b",
            next_day_rule,
        ),
        Rule::new(
            &format!(
                r"(?:(?P<pre>early|late)\s+)?(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<w>{WEEKDAY})(?:\s+{PART_OF_DAY}\b)?"
            ),
            weekday_rule,
        ),
        Rule::new(
            r"the\s+(?:(?P<qm>latest|most\s+recent|recent|current|previous|prior|past|last|fiscal|year-ago|year-earlier|year-before|comparable|same)\s+)?(?:fiscal\s+)?(?P<u>quarter|period)\b",
            quarter_reference_rule,
        ),
        Rule::new(
            r"(?:the\s+(?:comparable\s+|same\s+)?)?year-(?:earlier|ago)\b(?:\s+(?P<noun>(?:first|second|third|fourth)\s+quarter|quarter|period|nine\s+months|six\s+months)\b)?",
            |hit| {
                Some(
                    Built::date(Meaning::YearBeforeReference)
                        .adjectival_if(hit.group("noun").is_none()),
                )
            },
        ),
        Rule::new(
            r"(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?P<u>year|month|quarter)\b",
            that_unit_rule,
        ),
        Rule::new(
            r"the\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year\b|last\s+year(?:'s|\u{2019}s)\s+(?:quarter|period)\b",
            |_| Some(Built::date(Meaning::YearBeforeReference)),
        ),
        Rule::new(r"the\s+weekend\b", |_| {
            Some(Built::date(Meaning::NearestWeekend))
        }),
        Rule::new(
            r"(?:the\s+)?(?:end\s+of\s+the\s+year|year[-\s]end|year's\s+end)\b",
            |_| {
                Some(
                    Built::date(Meaning::Shift {
                        unit: Unit::Year,
                        offset: 0,
                    })
                    .with_modifier(Some("END")),
                )
            },
        ),
        Rule::new(
            r"the\s+(?P<full>full\s+|fiscal\s+|current\s+fiscal\s+)?year\b",
            the_year_rule,
        ),
    ];
    rules.into()
}

fn unit_of(word: &str) -> Option<Unit> {
    let word = word.to_ascii_lowercase();
    Some(match word.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => return None,
    })
}

fn shift_rule(hit: &Hit) -> Option<Built> {
    let unit = unit_of(hit.group("u")?)?;
    let relation = hit.group("rel")?.to_ascii_lowercase();
    let relation = relation.trim_start_matches("the").trim();
    let offset = match relation {
        "last" | "past" | "previous" | "prior" => -1,
        "next" | "coming" | "following" => 1,
        _ => 0,
    };
    // "The following month" continues a narrative: it counts from the month the text last named.
    let meaning = if relation == "following" && matches!(unit, Unit::Month | Unit::Year) {
        Meaning::ShiftFromReference { unit, offset }
    } else {
        Meaning::Shift { unit, offset }
    };
    Some(Built::date(meaning).with_modifier(modifier_of(hit.group("pre"))))
}

fn ago_rule(hit: &Hit) -> Option<Built> {
    let unit = unit_of(hit.group("u")?)?;
    let direction = hit.group("dir")?.to_ascii_lowercase();
    let sign = match direction.as_str() {
        "ago" | "earlier" | "before" | "previously" | "back" => -1.0,
        _ => 1.0,
    };
    // "two days before the vote": the duration is the expression, the rest is a relation to an event.
    if matches!(direction.as_str(), "before" | "after") {
        return None;
    }
    let amount = match number_value(hit.group("n")?) {
        Some(amount) => amount,
        None => {
            let value = if sign < 0.0 { "PAST_REF" } else { "FUTURE_REF" };
            return Some(Built::date(Meaning::Fixed(value.to_owned())));
        }
    };
    if amount.fract() != 0.0 || !(0.0..=10_000.0).contains(&amount) {
        return None;
    }
    let offset = (sign * amount) as i64;
    let from_reference = !matches!(direction.as_str(), "ago" | "from now" | "hence");
    let meaning = if unit == Unit::Year && offset == -1 {
        Meaning::YearBeforeReference
    } else if from_reference && unit == Unit::Day {
        Meaning::DaysFromReference(offset)
    } else {
        Meaning::Shift { unit, offset }
    };
    let modifier = match hit.group("approx").map(str::to_ascii_lowercase).as_deref() {
        Some("more than" | "over") => Some("MORE_THAN"),
        Some("less than" | "barely") => Some("LESS_THAN"),
        Some("at least") => Some("EQUAL_OR_MORE"),
        Some(_) => Some("APPROX"),
        None => None,
    };
    Some(Built::date(meaning).with_modifier(modifier))
}

fn part_code(word: Option<&str>) -> Option<&'static str> {
    Some(match word?.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    })
}

fn day_offset(word: &str) -> i64 {
    match word.to_ascii_lowercase().as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => 0,
    }
}

fn day_rule(hit: &Hit) -> Option<Built> {
    let word = hit.group("day")?;
    // "USA Today", "Russia Today": a capitalised "Today" after a capitalised word is a name.
    let previous_capitalised = hit
        .before()
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    if hit.capitalised("day") && hit.group("pre").is_none() && previous_capitalised {
        return None;
    }
    let date = Meaning::Shift {
        unit: Unit::Day,
        offset: day_offset(word),
    };
    let part = if word.eq_ignore_ascii_case("tonight") {
        Some("NI")
    } else {
        part_code(hit.group("part"))
    };
    Some(match part {
        Some(part) => Built::new(
            TimexType::Time,
            Meaning::WithTime {
                date: Box::new(date),
                time: TimeOfDay::Part(part),
            },
        ),
        None => Built::date(date),
    })
}

fn part_of_day_rule(hit: &Hit) -> Option<Built> {
    let relation = hit.group("rel")?.to_ascii_lowercase();
    let part = part_code(hit.group("part"))?;
    let offset = match relation.as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        "last" if part == "NI" || part == "EV" => -1,
        "last" => return None,
        _ => 0,
    };
    let date = Meaning::Shift {
        unit: Unit::Day,
        offset,
    };
    Some(Built::new(
        TimexType::Time,
        Meaning::WithTime {
            date: Box::new(date),
            time: TimeOfDay::Part(part),
        },
    ))
}

fn day_before_rule(hit: &Hit) -> Option<Built> {
    let offset = day_offset(hit.group("day")?) * 2;
    Some(Built::date(Meaning::DaysFromReference(offset)))
}

fn next_day_rule(hit: &Hit) -> Option<Built> {
    let word = hit
        .group("which")
        .or(hit.group("dir"))?
        .to_ascii_lowercase();
    let offset = if matches!(word.as_str(), "next" | "following" | "after") {
        1
    } else {
        -1
    };
    Some(Built::date(Meaning::Shift {
        unit: Unit::Day,
        offset,
    }))
}

fn weekday_rule(hit: &Hit) -> Option<Built> {
    if !hit.capitalised("w") {
        return None;
    }
    let weekday = weekday_number(hit.group("w")?)?;
    let relation = match hit.group("rel").map(str::to_ascii_lowercase).as_deref() {
        Some("last" | "past") => Relation::Last,
        Some("next" | "coming") => Relation::Next,
        Some("this") => Relation::This,
        _ => Relation::Nearest,
    };
    // "Fridays" (a set) is handled elsewhere; "Friday's" keeps the name only.
    let date = Meaning::Weekday { weekday, relation };
    // "Wednesday night" and "Friday morning" are DATEs valued as the day alone (TempEval news
    // annotation does so more often than not: a night runs into the next day, a morning is the
    // day's news); "Wednesday afternoon/evening" keep their part.
    let part = part_code(hit.group("part")).filter(|part| matches!(*part, "AF" | "EV"));
    let built = match part {
        Some(part) => Built::date(Meaning::WithTime {
            date: Box::new(date),
            time: TimeOfDay::Part(part),
        }),
        None => Built::date(date),
    };
    Some(built.with_tense(hit.own_tense()))
}

/// "that year", "later that month", "that quarter": the year, month or quarter the text last named.
fn that_unit_rule(hit: &Hit) -> Option<Built> {
    let unit = unit_of(hit.group("u")?)?;
    Some(Built::date(Meaning::ShiftFromReference { unit, offset: 0 }))
}

fn quarter_reference_rule(hit: &Hit) -> Option<Built> {
    let qualifier = hit.group("qm").map(str::to_ascii_lowercase);
    let is_period = hit.group("u")?.eq_ignore_ascii_case("period");
    let meaning = match qualifier.as_deref() {
        Some("year-ago" | "year-earlier" | "year-before" | "comparable" | "same") => {
            Meaning::YearBeforeReference
        }
        Some("current") if !is_period => Meaning::Shift {
            unit: Unit::Quarter,
            offset: 0,
        },
        Some("latest" | "most recent" | "recent") => Meaning::PreviousQuarter,
        None | Some("fiscal" | "previous" | "prior" | "past" | "last") if !is_period => {
            Meaning::PreviousQuarter
        }
        _ => return None,
    };
    // "the quarter of a century", "a quarter point": not the calendar quarter.
    if hit.next_words().starts_with("of a") {
        return None;
    }
    Some(Built::date(meaning))
}

/// "the year ended June 30" and "throughout the year" are a year's length; "for the year" in a
/// report is the current year ("sales for the full year").
fn the_year_rule(hit: &Hit) -> Option<Built> {
    let previous = hit.previous_word();
    let next = hit.next_words();
    let ended = next.starts_with("ended") || next.starts_with("ending");
    if ended || ["during", "over", "through", "throughout"].contains(&previous.as_str()) {
        return Some(Built::new(
            TimexType::Duration,
            Meaning::Fixed("P1Y".to_owned()),
        ));
    }
    if hit.next_words().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Built::date(Meaning::Shift {
        unit: Unit::Year,
        offset: 0,
    }))
}
