//! TimeML documents: reading one (creation date from `<DCT>`, the `<TEXT>` as plain text, gold
//! TIMEX3 spans) and writing it back with our own TIMEX3 tags in place of the gold annotation.

use std::fmt::Write as _;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::types::Timex;

/// Why a document could not be read as TimeML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeMlError {
    #[error("no <TEXT> element")]
    MissingText,
    #[error("unterminated tag at byte {0}")]
    UnterminatedTag(usize),
}

/// A gold TIMEX3 of the `<TEXT>`, with byte offsets into [`TimeMlDocument::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub tid: String,
    /// `DATE`, `TIME`, `DURATION` or `SET` as written.
    pub kind: String,
    pub value: String,
}

/// A TimeML document split into the parts newsbrief needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMlDocument {
    /// The document creation time (`<DCT>`), when present and readable.
    pub dct: Option<NaiveDate>,
    /// The content of `<TEXT>` with every tag removed (entities left as written).
    pub text: String,
    pub gold: Vec<GoldTimex>,
    /// Everything up to and including `<TEXT>`.
    head: String,
    /// Everything from `</TEXT>` on, links and instances removed.
    tail: String,
}

fn attribute_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r#"([A-Za-z_:]+)\s*=\s*"([^"]*)""#).expect("constant pattern"))
}

fn link_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?s)<(?:TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*/>\s*")
            .expect("constant pattern")
    })
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    attribute_regex()
        .captures_iter(tag)
        .find(|c| c.get(1).is_some_and(|n| n.as_str() == name))
        .and_then(|c| c.get(2))
        .map(|v| v.as_str())
}

fn parse_dct(head: &str) -> Option<NaiveDate> {
    let start = head.find("<DCT>")?;
    let end = head[start..].find("</DCT>")? + start;
    let dct = &head[start..end];
    let value = attribute(dct, "value")?;
    let digits: String = value.chars().filter(char::is_ascii_digit).take(8).collect();
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// Read a TimeML document.
pub fn parse(document: &str) -> Result<TimeMlDocument, TimeMlError> {
    let open = document.find("<TEXT>").ok_or(TimeMlError::MissingText)?;
    let body_start = open + "<TEXT>".len();
    let close = document[body_start..]
        .find("</TEXT>")
        .map(|i| i + body_start)
        .ok_or(TimeMlError::MissingText)?;
    let head = &document[..body_start];
    let body = &document[body_start..close];
    let tail = link_regex()
        .replace_all(&document[close..], "")
        .into_owned();

    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open_timexes: Vec<(usize, &str)> = Vec::new();
    let mut rest = body;
    let mut consumed = 0;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let gt = rest[lt..]
            .find('>')
            .ok_or(TimeMlError::UnterminatedTag(body_start + consumed + lt))?
            + lt;
        let tag = &rest[lt..=gt];
        if tag.starts_with("<TIMEX3") && !tag.ends_with("/>") {
            open_timexes.push((text.len(), tag));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((start, open_tag)) = open_timexes.pop() {
                gold.push(GoldTimex {
                    start,
                    end: text.len(),
                    tid: attribute(open_tag, "tid").unwrap_or("").to_owned(),
                    kind: attribute(open_tag, "type").unwrap_or("").to_owned(),
                    value: attribute(open_tag, "value").unwrap_or("").to_owned(),
                });
            }
        }
        consumed += gt + 1;
        rest = &rest[gt + 1..];
    }
    text.push_str(rest);
    gold.sort_by_key(|g| (g.start, g.end));
    Ok(TimeMlDocument {
        dct: parse_dct(head),
        text,
        gold,
        head: head.to_owned(),
        tail,
    })
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

impl TimeMlDocument {
    /// The document with `timexes` (offsets into [`Self::text`]) tagged as TIMEX3 in `<TEXT>`, the gold
    /// annotation of the text and the links removed, everything else as it was.
    pub fn with_timexes(&self, timexes: &[Timex]) -> String {
        let mut out =
            String::with_capacity(self.head.len() + self.text.len() * 2 + self.tail.len());
        out.push_str(&self.head);
        let mut position = 0;
        let mut next_id = 1;
        for timex in timexes {
            if timex.start < position || timex.end > self.text.len() || timex.start >= timex.end {
                continue;
            }
            let (Some(before), Some(inside)) = (
                self.text.get(position..timex.start),
                self.text.get(timex.start..timex.end),
            ) else {
                continue;
            };
            out.push_str(before);
            let _ = write!(
                out,
                r#"<TIMEX3 tid="t{next_id}" type="{}" value="{}""#,
                timex.kind.as_str(),
                escape_attribute(&timex.value)
            );
            if let Some(modifier) = timex.modifier {
                let _ = write!(out, r#" mod="{modifier}""#);
            }
            let _ = write!(out, ">{inside}</TIMEX3>");
            next_id += 1;
            position = timex.end;
        }
        out.push_str(self.text.get(position..).unwrap_or(""));
        out.push_str(&self.tail);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{annotate, Anchor};

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Stocks <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> &amp; rose.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"#;

    #[test]
    fn reads_dct_text_and_gold() {
        let doc = parse(DOC).unwrap();
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(doc.text, "\nStocks fell Wednesday &amp; rose.\n");
        assert_eq!(doc.gold.len(), 1);
        assert_eq!(&doc.text[doc.gold[0].start..doc.gold[0].end], "Wednesday");
        assert_eq!(doc.gold[0].value, "1998-01-07");
    }

    #[test]
    fn writes_own_tags_only() {
        let doc = parse(DOC).unwrap();
        let timexes = annotate(
            &doc.text,
            Anchor {
                date: doc.dct,
                inferred: false,
            },
        );
        let out = doc.with_timexes(&timexes);
        assert!(
            out.contains(r#"<TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>"#),
            "{out}"
        );
        assert!(!out.contains("EVENT"));
        assert!(!out.contains("TLINK"));
        assert!(out.contains("CREATION_TIME"));
        assert!(out.contains("&amp; rose."));
    }

    #[test]
    fn rejects_non_timeml() {
        assert_eq!(parse("plain text").unwrap_err(), TimeMlError::MissingText);
        assert!(matches!(
            parse("<TEXT>a <b</TEXT>"),
            Err(TimeMlError::UnterminatedTag(_))
        ));
    }
}
