//! What a matched expression means before it is anchored: the grammar's output, the resolver's input.

use crate::tense::Tense;
use crate::types::TimexType;

/// A calendar unit that relative expressions count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// How a weekday, month or season name relates to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// "last Friday": strictly before the anchor.
    Last,
    /// "next Friday": strictly after.
    Next,
    /// "this September": in the anchor's year (or week, for a weekday).
    This,
    /// A bare "Friday" or "September": chosen by the tense of the sentence.
    Nearest,
    /// "June last year", "the third quarter of next year": in the anchor's year moved by the offset.
    YearOffset(i32),
}

/// A time of day attached to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOfDay {
    /// `MO`, `AF`, `EV`, `NI`.
    Part(&'static str),
    Clock {
        hour: u32,
        minute: u32,
    },
}

/// The meaning of a time expression, relative parts unresolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A month, or a day of a month; without a year the year comes from the anchor and the tense.
    MonthDay {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
        relation: Relation,
    },
    Year(i32),
    /// A named part of a year: `Q3`, `H1`, `SU`; without a year, chosen from the anchor and the tense.
    YearPart {
        year: Option<i32>,
        part: &'static str,
        relation: Relation,
    },
    /// The last complete quarter before the anchor ("the latest quarter", "the quarter").
    PreviousQuarter,
    /// "a year earlier", "year-ago": the last quarter mentioned a year back, else the anchor's year minus one.
    YearBeforeReference,
    /// "the 1988 quarter", "the 1989 period": the quarter last mentioned, in the year given; the
    /// year alone when no quarter was mentioned.
    QuarterOfYear(i32),
    Decade(i32),
    Century(i32),
    /// The anchor moved by `offset` units, at the precision of the unit ("last month", "two days ago").
    Shift {
        unit: Unit,
        offset: i64,
    },
    Weekday {
        weekday: u32,
        relation: Relation,
    },
    /// Days after (or before) the last day-precise date mentioned, else the anchor: "two days later",
    /// "the next day".
    DaysFromReference(i64),
    /// "the following year", "that quarter": the last year, month or quarter the text named (a
    /// narrative's own time) moved by `offset`, else the anchor moved so.
    ShiftFromReference {
        unit: Unit,
        offset: i64,
    },
    /// "the weekend": the coming one in future sentences, else the last one (this one on a weekend).
    NearestWeekend,
    /// A fixed-date or computed holiday of a year (year from the anchor when absent).
    Holiday {
        name: &'static str,
        year: Option<i32>,
    },
    /// A date meaning with a time of day.
    WithTime {
        date: Box<Meaning>,
        time: TimeOfDay,
    },
    /// A clock time on the anchor's day.
    Clock(TimeOfDay),
    /// A value needing no anchor (`P3Y`, `XXXX-WXX-1`, `PAST_REF`).
    Fixed(String),
}

/// One match of the grammar: its span, its type and its meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    pub meaning: Meaning,
    pub modifier: Option<&'static str>,
    /// The direction the expression's own wording gives ("Tuesday's vote" is past, "as soon as
    /// Tuesday" future), overriding the tense of its clause.
    pub tense: Option<Tense>,
}

impl Meaning {
    /// True when the value depends on the anchor date.
    pub fn is_relative(&self) -> bool {
        match self {
            Meaning::MonthDay { year, .. }
            | Meaning::YearPart { year, .. }
            | Meaning::Holiday { year, .. } => year.is_none(),
            Meaning::PreviousQuarter
            | Meaning::YearBeforeReference
            | Meaning::Shift { .. }
            | Meaning::ShiftFromReference { .. }
            | Meaning::Weekday { .. }
            | Meaning::NearestWeekend
            | Meaning::DaysFromReference(_)
            | Meaning::Clock(_) => true,
            Meaning::WithTime { date, .. } => date.is_relative(),
            Meaning::Year(_)
            | Meaning::QuarterOfYear(_)
            | Meaning::Decade(_)
            | Meaning::Century(_)
            | Meaning::Fixed(_) => false,
        }
    }
}
