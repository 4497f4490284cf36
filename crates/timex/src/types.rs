//! The public result types: a tagged time expression, its TIMEX3 type and its precision.

use chrono::NaiveDate;
use serde::Serialize;

use crate::value;

/// The TIMEX3 `type` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling (`DATE`, `TIME`, `DURATION`, `SET`).
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How fine a calendar value is: "2016" is a year, "2016-09" a month, "2016-09-08" a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Day,
    PartOfDay,
    Hour,
    Minute,
    Second,
}

impl Precision {
    /// Lower-case name, as used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Century => "century",
            Precision::Decade => "decade",
            Precision::Year => "year",
            Precision::Half => "half",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Month => "month",
            Precision::Week => "week",
            Precision::Day => "day",
            Precision::PartOfDay => "part_of_day",
            Precision::Hour => "hour",
            Precision::Minute => "minute",
            Precision::Second => "second",
        }
    }
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Byte offset of the first byte of the expression in the original text.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2016-06-14`, `2016-09`, `2017-W09`, `1998-Q3`, `P3Y`, `XXXX-WXX-1`, `PAST_REF`, …
    pub value: String,
    /// Calendar precision of `value` (dates and times only).
    pub precision: Option<Precision>,
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, `MORE_THAN`, `LESS_THAN`, …).
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
    /// True when the value was computed from an anchor date that was itself inferred from the text.
    pub anchored_on_inferred: bool,
}

impl Timex {
    /// The calendar days the value covers, first and last, for sorting a timeline.
    /// `None` for durations, sets, `PRESENT_REF`-like values and values with unknown parts.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self.kind {
            TimexType::Date | TimexType::Time => value::date_range(&self.value),
            TimexType::Duration | TimexType::Set => None,
        }
    }
}
