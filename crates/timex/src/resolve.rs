//! Turning meanings into TIMEX3 values against an anchor date (the article's date), with
//! past-biased choices for names without a year ("Tuesday", "in September", "the third quarter").

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::meaning::{Meaning, Relation, TimeOfDay, Unit};
use crate::tense::Tense;
use crate::value::iso_week_value;

/// Resolves meanings in text order, remembering the last quarter named (for "a year earlier"),
/// the last explicit day (for "two days later") and the first day of the last month and year
/// named (for "the following month", "the following year").
pub struct Resolver {
    anchor: Option<NaiveDate>,
    last_quarter: Option<(i32, u32)>,
    last_day: Option<NaiveDate>,
    last_month: Option<NaiveDate>,
    last_year: Option<NaiveDate>,
}

/// Which year puts `key` (a month and day; day 0 for a whole month) where `relation` and the tense
/// want it relative to `anchor_key`: last/next strictly before/after (the same month or day counts
/// as last), a bare name in the window the tense gives (months count 31 days here). Day-level
/// dates get a softer window than months: "payable Dec. 15" in a past-tense sentence of November.
fn choose_year(
    anchor_year: i32,
    key: (u32, u32),
    anchor_key: (u32, u32),
    relation: Relation,
    tense: Tense,
) -> i32 {
    const MONTH: i64 = 31;
    let day_level = key.1 != 0;
    let (low, high) = match (relation, tense, day_level) {
        (Relation::This, _, _) => return anchor_year,
        (Relation::YearOffset(offset), _, _) => return anchor_year.saturating_add(offset),
        (Relation::Last, _, _) => (-12 * MONTH, 0),
        (Relation::Next, _, _) => (0, 12 * MONTH),
        (Relation::Nearest, Tense::Past, false) => (-12 * MONTH, 0),
        (Relation::Nearest, Tense::Past, true) => (-9 * MONTH, 3 * MONTH),
        (Relation::Nearest, Tense::Future, false) => (-1, 12 * MONTH - 1),
        (Relation::Nearest, Tense::Future, true) => (-3 * MONTH, 9 * MONTH),
        (Relation::Nearest, Tense::Unknown, false) => (-8 * MONTH, 4 * MONTH),
        (Relation::Nearest, Tense::Unknown, true) => (-6 * MONTH, 6 * MONTH),
    };
    let position = |(month, day): (u32, u32)| i64::from(month) * MONTH + i64::from(day);
    let gap = position(key) - position(anchor_key);
    for shift in [0, -1, 1] {
        let offset = gap + i64::from(shift) * 12 * MONTH;
        if offset > low && offset <= high {
            return anchor_year + shift;
        }
    }
    anchor_year
}

