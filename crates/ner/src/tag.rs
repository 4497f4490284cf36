//! Entity kinds and the per-token tags of the tagger (BIO internally, IOB1 for CoNLL files).

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

/// The tag of one token: outside any entity, first token of an entity, or inside one (BIO / IOB2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Outside,
    Begin(EntityKind),
    Inside(EntityKind),
}

/// Number of distinct tags (O plus B and I for each of the four kinds).
pub const TAG_COUNT: usize = 1 + 2 * EntityKind::ALL.len();

impl Tag {
    /// Dense index of the tag in `0..TAG_COUNT`.
    pub fn index(self) -> usize {
        match self {
            Tag::Outside => 0,
            Tag::Begin(kind) => 1 + 2 * kind as usize,
            Tag::Inside(kind) => 2 + 2 * kind as usize,
        }
    }

    /// The tag of a dense index; indexes out of range give `Outside`.
    pub fn from_index(index: usize) -> Tag {
        if index == 0 || index >= TAG_COUNT {
            return Tag::Outside;
        }
        let kind = EntityKind::ALL[(index - 1) / 2];
        if index % 2 == 1 {
            Tag::Begin(kind)
        } else {
            Tag::Inside(kind)
        }
    }

    /// The entity kind of the tag, if it is not `Outside`.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Tag::Outside => None,
            Tag::Begin(kind) | Tag::Inside(kind) => Some(kind),
        }
    }

    /// Whether `self` may follow `previous` in a well-formed BIO sequence (`None` = sentence start).
    pub fn may_follow(self, previous: Option<Tag>) -> bool {
        match self {
            Tag::Inside(kind) => previous.and_then(Tag::kind) == Some(kind),
            _ => true,
        }
    }
}

/// Converts IOB1 tag strings (`I-PER`, `B-PER` only between touching entities, `O`) to BIO tags.
/// Unknown strings are read as `Outside`.
pub fn from_iob1<S: AsRef<str>>(labels: &[S]) -> Vec<Tag> {
    let mut tags = Vec::with_capacity(labels.len());
    let mut previous: Option<EntityKind> = None;
    for label in labels {
        let label = label.as_ref();
        let parsed = label
            .split_once('-')
            .and_then(|(prefix, name)| EntityKind::from_conll(name).map(|kind| (prefix, kind)));
        let tag = match parsed {
            Some(("B", kind)) => Tag::Begin(kind),
            Some(("I", kind)) if previous == Some(kind) => Tag::Inside(kind),
            Some(("I", kind)) => Tag::Begin(kind),
            _ => Tag::Outside,
        };
        previous = tag.kind();
        tags.push(tag);
    }
    tags
}

/// Converts BIO tags to IOB1 strings, as in the CoNLL-2003 files.
pub fn to_iob1(tags: &[Tag]) -> Vec<String> {
    let mut previous: Option<EntityKind> = None;
    tags.iter()
        .map(|&tag| {
            let label = match tag {
                Tag::Outside => "O".to_string(),
                Tag::Begin(kind) if previous == Some(kind) => format!("B-{}", kind.conll_name()),
                Tag::Begin(kind) | Tag::Inside(kind) => format!("I-{}", kind.conll_name()),
            };
            previous = tag.kind();
            label
        })
        .collect()
}

/// The entity spans of a BIO tag sequence, as `(first token, end token exclusive, kind)`.
/// An `Inside` tag that does not continue an entity of its kind starts a new one.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityKind)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (index, &tag) in tags.iter().enumerate() {
        let continues =
            matches!((tag, open), (Tag::Inside(kind), Some((_, open_kind))) if kind == open_kind);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            spans.push((start, index, kind));
        }
        if let Some(kind) = tag.kind() {
            open = Some((index, kind));
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
        assert_eq!(tags[2], Tag::Begin(EntityKind::Person));
        assert_eq!(tags[5], Tag::Begin(EntityKind::Organization));
        assert_eq!(to_iob1(&tags), labels);
        assert_eq!(spans(&tags).len(), 4);
    }
}
