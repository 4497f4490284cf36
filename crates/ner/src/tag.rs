//! Entity kinds and the per-token tags of the tagger (BILOU internally, IOB1 for CoNLL files).

use serde::Serialize;

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    /// All kinds, in label order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    /// The CoNLL-2003 type name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn conll_name(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Place => "LOC",
            EntityKind::Other => "MISC",
        }
    }

    /// The lower-case name used in JSON output (`person`, `organization`, `place`, `other`).
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    /// Parses a CoNLL-2003 type name.
    pub fn from_conll(name: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|kind| kind.conll_name() == name)
    }
}

/// The tag of one token (BILOU): outside any entity, first, inside or last token of an entity of
/// several tokens, or the whole of a one-token entity. Marking an entity's last token and
/// one-token entities apart lets the model learn what ends a name (Ratinov and Roth 2009 found
/// BILOU better than BIO for the same features).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Outside,
    Begin(EntityKind),
    Inside(EntityKind),
    Last(EntityKind),
    Unit(EntityKind),
}

/// Number of distinct tags (O plus B, I, L and U for each of the four kinds).
pub const TAG_COUNT: usize = 1 + 4 * EntityKind::ALL.len();

impl Tag {
    /// Dense index of the tag in `0..TAG_COUNT`.
    pub fn index(self) -> usize {
        match self {
            Tag::Outside => 0,
            Tag::Begin(kind) => 1 + 4 * kind as usize,
            Tag::Inside(kind) => 2 + 4 * kind as usize,
            Tag::Last(kind) => 3 + 4 * kind as usize,
            Tag::Unit(kind) => 4 + 4 * kind as usize,
        }
    }

    /// The tag of a dense index; indexes out of range give `Outside`.
    pub fn from_index(index: usize) -> Tag {
        if index == 0 || index >= TAG_COUNT {
            return Tag::Outside;
        }
        let kind = EntityKind::ALL[(index - 1) / 4];
        match (index - 1) % 4 {
            0 => Tag::Begin(kind),
            1 => Tag::Inside(kind),
            2 => Tag::Last(kind),
            _ => Tag::Unit(kind),
        }
    }

    /// The entity kind of the tag, if it is not `Outside`.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Tag::Outside => None,
            Tag::Begin(kind) | Tag::Inside(kind) | Tag::Last(kind) | Tag::Unit(kind) => Some(kind),
        }
    }

    /// Whether the tag leaves an entity open that the next token must continue.
    fn opens(self) -> bool {
        matches!(self, Tag::Begin(_) | Tag::Inside(_))
    }

    /// Whether `self` may follow `previous` in a well-formed BILOU sequence (`None` = sentence
    /// start): `I-X` and `L-X` only continue an open `X`, and an open entity must be continued.
    pub fn may_follow(self, previous: Option<Tag>) -> bool {
        let open = previous.filter(|tag| tag.opens()).and_then(Tag::kind);
        match self {
            Tag::Inside(kind) | Tag::Last(kind) => open == Some(kind),
            _ => open.is_none(),
        }
    }

    /// Whether a sentence may end with this tag (no entity left open).
    pub fn may_end(self) -> bool {
        !self.opens()
    }
}

/// Converts IOB1 tag strings (`I-PER`, `B-PER` only between touching entities, `O`) to BILOU
/// tags. Unknown strings are read as `Outside`.
pub fn from_iob1<S: AsRef<str>>(labels: &[S]) -> Vec<Tag> {
    // read as begin/inside tags, whose entities `spans` finds (an I-X after O or another kind opens one)
    let begin_inside: Vec<Tag> = labels
        .iter()
        .map(|label| {
            let parsed = label
                .as_ref()
                .split_once('-')
                .and_then(|(prefix, name)| EntityKind::from_conll(name).map(|kind| (prefix, kind)));
            match parsed {
                Some(("B", kind)) => Tag::Begin(kind),
                Some(("I", kind)) => Tag::Inside(kind),
                _ => Tag::Outside,
            }
        })
        .collect();
    from_spans(labels.len(), &spans(&begin_inside))
}