fn format_day(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

fn time_suffix(time: TimeOfDay) -> String {
    match time {
        TimeOfDay::Part(part) => format!("T{part}"),
        TimeOfDay::Clock { hour, minute } => format!("T{hour:02}:{minute:02}"),
    }
}

fn quarter_of(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3 + 1
}

/// Start month of a named part of a year (`Q3` → 7, `H2` → 7, `SU` → 6).
fn part_start_month(part: &str) -> u32 {
    match part {
        "Q1" | "H1" => 1,
        "Q2" => 4,
        "Q3" | "H2" => 7,
        "Q4" => 10,
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// The part of the year that holds `month` in the same family as `part` (quarters, halves, seasons).
fn anchor_part_month(part: &str, month: u32) -> u32 {
    match part.as_bytes().first() {
        Some(b'Q') => (month - 1) / 3 * 3 + 1,
        Some(b'H') => (month - 1) / 6 * 6 + 1,
        _ => match month {
            3..=5 => 3,
            6..=8 => 6,
            9..=11 => 9,
            _ => 12,
        },
    }
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    nth_weekday(year, month, weekday, 5).or_else(|| nth_weekday(year, month, weekday, 4))
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian computus.
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn holiday(name: &str, year: i32) -> Option<NaiveDate> {
    match name {
        "christmas" => NaiveDate::from_ymd_opt(year, 12, 25),
        "christmas eve" => NaiveDate::from_ymd_opt(year, 12, 24),
        "new year" => NaiveDate::from_ymd_opt(year, 1, 1),
        "new year's eve" => NaiveDate::from_ymd_opt(year, 12, 31),
        "thanksgiving" => nth_weekday(year, 11, Weekday::Thu, 4),
        "election day" => nth_weekday(year, 11, Weekday::Mon, 1).and_then(|d| d.succ_opt()),
        "independence day" => NaiveDate::from_ymd_opt(year, 7, 4),
        "valentine" => NaiveDate::from_ymd_opt(year, 2, 14),
        "halloween" => NaiveDate::from_ymd_opt(year, 10, 31),
        "easter" => easter(year),
        "memorial day" => last_weekday(year, 5, Weekday::Mon),
        "labor day" => nth_weekday(year, 9, Weekday::Mon, 1),
        "veterans day" => NaiveDate::from_ymd_opt(year, 11, 11),
        _ => nth_weekday(year, 1, Weekday::Mon, 3),
    }
}

fn shift_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let magnitude = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        date.checked_add_months(Months::new(magnitude))
    } else {
        date.checked_sub_months(Months::new(magnitude))
    }
}

fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The value of a shift when there is no anchor: unknown digits as X at the unit's precision.
fn unanchored_shift(unit: Unit) -> &'static str {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
}

impl Resolver {
    pub fn new(anchor: Option<NaiveDate>) -> Self {
        Resolver {
            anchor,
            last_quarter: None,
            last_day: None,
            last_month: None,
            last_year: None,
        }
    }

    /// The TIMEX3 value of `meaning`, given the tense of its clause.
    pub fn value(&mut self, meaning: &Meaning, tense: Tense) -> String {
        let value = self
            .try_value(meaning, tense)
            .unwrap_or_else(|| unknown_value(meaning));
        if let Meaning::MonthDay { .. } | Meaning::Year(_) = meaning {
            if let Some((first, last)) = crate::value::date_range(&value) {
                if first == last && matches!(meaning, Meaning::MonthDay { day: Some(_), .. }) {
                    self.last_day = Some(first);
                }
                if first.year() == last.year() {
                    self.last_year = first.with_ordinal(1);
                }
                if first.month() == last.month() && first.year() == last.year() {
                    self.last_month = first.with_day(1);
                }
            }
        }
        value
    }

    fn try_value(&mut self, meaning: &Meaning, tense: Tense) -> Option<String> {
        match meaning {
            Meaning::MonthDay {
                year,
                month,
                day,
                relation,
            } => self.month_day(*year, *month, *day, *relation, tense),
            Meaning::Year(year) => Some(format!("{year:04}")),
            Meaning::YearPart {
                year,
                part,
                relation,
            } => {
                let year = match year {
                    Some(year) => *year,
                    None => {
                        let anchor = self.anchor?;
                        let key = (part_start_month(part), 1);
                        let anchor_month = anchor_part_month(part, anchor.month());
                        // January and February belong to the winter that began the December before.
                        let anchor_year = if anchor_month > anchor.month() {
                            anchor.year() - 1
                        } else {
                            anchor.year()
                        };
                        let anchor_key = (anchor_month, 1);
                        match relation {
                            // Reports name past quarters and seasons: "third-quarter profit".
                            Relation::Nearest if part.starts_with('Q') || part.starts_with('H') => {
                                choose_year(anchor_year, key, anchor_key, Relation::Last, tense)
                            }
                            _ => choose_year(anchor_year, key, anchor_key, *relation, tense),
                        }
                    }
                };
                if let Some(quarter) = part.strip_prefix('Q').and_then(|q| q.parse().ok()) {
                    self.last_quarter = Some((year, quarter));
                }
                Some(format!("{year:04}-{part}"))
            }
            Meaning::PreviousQuarter => {
                let anchor = self.anchor?;
                let index = i64::from(anchor.year()) * 4 + i64::from(quarter_of(anchor)) - 2;
                let (year, quarter) = (
                    i32::try_from(index.div_euclid(4)).ok()?,
                    index.rem_euclid(4) + 1,
                );
                self.last_quarter = Some((year, u32::try_from(quarter).ok()?));
                Some(format!("{year:04}-Q{quarter}"))
            }
            Meaning::QuarterOfYear(year) => Some(match self.last_quarter {
                Some((_, quarter)) => format!("{year:04}-Q{quarter}"),
                None => format!("{year:04}"),
            }),
            Meaning::YearBeforeReference => match self.last_quarter {
                Some((year, quarter)) => Some(format!("{:04}-Q{quarter}", year - 1)),
                None => Some(format!("{:04}", self.anchor?.year() - 1)),
            },
            Meaning::Decade(decade) => Some(format!("{decade:03}")),
            Meaning::Century(century) => Some(format!("{century:02}")),
            Meaning::Shift { unit, offset } => self.shift(*unit, *offset),
            Meaning::ShiftFromReference { unit, offset } => {
                let reference = match unit {
                    Unit::Year => self.last_year,
                    Unit::Month => self.last_month,
                    Unit::Quarter => self.last_quarter.and_then(|(year, quarter)| {
                        NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1)
                    }),
                    _ => None,
                };
                let shifted = Resolver::new(reference.or(self.anchor));
                shifted.shift(*unit, *offset)
            }
            Meaning::Weekday { weekday, relation } => {
                let anchor = self.anchor?;
                let today = i64::from(anchor.weekday().number_from_monday());
                let target = i64::from(*weekday);
                let back = (today - target).rem_euclid(7);
                let forward = (target - today).rem_euclid(7);
                let offset = match (relation, tense) {
                    (Relation::Last, _) => -(if back == 0 { 7 } else { back }),
                    (Relation::Next, _) => {
                        if forward == 0 {
                            7
                        } else {
                            forward
                        }
                    }
                    (Relation::This | Relation::Nearest, Tense::Future) => forward,
                    (Relation::This | Relation::Nearest, Tense::Unknown) if forward < back => {
                        forward
                    }
                    (Relation::This | Relation::Nearest | Relation::YearOffset(_), _) => -back,
                };
                Some(format_day(shift_days(anchor, offset)?))
            }
            Meaning::DaysFromReference(offset) => {
                let reference = self.last_day.or(self.anchor)?;
                Some(format_day(shift_days(reference, *offset)?))
            }
            Meaning::NearestWeekend => {
                let anchor = self.anchor?;
                let on_weekend = anchor.weekday().number_from_monday() >= 6;
                let weeks = match tense {
                    Tense::Future => 0,
                    _ if on_weekend => 0,
                    _ => -1,
                };
                Some(format!(
                    "{}-WE",
                    iso_week_value(shift_days(anchor, weeks * 7)?)
                ))
            }
            Meaning::Holiday { name, year } => {
                let date = match year {
                    Some(year) => holiday(name, *year)?,
                    None => {
                        let anchor = self.anchor?;
                        let this_year = holiday(name, anchor.year())?;
                        let key = (this_year.month(), this_year.day());
                        let year = choose_year(
                            anchor.year(),
                            key,
                            (anchor.month(), anchor.day()),
                            Relation::Nearest,
                            tense,
                        );
                        holiday(name, year)?
                    }
                };
                Some(format_day(date))
            }
            Meaning::WithTime { date, time } => {
                let base = self.try_value(date, tense)?;
                Some(if base.len() == 10 {
                    format!("{base}{}", time_suffix(*time))
                } else {
                    base
                })
            }
            Meaning::Clock(time) => Some(format!(
                "{}{}",
                format_day(self.anchor?),
                time_suffix(*time)
            )),
            Meaning::Fixed(value) => Some(value.clone()),
        }
    }

    fn month_day(
        &self,
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
        relation: Relation,
        tense: Tense,
    ) -> Option<String> {
        let year = match year {
            Some(year) => year,
            None => {
                let anchor = self.anchor?;
                let (key, anchor_key) = match day {
                    Some(day) => ((month, day), (anchor.month(), anchor.day())),
                    None => ((month, 0), (anchor.month(), 0)),
                };
                choose_year(anchor.year(), key, anchor_key, relation, tense)
            }
        };
        Some(match day {
            Some(day) => match NaiveDate::from_ymd_opt(year, month, day) {
                Some(date) => format_day(date),
                // "February 30": keep what is certain, the month.
                None => format!("{year:04}-{month:02}"),
            },
            None => format!("{year:04}-{month:02}"),
        })
    }

    fn shift(&self, unit: Unit, offset: i64) -> Option<String> {
        let anchor = self.anchor?;
        Some(match unit {
            Unit::Day => format_day(shift_days(anchor, offset)?),
            Unit::Week => iso_week_value(shift_days(anchor, offset.checked_mul(7)?)?),
            Unit::Weekend => format!(
                "{}-WE",
                iso_week_value(shift_days(anchor, offset.checked_mul(7)?)?)
            ),
            Unit::Month => {
                let date = shift_months(anchor, offset)?;
                format!("{:04}-{:02}", date.year(), date.month())
            }
            Unit::Quarter => {
                let index =
                    i64::from(anchor.year()) * 4 + i64::from(quarter_of(anchor)) - 1 + offset;
                format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
            }
            Unit::Year => format!("{:04}", i64::from(anchor.year()).checked_add(offset)?),
            Unit::Decade => format!(
                "{:03}",
                i64::from(anchor.year())
                    .div_euclid(10)
                    .checked_add(offset)?
            ),
            Unit::Century => format!(
                "{:02}",
                i64::from(anchor.year())
                    .div_euclid(100)
                    .checked_add(offset)?
            ),
        })
    }
}

