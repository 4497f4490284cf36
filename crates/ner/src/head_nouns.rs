//! Typing cues a name carries in its own words or just before it, used to decide an entity's kind
//! beyond the tagger's per-mention guesses: the head noun of a multi-word name ("Harlow *Bridge*" is
//! a place, "Millbrook *Gazette*" and "Riverside *Diner*" are organisations, the *Times* / *Post* /
//! *Journal* are news organisations) and a place noun governing it ("the town of Millbrook").
//!
//! The lists are general English head nouns of place and organisation names, not names seen in any
//! one story. Head nouns that are also common surnames ("Hill", "Park", "Post", "Lane") never turn a
//! name the tagger calls a person into something else (Anita Hill, Emily Post).

use crate::tag::EntityKind;

/// Last words that make a name a place.
const PLACE_HEADS: &[&str] = &[
    "airport",
    "avenue",
    "bay",
    "beach",
    "boulevard",
    "bridge",
    "canal",
    "canyon",
    "county",
    "creek",
    "district",
    "falls",
    "forest",
    "harbor",
    "harbour",
    "heights",
    "highway",
    "hill",
    "hills",
    "island",
    "islands",
    "lake",
    "lane",
    "mountain",
    "mountains",
    "ocean",
    "park",
    "peninsula",
    "province",
    "river",
    "road",
    "square",
    "station",
    "street",
    "township",
    "tunnel",
    "valley",
];

/// Last words that make a name an organisation: news outlets, public bodies, businesses.
const ORGANIZATION_HEADS: &[&str] = &[
    "academy",
    "agency",
    "airlines",
    "association",
    "bakery",
    "board",
    "bureau",
    "cafe",
    "café",
    "chronicle",
    "club",
    "college",
    "commission",
    "committee",
    "company",
    "corp",
    "corporation",
    "council",
    "courier",
    "daily",
    "department",
    "diner",
    "dispatch",
    "examiner",
    "foundation",
    "gazette",
    "globe",
    "herald",
    "hospital",
    "inc",
    "inquirer",
    "institute",
    "journal",
    "league",
    "ltd",
    "magazine",
    "ministry",
    "news",
    "observer",
    "party",
    "post",
    "press",
    "restaurant",
    "school",
    "society",
    "telegraph",
    "times",
    "tribune",
    "university",
];

/// Head nouns that are also common surnames: they never override a person.
const SURNAME_LIKE: &[&str] = &[
    "bay", "board", "hill", "lane", "park", "post", "press", "river", "street",
];

/// Nouns that, followed by "of", make the next name a place ("the town of Millbrook").
const PLACE_GOVERNORS: &[&str] = &[
    "borough", "capital", "city", "county", "island", "province", "region", "state", "suburb",
    "town", "village",
];

fn lower_bare(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// The kind a lone word names when it is a head noun ("Bridge", "Gazette", "Diner").
pub fn kind_of_word(word: &str) -> Option<EntityKind> {
    let word = lower_bare(word);
    if PLACE_HEADS.contains(&word.as_str()) {
        Some(EntityKind::Place)
    } else if ORGANIZATION_HEADS.contains(&word.as_str()) {
        Some(EntityKind::Organization)
    } else {
        None
    }
}

/// The kind the head noun of a name gives it, when the name has one; `tagged` is the kind the
/// tagger's votes gave, kept for people whose surname is a head noun ("Anita Hill").
pub fn kind_of_head(name: &str, tagged: EntityKind) -> Option<EntityKind> {
    let last = name.split_whitespace().next_back()?;
    let kind = kind_of_word(last)?;
    let surname_like = SURNAME_LIKE.contains(&lower_bare(last).as_str());
    (tagged != EntityKind::Person || !surname_like).then_some(kind)
}

/// The kind the words right before a mention give it: a place after "town of", "city of"...
pub fn kind_from_context(before: &str) -> Option<EntityKind> {
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let of = words.next()?;
    let governor = words.next()?;
    (of.eq_ignore_ascii_case("of") && PLACE_GOVERNORS.contains(&governor.to_lowercase().as_str()))
        .then_some(EntityKind::Place)
}

/// A place when the mention is a dateline: written in capitals at the start of a line and followed by a
/// dash, a parenthesis (the agency) or a comma (the date): "MILLBROOK — Residents…", "WASHINGTON (AP) —".
pub fn kind_from_dateline(mention: &str, before_on_line: &str, after: &str) -> Option<EntityKind> {
    let letters = mention.chars().filter(|c| c.is_alphabetic());
    let capitals = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
    let follows = after
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(['—', '–', '-', '(', ',']);
    (capitals && before_on_line.trim().is_empty() && follows).then_some(EntityKind::Place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn head_nouns_type_names() {
        assert_eq!(kind_of_head("Harlow Bridge", Organization), Some(Place));
        assert_eq!(
            kind_of_head("Millbrook Gazette", Person),
            Some(Organization)
        );
        assert_eq!(
            kind_of_head("The New York Times", Place),
            Some(Organization)
        );
        assert_eq!(kind_of_head("Times Square", Organization), Some(Place));
        assert_eq!(kind_of_head("Anita Hill", Person), None);
        assert_eq!(kind_of_head("Capitol Hill", Organization), Some(Place));
        assert_eq!(kind_of_head("Tom Becker", Person), None);
    }

    #[test]
    fn place_governors_type_the_next_name() {
        assert_eq!(kind_from_context("The town of "), Some(Place));
        assert_eq!(
            kind_from_dateline("MILLBROOK", "", " — Residents"),
            Some(Place)
        );
        assert_eq!(
            kind_from_dateline("WASHINGTON", "", " (AP) — The"),
            Some(Place)
        );
        assert_eq!(kind_from_dateline("Millbrook", "", " — Residents"), None);
        assert_eq!(kind_from_dateline("NATO", "The ", " — which"), None);
        assert_eq!(kind_from_dateline("NATO", "", " said"), None);
        assert_eq!(kind_from_context("residents of the City of "), Some(Place));
        assert_eq!(kind_from_context("the mayor of "), None);
        assert_eq!(kind_from_context("the City of "), Some(Place));
        assert_eq!(kind_from_context("a member of "), None);
    }
}