/// The BILOU tags of `length` tokens holding the entity `spans` (as given by [`spans`]).
pub fn from_spans(length: usize, spans: &[(usize, usize, EntityKind)]) -> Vec<Tag> {
    let mut tags = vec![Tag::Outside; length];
    for &(start, end, kind) in spans {
        let end = end.min(length);
        if start + 1 == end {
            tags[start] = Tag::Unit(kind);
        } else if start < end {
            tags[start] = Tag::Begin(kind);
            tags[start + 1..end - 1].fill(Tag::Inside(kind));
            tags[end - 1] = Tag::Last(kind);
        }
    }
    tags
}

/// Converts tags to IOB1 strings, as in the CoNLL-2003 files.
pub fn to_iob1(tags: &[Tag]) -> Vec<String> {
    let mut labels = vec!["O".to_string(); tags.len()];
    let mut previous_end: Option<(usize, EntityKind)> = None;
    for (start, end, kind) in spans(tags) {
        let touching = previous_end == Some((start, kind));
        for (offset, label) in labels[start..end].iter_mut().enumerate() {
            let prefix = if offset == 0 && touching { "B" } else { "I" };
            *label = format!("{prefix}-{}", kind.conll_name());
        }
        previous_end = Some((end, kind));
    }
    labels
}

/// The entity spans of a tag sequence, as `(first token, end token exclusive, kind)`.
/// Ill-formed sequences are read leniently: an `I-X` or `L-X` that does not continue an open
/// entity of its kind starts a new one, and an entity ends at its `L` or `U` tag, before a tag
/// that does not continue it, or at the end.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityKind)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (index, &tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Tag::Inside(kind) | Tag::Last(kind), Some((_, open_kind))) if kind == open_kind);
        if !continues {
            if let Some((start, kind)) = open.take() {
                spans.push((start, index, kind));
            }
            open = tag.kind().map(|kind| (index, kind));
        }
        if matches!(tag, Tag::Last(_) | Tag::Unit(_)) {
            if let Some((start, kind)) = open.take() {
                spans.push((start, index + 1, kind));
            }
        }
    }
    if let Some((start, kind)) = open {
        spans.push((start, tags.len(), kind));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trips() {
        for index in 0..TAG_COUNT {
            assert_eq!(Tag::from_index(index).index(), index);
        }
    }

    #[test]
    fn iob1_round_trips_touching_entities() {
        let labels = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"];
        let tags = from_iob1(&labels);
        assert_eq!(tags[0], Tag::Begin(EntityKind::Person));
        assert_eq!(tags[1], Tag::Last(EntityKind::Person));
        assert_eq!(tags[2], Tag::Unit(EntityKind::Person));
        assert_eq!(tags[5], Tag::Unit(EntityKind::Organization));
        assert_eq!(to_iob1(&tags), labels);
        assert_eq!(spans(&tags).len(), 4);
    }

    #[test]
    fn well_formed_sequences_close_every_entity() {
        let person = EntityKind::Person;
        assert!(Tag::Last(person).may_follow(Some(Tag::Begin(person))));
        assert!(!Tag::Last(person).may_follow(Some(Tag::Unit(person))));
        assert!(!Tag::Outside.may_follow(Some(Tag::Inside(person))));
        assert!(Tag::Unit(person).may_follow(Some(Tag::Last(person))));
        assert!(!Tag::Begin(person).may_end());
        assert!(Tag::Unit(person).may_end());
    }

    #[test]
    fn spans_read_ill_formed_sequences_leniently() {
        let place = EntityKind::Place;
        let tags = [
            Tag::Inside(place),
            Tag::Outside,
            Tag::Begin(place),
            Tag::Begin(place),
        ];
        assert_eq!(spans(&tags), [(0, 1, place), (2, 3, place), (3, 4, place)]);
        assert_eq!(from_spans(4, &spans(&tags)).len(), 4);
    }
}