/// A value with unknown digits, for a meaning that cannot be anchored.
fn unknown_value(meaning: &Meaning) -> String {
    match meaning {
        Meaning::MonthDay {
            month,
            day: Some(day),
            ..
        } => format!("XXXX-{month:02}-{day:02}"),
        Meaning::MonthDay {
            month, day: None, ..
        } => format!("XXXX-{month:02}"),
        Meaning::YearPart { part, .. } => format!("XXXX-{part}"),
        Meaning::PreviousQuarter => "XXXX-QX".to_owned(),
        Meaning::Shift { unit, .. } | Meaning::ShiftFromReference { unit, .. } => {
            unanchored_shift(*unit).to_owned()
        }
        Meaning::Weekday { weekday, .. } => format!("XXXX-WXX-{weekday}"),
        Meaning::NearestWeekend => "XXXX-WXX-WE".to_owned(),
        Meaning::DaysFromReference(_) => "XXXX-XX-XX".to_owned(),
        Meaning::WithTime { date, time } => {
            format!("{}{}", unknown_value(date), time_suffix(*time))
        }
        Meaning::Clock(time) => format!("XXXX-XX-XX{}", time_suffix(*time)),
        Meaning::Fixed(value) => value.clone(),
        _ => "XXXX".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(meaning: Meaning, tense: Tense) -> String {
        Resolver::new(NaiveDate::from_ymd_opt(2017, 3, 2)).value(&meaning, tense)
    }

    #[test]
    fn weekdays_are_past_biased() {
        let wednesday = Meaning::Weekday {
            weekday: 3,
            relation: Relation::Nearest,
        };
        assert_eq!(resolve(wednesday.clone(), Tense::Unknown), "2017-03-01");
        assert_eq!(resolve(wednesday, Tense::Future), "2017-03-08");
        assert_eq!(
            resolve(
                Meaning::Weekday {
                    weekday: 4,
                    relation: Relation::Last
                },
                Tense::Past
            ),
            "2017-02-23"
        );
    }

    #[test]
    fn months_without_year() {
        let september = Meaning::MonthDay {
            year: None,
            month: 9,
            day: None,
            relation: Relation::Nearest,
        };
        assert_eq!(resolve(september.clone(), Tense::Past), "2016-09");
        assert_eq!(resolve(september, Tense::Future), "2017-09");
        let feb_first = Meaning::MonthDay {
            year: None,
            month: 2,
            day: Some(1),
            relation: Relation::Nearest,
        };
        assert_eq!(resolve(feb_first, Tense::Unknown), "2017-02-01");
        let impossible = Meaning::MonthDay {
            year: Some(2017),
            month: 2,
            day: Some(30),
            relation: Relation::Nearest,
        };
        assert_eq!(resolve(impossible, Tense::Past), "2017-02");
    }

    #[test]
    fn shifts_and_holidays() {
        assert_eq!(
            resolve(
                Meaning::Shift {
                    unit: Unit::Year,
                    offset: -1
                },
                Tense::Past
            ),
            "2016"
        );
        assert_eq!(
            resolve(
                Meaning::Shift {
                    unit: Unit::Month,
                    offset: -1
                },
                Tense::Past
            ),
            "2017-02"
        );
        assert_eq!(
            resolve(
                Meaning::Shift {
                    unit: Unit::Week,
                    offset: 0
                },
                Tense::Past
            ),
            "2017-W09"
        );
        assert_eq!(
            resolve(
                Meaning::Shift {
                    unit: Unit::Quarter,
                    offset: -1
                },
                Tense::Past
            ),
            "2016-Q4"
        );
        assert_eq!(
            resolve(
                Meaning::Shift {
                    unit: Unit::Year,
                    offset: i64::MAX
                },
                Tense::Past
            ),
            "XXXX"
        );
        assert_eq!(
            resolve(
                Meaning::Holiday {
                    name: "easter",
                    year: Some(2017)
                },
                Tense::Past
            ),
            "2017-04-16"
        );
        assert_eq!(
            resolve(
                Meaning::Holiday {
                    name: "thanksgiving",
                    year: Some(2016)
                },
                Tense::Past
            ),
            "2016-11-24"
        );
    }
}
