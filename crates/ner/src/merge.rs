//! Alias merging across the articles of one story.
//!
//! Mentions are grouped into entities by their core name (titles, possessive endings, a leading
//! "the" and letter case removed). People: full names with the same surname and compatible first
//! names merge (Jeff / Jefferson / J.); a lone surname joins the full name it most likely refers
//! to (of the full names it may stand for, the one its article wrote most often before it — the
//! first introduced on a tie — else the one the story mentions most); a name
//! one edit (or transposition) from a much more frequent one of the same kind is merged as a
//! misspelt variant ("Kisylak" → Kislyak, "Session's" → Sessions). Organisations and places:
//! acronyms join the name they abbreviate (DNC ↔ Democratic National Committee, U.S. ↔ United
//! States) and plural or misspelt forms join. Kinds never mix, except that a name tagged with
//! different kinds in different places takes its majority kind; so "Trump Tower" (place) and
//! "the Clinton campaign" (organisation) stay apart from the people Trump and Clinton.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::head_nouns;
use crate::names::{
    acronym, first_names_compatible, generation, initials, is_misspelling, is_near_spelling,
    is_personal_title, is_plural_pair, is_title_word, is_typo, normalise_spaces, person_words,
    strip_possessive, surname,
};
use crate::tag::EntityKind;
use crate::tagger::{committed_clusters, committed_external_names, committed_gazetteer, Mention};

/// One written form of an entity; `variant` marks misspelt or non-standard forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alias {
    pub text: String,
    pub variant: bool,
}

/// An entity of the story with its aliases and mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryEntity {
    /// Canonical name: the most frequent full form.
    pub name: String,
    pub kind: EntityKind,
    /// Distinct written forms (with titles and possessives as written), most frequent first.
    pub aliases: Vec<Alias>,
    pub mentions: usize,
    /// Indexes of the documents that mention the entity, ascending.
    pub docs: Vec<usize>,
    /// Every mention as (document index, start byte, end byte).
    pub spans: Vec<(usize, usize, usize)>,
}

/// Most pairs of names compared by edit distance (keeps pathological input bounded).
const MAX_COMPARISONS: usize = 400_000;

/// One mention prepared for merging.
struct Occurrence {
    doc: usize,
    start: usize,
    end: usize,
    kind: EntityKind,
    /// The name without titles and possessive ending, as written.
    core: String,
    /// The lower-cased core words (for people) or the single lower-cased key (others).
    words: Vec<String>,
    /// The written form with adjacent titles and possessive ending.
    surface: String,
    /// The entity form this occurrence was attached to, when it differs from its own.
    target: Option<usize>,
    /// The kind the words around the mention give it ("the town of Millbrook", a dateline: place; "Mr.",
    /// "President" right before it: person).
    context_kind: Option<EntityKind>,
}

impl Occurrence {
    fn key(&self) -> String {
        self.words.join(" ")
    }

    fn is_person(&self) -> bool {
        self.kind == EntityKind::Person
    }

    /// The lower-cased surname (people) or key (others) compared for misspellings.
    fn last_word(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        if self.is_person() {
            surname(&words).unwrap_or("").to_string()
        } else {
            self.key()
        }
    }
}

/// Merges the mentions of the documents of a story (text and its mentions) into entities,
/// most central first (articles mentioning it, then mentions).
pub fn merge(docs: &[(&str, &[Mention])]) -> Vec<StoryEntity> {
    let mut occurrences: Vec<Occurrence> = Vec::new();
    for (doc, (text, mentions)) in docs.iter().enumerate() {
        occurrences.extend(
            mentions
                .iter()
                .filter_map(|mention| prepare(doc, text, mention)),
        );
    }
    titled_people(&mut occurrences);
    vote_kinds(&mut occurrences);
    surnames_are_people(&mut occurrences);
    let mut forms = Forms::new(&occurrences);
    let mut misspelt: BTreeSet<String> = BTreeSet::new();
    merge_people(&mut forms, &mut occurrences, &mut misspelt);
    merge_others(&mut forms, &mut misspelt);

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, occurrence) in occurrences.iter().enumerate() {
        let form = forms.form_of(occurrence);
        let root = forms.find(occurrence.target.unwrap_or(form));
        groups.entry(root).or_default().push(index);
    }
    let mut entities: Vec<StoryEntity> = groups
        .into_values()
        .map(|members| build_entity(&occurrences, &members, &misspelt))
        .collect();
    entities.sort_by(|a, b| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then(b.mentions.cmp(&a.mentions))
            .then_with(|| a.name.cmp(&b.name))
    });
    entities
}

/// Reads one mention: its core name, comparison words and written form with titles.
fn prepare(doc: usize, text: &str, mention: &Mention) -> Option<Occurrence> {
    let raw = text.get(mention.start..mention.end)?;
    if mention.kind != EntityKind::Person && names_a_post(text.get(mention.end..).unwrap_or("")) {
        return None;
    }
    let stripped = strip_possessive(
        raw.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | ',' | ';' | ':')),
    );
    if is_a_post(stripped) {
        return None;
    }
    let mut core = normalise_spaces(stripped);
    let words: Vec<String> = if mention.kind == EntityKind::Person {
        core = person_words(&core).join(" ");
        core.split(' ').map(str::to_lowercase).collect()
    } else {
        if let Some(rest) = core
            .strip_prefix("the ")
            .or_else(|| core.strip_prefix("The "))
        {
            core = rest.to_string();
        }
        vec![name_key(&core)]
    };
    let only_titles = core.split(' ').all(is_title_word);
    if only_titles || !core.chars().any(char::is_alphabetic) {
        return None;
    }
    let start = title_start(text, mention.start);
    let end = possessive_end(text, mention.end);
    let surface = normalise_spaces(text.get(start..end).unwrap_or(raw));
    let context_kind = head_nouns::kind_from_context(before_on_line(text, start))
        .or_else(|| {
            head_nouns::kind_from_dateline(
                raw,
                before_on_line(text, mention.start),
                text.get(mention.end..).unwrap_or(""),
            )
        })
        .or_else(|| {
            // Only a name of capitalised words: "Mr. Altman of Evercore" is a span gone too far.
            let titles = text.get(start..mention.start).unwrap_or("");
            let titled = titles
                .split_whitespace()
                .next_back()
                .is_some_and(is_personal_title);
            let capitalised = core.split(' ').all(|w| w.starts_with(char::is_uppercase));
            (titled && capitalised).then_some(EntityKind::Person)
        });
    Some(Occurrence {
        doc,
        start: mention.start,
        end: mention.end,
        kind: mention.kind,
        core,
        words,
        surface,
        target: None,
        context_kind,
    })
}

/// The key of an organisation's or a place's name: its acronym's letters, else the name lower-cased
/// with hyphens as spaces ("al-Qaida" and "al Qaida", "Winston-Salem" and "Winston Salem": one name).
fn name_key(core: &str) -> String {
    acronym(core)
        .unwrap_or_else(|| core.replace('-', " "))
        .to_lowercase()
}

/// Role nouns of posts that are not title words ("National Security Adviser Michael Flynn").
const ADVISERS: [&str; 2] = ["adviser", "advisor"];

/// Role nouns that end a post but never stand before a name as part of it ("Justice Department
/// spokesman" names the department).
const SPOKESPEOPLE: [&str; 3] = ["spokesman", "spokeswoman", "spokesperson"];

/// Whether the text after a name makes the name part of a post — "National Security Adviser Michael
/// Flynn", "Foreign Minister", "White House Chief of Staff" — rather than an organisation or a place.
fn names_a_post(after: &str) -> bool {
    let Some(next) = after.split_whitespace().next() else {
        return false;
    };
    let next = next.trim_end_matches([',', '.', ';', ':']);
    ADVISERS.contains(&next.to_lowercase().as_str()) || is_title_word(next)
}

/// Whether a mention of several words is itself a post, ending in a role noun: "National Security
/// Advisor", "Senate Minority Leader", "Department of Homeland Security Secretary". Titles are no
/// names (as [`names_a_post`] says of the words before one); the role nouns that also end the names of
/// organisations ("Department of Justice", "Dollar General", "Amazon Prime") and abbreviations
/// ("Ocean Dr.") do not count.
fn is_a_post(mention: &str) -> bool {
    let mut words = mention.split_whitespace().rev();
    let (Some(last), Some(_)) = (words.next(), words.next()) else {
        return false;
    };
    let role = last.to_lowercase();
    if ADVISERS.contains(&role.as_str()) || SPOKESPEOPLE.contains(&role.as_str()) {
        return true;
    }
    is_title_word(last)
        && !last.ends_with('.')
        && role.len() >= 5
        && ![
            "general", "justice", "majority", "minority", "prime", "madam",
        ]
        .contains(&role.as_str())
}

/// Up to 40 bytes of the text before `start` on the same line.
fn before_on_line(text: &str, start: usize) -> &str {
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..start).unwrap_or("");
    before.rsplit('\n').next().unwrap_or(before)
}

/// Extends a mention start back over up to three title words right before it on the same line.
fn title_start(text: &str, mut start: usize) -> usize {
    for _ in 0..3 {
        let before = &text[..start];
        let trimmed = before.trim_end_matches(' ');
        if trimmed.len() == before.len() && start > 0 {
            break; // no space: the mention is glued to something
        }
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(at, c)| at + c.len_utf8());
        let word = &trimmed[word_start..];
        if word.is_empty() || !is_title_word(word) {
            break;
        }
        start = word_start;
    }
    start
}

/// Extends a mention end over a possessive ending written right after it.
fn possessive_end(text: &str, end: usize) -> usize {
    let after = &text[end..];
    for ending in ["'s", "’s", "'", "’"] {
        if let Some(rest) = after.strip_prefix(ending) {
            if !rest.chars().next().is_some_and(char::is_alphanumeric) {
                return end + ending.len();
            }
        }
    }
    end
}

/// A name tagged as something else that is a title and the name of a person found elsewhere in the story
/// ("Senator Al Franken" tagged as an organisation, "Al Franken" as a person) is that person.
fn titled_people(occurrences: &mut [Occurrence]) {
    let people: BTreeSet<String> = occurrences
        .iter()
        .filter(|o| o.is_person())
        .map(|o| o.core.to_lowercase())
        .collect();
    for occurrence in occurrences.iter_mut().filter(|o| !o.is_person()) {
        let words: Vec<&str> = occurrence.core.split(' ').collect();
        let titles = words.iter().take_while(|w| is_title_word(w)).count();
        if titles == 0 || titles == words.len() {
            continue;
        }
        let name = person_words(&occurrence.core).join(" ");
        if people.contains(&name.to_lowercase()) {
            occurrence.kind = EntityKind::Person;
            occurrence.words = name.split(' ').map(str::to_lowercase).collect();
            occurrence.core = name;
        }
    }
}

/// Votes a place noun before a mention ("the town of Millbrook") or a dateline counts as.
const CONTEXT_VOTES: usize = 3;

/// Gives every occurrence of a name one kind: the kind its mentions vote for (each tagged mention
/// one vote, a governing place noun [`CONTEXT_VOTES`]), unless the name's head noun says otherwise
/// ("Harlow Bridge" is a place, "Millbrook Gazette" an organisation; see [`head_nouns`]).
fn vote_kinds(occurrences: &mut [Occurrence]) {
    let mut votes: BTreeMap<String, BTreeMap<EntityKind, usize>> = BTreeMap::new();
    for occurrence in occurrences.iter() {
        let name_votes = votes.entry(occurrence.core.to_lowercase()).or_default();
        *name_votes.entry(occurrence.kind).or_default() += 1;
        if let Some(kind) = occurrence.context_kind {
            *name_votes.entry(kind).or_default() += CONTEXT_VOTES;
        }
    }
    for occurrence in occurrences.iter_mut() {
        let Some(kinds) = votes.get(&occurrence.core.to_lowercase()) else {
            continue;
        };
        let best = kinds.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
        let Some((&voted, _)) = best else { continue };
        let kind = head_nouns::kind_of_head(&occurrence.core, voted).unwrap_or(voted);
        if kind != occurrence.kind {
            occurrence.kind = kind;
            occurrence.words = if kind == EntityKind::Person {
                occurrence.core.split(' ').map(str::to_lowercase).collect()
            } else {
                vec![name_key(&occurrence.core)]
            };
        }
    }
}

/// Makes one-word mentions of another kind people when the word is (or is a misspelling of)
/// the surname of a full name in the story: "Trump" tagged as other next to "Donald Trump".
fn surnames_are_people(occurrences: &mut [Occurrence]) {
    let mut surnames: BTreeMap<String, usize> = BTreeMap::new();
    for occurrence in occurrences.iter().filter(|o| o.is_person()) {
        let weight = if occurrence.words.len() >= 2 { 2 } else { 1 };
        *surnames.entry(occurrence.last_word()).or_default() += weight;
    }
    let full_surnames: BTreeSet<String> = occurrences
        .iter()
        .filter(|o| o.is_person() && o.words.len() >= 2)
        .map(Occurrence::last_word)
        .collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for occurrence in occurrences.iter().filter(|o| !o.is_person()) {
        *counts.entry(occurrence.core.to_lowercase()).or_default() += 1;
    }
    for occurrence in occurrences.iter_mut() {
        if occurrence.is_person()
            || occurrence.core.contains(' ')
            || acronym(&occurrence.core).is_some()
        {
            continue;
        }
        let word = occurrence.core.to_lowercase();
        let count = counts.get(&word).copied().unwrap_or(0);
        let matches = full_surnames.contains(&word)
            || full_surnames
                .iter()
                .any(|surname| misspelt_pair(&word, count, surname, surnames[surname]));
        if matches {
            occurrence.kind = EntityKind::Person;
            occurrence.words = vec![word];
        }
    }
}

/// Distinct (kind, key) forms with a union-find over them.
struct Forms {
    index: BTreeMap<(EntityKind, String), usize>,
    /// Per form: kind, lower-cased words, first occurrence's core.
    forms: Vec<(EntityKind, Vec<String>, String)>,
    counts: Vec<usize>,
    parent: Vec<usize>,
}

impl Forms {
    fn new(occurrences: &[Occurrence]) -> Forms {
        let mut forms = Forms {
            index: BTreeMap::new(),
            forms: Vec::new(),
            counts: Vec::new(),
            parent: Vec::new(),
        };
        for occurrence in occurrences {
            let next = forms.forms.len();
            let id = *forms
                .index
                .entry((occurrence.kind, occurrence.key()))
                .or_insert(next);
            if id == next {
                forms.forms.push((
                    occurrence.kind,
                    occurrence.words.clone(),
                    occurrence.core.clone(),
                ));
                forms.counts.push(0);
                forms.parent.push(id);
            }
            forms.counts[id] += 1;
        }
        forms
    }

    fn form_of(&self, occurrence: &Occurrence) -> usize {
        self.index
            .get(&(occurrence.kind, occurrence.key()))
            .copied()
            .unwrap_or(0)
    }

    fn find(&mut self, mut form: usize) -> usize {
        while self.parent[form] != form {
            self.parent[form] = self.parent[self.parent[form]];
            form = self.parent[form];
        }
        form
    }

    /// Joins the groups of `a` and `b`; the group with more mentions gives the root.
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (keep, join) = if (self.counts[a], b) >= (self.counts[b], a) {
                (a, b)
            } else {
                (b, a)
            };
            self.parent[join] = keep;
            self.counts[keep] += self.counts[join];
        }
    }
}

/// Whether `rare` (seen `rare_count` times) may be a misspelling of `common` (`common_count`).
fn misspelt_pair(rare: &str, rare_count: usize, common: &str, common_count: usize) -> bool {
    rare_count * 2 <= common_count && is_misspelling(rare, common)
}

fn merge_people(
    forms: &mut Forms,
    occurrences: &mut [Occurrence],
    misspelt: &mut BTreeSet<String>,
) {
    let person_forms: Vec<usize> = (0..forms.forms.len())
        .filter(|&f| forms.forms[f].0 == EntityKind::Person)
        .collect();
    let full: Vec<usize> = person_forms
        .iter()
        .copied()
        .filter(|&f| forms.forms[f].1.len() >= 2)
        .collect();
    let mut surname_counts: BTreeMap<String, usize> = BTreeMap::new();
    for occurrence in occurrences.iter().filter(|o| o.is_person()) {
        *surname_counts.entry(occurrence.last_word()).or_default() += 1;
    }
    // Each full name's first word, surname and generation, read once (the loops below are over pairs
    // and over every lone mention).
    let parts: BTreeMap<usize, (String, String, Option<String>)> = full
        .iter()
        .map(|&f| {
            let words: Vec<&str> = forms.forms[f].1.iter().map(String::as_str).collect();
            let first = words[0].to_string();
            let last = surname(&words).unwrap_or("").to_string();
            (f, (first, last, generation(&words)))
        })
        .collect();
    let mut comparisons = 0;
    for (position, &a) in full.iter().enumerate() {
        for &b in &full[position + 1..] {
            comparisons += 1;
            if comparisons > MAX_COMPARISONS {
                break;
            }
            let (first_a, last_a, generation_a) = &parts[&a];
            let (first_b, last_b, generation_b) = &parts[&b];
            if generation_a != generation_b {
                continue;
            }
            if last_a == last_b && first_names_compatible(first_a, first_b) {
                forms.union(a, b);
            } else if first_a == first_b {
                let (count_a, count_b) = (surname_counts[last_a], surname_counts[last_b]);
                if misspelt_pair(last_a, count_a, last_b, count_b) {
                    misspelt.insert(last_a.clone());
                    forms.union(a, b);
                } else if misspelt_pair(last_b, count_b, last_a, count_a) {
                    misspelt.insert(last_b.clone());
                    forms.union(a, b);
                }
            }
        }
    }
    // Lone names: attach each occurrence to a full name with that surname, or a misspelt one.
    let mut full_in_article: BTreeMap<(usize, String), Vec<(usize, usize)>> = BTreeMap::new();
    for occurrence in occurrences
        .iter()
        .filter(|o| o.is_person() && o.words.len() >= 2)
    {
        let form = forms.form_of(occurrence);
        full_in_article
            .entry((occurrence.doc, occurrence.last_word()))
            .or_default()
            .push((occurrence.start, form));
    }
    let mut full_by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut full_by_first: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &f in &full {
        let (first, last, _) = &parts[&f];
        full_by_surname.entry(last).or_default().push(f);
        full_by_first.entry(first).or_default().push(f);
    }
    let mut single_by_word: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &f in person_forms
        .iter()
        .filter(|&&f| forms.forms[f].1.len() == 1)
    {
        single_by_word
            .entry(forms.forms[f].1[0].clone())
            .or_default()
            .push(f);
    }
    // What a lone word refers to (the full names it may stand for, the surname it is read as, and
    // whether it is a misspelling), worked out once per distinct word.
    let mut resolved: BTreeMap<String, Option<(Vec<usize>, String, bool)>> = BTreeMap::new();
    let mut targets: Vec<(usize, Option<usize>)> = Vec::new();
    for (index, occurrence) in occurrences.iter().enumerate() {
        if !occurrence.is_person() || occurrence.words.len() != 1 {
            continue;
        }
        let word = &occurrence.words[0];
        if !resolved.contains_key(word) {
            let reading = lone_word_reading(
                word,
                &parts,
                &full_by_surname,
                &full_by_first,
                &single_by_word,
                &surname_counts,
                forms,
            );
            resolved.insert(word.clone(), reading);
        }
        let Some(Some((candidates, target_word, is_misspelt))) = resolved.get(word) else {
            continue;
        };
        if *is_misspelt {
            misspelt.insert(word.clone());
        }
        let earlier = full_in_article
            .get(&(occurrence.doc, target_word.clone()))
            .map_or(&[][..], Vec::as_slice);
        let in_article = principal_before(earlier, occurrence.start, candidates, forms);
        let most_mentioned = candidates.iter().copied().max_by_key(|&f| {
            let root = forms.find(f);
            (forms.counts[root], std::cmp::Reverse(f))
        });
        targets.push((index, in_article.or(most_mentioned)));
    }
    for (index, target) in targets {
        occurrences[index].target = target;
    }
}

/// Of the full names a lone name may stand for (`candidates`), the one its article wrote most often
/// before it (`earlier`: the article's full names with the surname, as start and form), the first
/// introduced on a tie. News introduces relatives by their full names ("his daughter Ivanka Trump")
/// while the bare surname goes on meaning the story's principal ("Trump said"), so the nearest full
/// name is the wrong guess: on 76 hand-judged lone surnames of Multi-News articles naming two or more
/// people of one surname, this choice is right for 69, the nearest earlier full name for 17
/// (`examples/lone_names.rs`, docs/bench/ner.md).
fn principal_before(
    earlier: &[(usize, usize)],
    before: usize,
    candidates: &[usize],
    forms: &mut Forms,
) -> Option<usize> {
    let roots: BTreeSet<usize> = candidates.iter().map(|&f| forms.find(f)).collect();
    // Per entity: how often written, where first written, and that first form.
    let mut written: BTreeMap<usize, (usize, usize, usize)> = BTreeMap::new();
    for &(start, form) in earlier.iter().filter(|&&(start, _)| start < before) {
        let root = forms.find(form);
        if roots.contains(&root) {
            let entry = written.entry(root).or_insert((0, start, form));
            entry.0 += 1;
            if start < entry.1 {
                (entry.1, entry.2) = (start, form);
            }
        }
    }
    written
        .into_values()
        .max_by_key(|&(count, first, _)| (count, std::cmp::Reverse(first)))
        .map(|(_, _, form)| form)
}

/// The full names a lone person word may stand for, the surname it is read as, and whether it is a
/// misspelling: a surname of full names; else the first word of exactly one full name (a given name, or
/// a surname written first: "Li" for Li Jifeng); else a misspelt surname (of a full name, or of a lone
/// name) — one edit from the surname of exactly one full name for short names ("Klass" for Klaas).
fn lone_word_reading(
    word: &str,
    parts: &BTreeMap<usize, (String, String, Option<String>)>,
    full_by_surname: &BTreeMap<&str, Vec<usize>>,
    full_by_first: &BTreeMap<&str, Vec<usize>>,
    single_by_word: &BTreeMap<String, Vec<usize>>,
    surname_counts: &BTreeMap<String, usize>,
    forms: &mut Forms,
) -> Option<(Vec<usize>, String, bool)> {
    if let Some(candidates) = full_by_surname.get(word) {
        return Some((candidates.clone(), word.to_owned(), false));
    }
    if let Some(by_first) = full_by_first.get(word) {
        let roots: BTreeSet<usize> = by_first.iter().map(|&f| forms.find(f)).collect();
        if let (1, Some(&first)) = (roots.len(), by_first.first()) {
            return Some((by_first.clone(), parts[&first].1.clone(), false));
        }
    }
    let count = surname_counts.get(word).copied().unwrap_or(0);
    let best = surname_counts
        .iter()
        .filter(|(other, &other_count)| misspelt_pair(word, count, other, other_count))
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(other, _)| other.clone());
    let near = || {
        let near: Vec<&str> = full_by_surname
            .keys()
            .copied()
            .filter(|other| {
                is_near_spelling(word, other)
                    && count * 2 <= surname_counts.get(*other).copied().unwrap_or(0)
            })
            .collect();
        (near.len() == 1).then(|| near[0].to_owned())
    };
    let other = best.or_else(near)?;
    let candidates = full_by_surname
        .get(other.as_str())
        .or_else(|| single_by_word.get(&other))
        .cloned()
        .unwrap_or_default();
    Some((candidates, other, true))
}

/// Organisations, places and others: acronyms join their expansions; plural and misspelt forms join.
fn merge_others(forms: &mut Forms, misspelt: &mut BTreeSet<String>) {
    let others: Vec<usize> = (0..forms.forms.len())
        .filter(|&f| forms.forms[f].0 != EntityKind::Person)
        .collect();
    let mut comparisons = 0;
    for &a in &others {
        let (kind_a, _, core_a) = forms.forms[a].clone();
        let Some(letters) = acronym(&core_a) else {
            continue;
        };
        let expansions = others.iter().copied().filter(|&b| {
            forms.forms[b].0 == kind_a
                && initials(&forms.forms[b].2).is_some_and(|initials| initials == letters)
        });
        if let Some(b) = expansions.max_by_key(|&b| (forms.counts[b], std::cmp::Reverse(b))) {
            forms.union(a, b);
        }
    }
    // A lone head noun ("the Gazette", "the Diner") joins the one name of its kind it ends.
    for &a in &others {
        let (kind_a, key_a, core_a) = forms.forms[a].clone();
        if core_a.contains(' ') || head_nouns::kind_of_word(&core_a).is_none() {
            continue;
        }
        let ending = format!(" {}", key_a[0]);
        let named: Vec<usize> = others
            .iter()
            .copied()
            .filter(|&b| forms.forms[b].0 == kind_a && forms.forms[b].1[0].ends_with(&ending))
            .collect();
        let roots: BTreeSet<usize> = named.iter().map(|&b| forms.find(b)).collect();
        if let (1, Some(&b)) = (roots.len(), named.first()) {
            forms.union(a, b);
        }
    }
    for (position, &a) in others.iter().enumerate() {
        for &b in &others[position + 1..] {
            comparisons += 1;
            if comparisons > MAX_COMPARISONS {
                return;
            }
            if forms.forms[a].0 != forms.forms[b].0 {
                continue;
            }
            let (key_a, key_b) = (forms.forms[a].1[0].clone(), forms.forms[b].1[0].clone());
            let (count_a, count_b) = (forms.counts[a], forms.counts[b]);
            if is_plural_pair(&key_a, &key_b) {
                forms.union(a, b);
            } else if misspelt_pair(&key_a, count_a, &key_b, count_b) {
                misspelt.insert(key_a);
                forms.union(a, b);
            } else if misspelt_pair(&key_b, count_b, &key_a, count_a) {
                misspelt.insert(key_b);
                forms.union(a, b);
            }
        }
    }
}

/// Whether a name form can stand for its entity: no word in capitals that is no acronym
/// ("MILLBROOK", "JEFF SESSIONS") and no lone head noun ("Gazette"). (Misspelt forms, such as a
/// full name whose given name [`looks_misspelt`], are variants and never candidates.)
fn well_formed(name: &str) -> bool {
    let shouting = acronym(name).is_none()
        && name.split(' ').any(|word| {
            word.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !word.chars().any(char::is_lowercase)
                && acronym(word).is_none()
        });
    let lone_head = !name.contains(' ') && head_nouns::kind_of_word(name).is_some();
    !shouting && !lone_head
}

/// Whether a given name is unknown to the committed news vocabulary (the word-cluster table) while a
/// given name the name lists know is one typing slip away ([`is_typo`]): "Barrack" next to "barack",
/// "Cornad" next to "conrad". Only names of six letters or more are judged, and never a given name the
/// name lists know themselves ("Denise" is one edit from "denies", "Marsha" from "marsh"); a letter
/// changed or dropped ("Giorgia" / "georgia", "Davide" / "david") makes another name, not a misspelling.
fn looks_misspelt(word: &str) -> bool {
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    if length < 6 || is_known_given_name(&lower) {
        return false;
    }
    let vocabulary = committed_clusters();
    if vocabulary.get(&lower).is_some() {
        return false;
    }
    let first = lower.chars().next();
    let near_known = vocabulary.words().any(|known| {
        known.len().abs_diff(lower.len()) <= 1
            && known.chars().next() == first
            && is_typo(&lower, known)
            && is_known_given_name(known)
    });
    near_known
}

/// Whether the committed name lists (the external lists' given names, the training data's first
/// words of people's names) know `word` as a given name.
fn is_known_given_name(word: &str) -> bool {
    [committed_external_names(), committed_gazetteer()]
        .into_iter()
        .flatten()
        .any(|names| names.starts_names(word, EntityKind::Person))
}

/// Builds the entity of a group of occurrences.
fn build_entity(
    occurrences: &[Occurrence],
    members: &[usize],
    misspelt: &BTreeSet<String>,
) -> StoryEntity {
    let is_variant = |occurrence: &Occurrence| misspelt.contains(&occurrence.last_word());
    let kind = occurrences[members[0]].kind;
    let mut names: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    let mut aliases: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    let mut docs = BTreeSet::new();
    let mut spans = Vec::with_capacity(members.len());
    let mut misspelt_given: BTreeMap<&str, bool> = BTreeMap::new();
    for &index in members {
        let occurrence = &occurrences[index];
        let full = occurrence.is_person() && occurrence.words.len() >= 2;
        let variant = is_variant(occurrence)
            || full
                && *misspelt_given.entry(&occurrence.core).or_insert_with(|| {
                    occurrence
                        .core
                        .split(' ')
                        .next()
                        .is_some_and(looks_misspelt)
                });
        if !variant {
            let entry = names.entry(&occurrence.core).or_insert((0, full));
            entry.0 += 1;
        }
        let alias = aliases.entry(&occurrence.surface).or_insert((0, false));
        alias.0 += 1;
        alias.1 |= variant;
        docs.insert(occurrence.doc);
        spans.push((occurrence.doc, occurrence.start, occurrence.end));
    }
    let name = names
        .iter()
        .map(|(name, &(count, full))| ((well_formed(name), full, count, name.len()), *name))
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, name)| name.to_string())
        .unwrap_or_else(|| occurrences[members[0]].core.clone());
    let mut aliases: Vec<(&str, usize, bool)> = aliases
        .into_iter()
        .map(|(text, (count, variant))| (text, count, variant))
        .collect();
    aliases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    spans.sort_unstable();
    StoryEntity {
        name,
        kind,
        aliases: aliases
            .into_iter()
            .map(|(text, _, variant)| Alias {
                text: text.to_string(),
                variant,
            })
            .collect(),
        mentions: members.len(),
        docs: docs.into_iter().collect(),
        spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str, names: &[(&str, EntityKind)]) -> Vec<Mention> {
        let mut found = Vec::new();
        for &(name, kind) in names {
            let mut from = 0;
            while let Some(at) = text[from..].find(name) {
                let start = from + at;
                found.push(Mention {
                    start,
                    end: start + name.len(),
                    kind,
                });
                from = start + name.len();
            }
        }
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        found.dedup_by(|a, b| a.start < b.end && b.start < a.end);
        found
    }

    #[test]
    fn merges_titles_surnames_possessives_and_misspellings() {
        use EntityKind::*;
        let first = "Attorney General Jeff Sessions met Sergey Kislyak. Sessions said Kislyak was polite. Sen. Sessions' aide agreed.";
        let second = "AG Session's meeting with Kisylak worried Kislyak's critics and Kislyak himself. Sessions again.";
        let names = [
            ("Jeff Sessions", Person),
            ("Sergey Kislyak", Person),
            ("Sessions", Person),
            ("Kislyak", Person),
            ("Session", Person),
            ("Kisylak", Person),
        ];
        let first_mentions = mentions(first, &names);
        let second_mentions = mentions(second, &names);
        let entities = merge(&[(first, &first_mentions), (second, &second_mentions)]);
        let sessions = entities.iter().find(|e| e.name == "Jeff Sessions").unwrap();
        let texts: Vec<&str> = sessions.aliases.iter().map(|a| a.text.as_str()).collect();
        assert!(
            texts.contains(&"Attorney General Jeff Sessions"),
            "{texts:?}"
        );
        assert!(texts.contains(&"Sen. Sessions'"), "{texts:?}");
        assert!(
            sessions
                .aliases
                .iter()
                .any(|a| a.text == "AG Session's" && a.variant),
            "{:?}",
            sessions.aliases
        );
        assert_eq!(sessions.docs, [0, 1]);
        let kislyak = entities
            .iter()
            .find(|e| e.name == "Sergey Kislyak")
            .unwrap();
        assert!(kislyak
            .aliases
            .iter()
            .any(|a| a.text == "Kisylak" && a.variant));
        assert!(kislyak
            .aliases
            .iter()
            .any(|a| a.text == "Kislyak" && !a.variant));
        assert_eq!(entities.len(), 2, "{entities:#?}");
    }

    #[test]
    fn a_hyphen_or_a_space_makes_no_other_name() {
        use EntityKind::*;
        let first = "Officials said al-Qaida claimed the attack.";
        let second = "Al Qaida claimed the attack, officials said.";
        let names = [("al-Qaida", Organization), ("Al Qaida", Organization)];
        let (a, b) = (mentions(first, &names), mentions(second, &names));
        let entities = merge(&[(first, &a), (second, &b)]);
        assert_eq!(entities.len(), 1, "{entities:#?}");
        assert_eq!(entities[0].docs, [0, 1]);
    }

    #[test]
    fn keeps_kinds_and_different_people_apart() {
        use EntityKind::*;
        let text = "Donald Trump spoke at Trump Tower. Hillary Clinton and Bill Clinton met. The Clinton campaign said Trump lied.";
        let found = mentions(
            text,
            &[
                ("Donald Trump", Person),
                ("Trump Tower", Place),
                ("Hillary Clinton", Person),
                ("Bill Clinton", Person),
                ("Clinton campaign", Organization),
                ("Trump", Person),
            ],
        );
        let entities = merge(&[(text, &found)]);
        let names: BTreeSet<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            BTreeSet::from([
                "Donald Trump",
                "Trump Tower",
                "Hillary Clinton",
                "Bill Clinton",
                "Clinton campaign"
            ])
        );
        assert_eq!(
            entities
                .iter()
                .find(|e| e.name == "Donald Trump")
                .unwrap()
                .mentions,
            2
        );
    }

    #[test]
    fn merges_acronyms() {
        let text = "The Democratic National Committee was hacked. The DNC said so. U.S. officials and the United States agreed.";
        let found = mentions(
            text,
            &[
                ("Democratic National Committee", EntityKind::Organization),
                ("DNC", EntityKind::Organization),
                ("U.S.", EntityKind::Place),
                ("United States", EntityKind::Place),
            ],
        );
        let entities = merge(&[(text, &found)]);
        assert_eq!(entities.len(), 2, "{entities:#?}");
        assert!(entities.iter().all(|e| e.mentions == 2));
    }

    fn entity<'a>(entities: &'a [StoryEntity], name: &str) -> &'a StoryEntity {
        entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name} in {entities:#?}"))
    }

    #[test]
    fn head_nouns_and_place_nouns_decide_kinds() {
        use EntityKind::*;
        let text = "The town of Millbrook will close the Harlow Bridge. Millbrook council agreed. \
                    Tom Becker told the Millbrook Gazette. The Gazette said the Riverside Diner stays open.";
        let found = mentions(
            text,
            &[
                ("Millbrook Gazette", Person),
                ("Harlow Bridge", Organization),
                ("Riverside Diner", Other),
                ("Tom Becker", Person),
                ("Gazette", Person),
                ("Millbrook", Organization),
            ],
        );
        let entities = merge(&[(text, &found)]);
        assert_eq!(entity(&entities, "Millbrook").kind, Place);
        assert_eq!(entity(&entities, "Harlow Bridge").kind, Place);
        assert_eq!(entity(&entities, "Riverside Diner").kind, Organization);
        let gazette = entity(&entities, "Millbrook Gazette");
        assert_eq!(gazette.kind, Organization);
        assert_eq!(gazette.mentions, 2, "the lone Gazette joins it");
        assert_eq!(entity(&entities, "Tom Becker").kind, Person);
    }

    #[test]
    fn a_personal_title_before_a_name_votes_for_a_person() {
        use EntityKind::*;
        // A surname the tagger reads as a place or an organisation (a town in Japan; an unknown word),
        // written after "Mr." and "President" most of the time.
        let text = "Mr. Obama spoke. President Obama left. Obama agreed. Mr. Obama smiled. \
                    General Motors hired. Vice Chairman Lee Kim said. Mr. Altman of Evercore said.";
        let found = mentions(
            text,
            &[
                ("Obama", Organization),
                ("Obama", Place),
                ("Obama", Place),
                ("Obama", Organization),
                ("Motors", Organization),
                ("Lee Kim", Person),
                ("Altman of Evercore", Organization),
            ],
        );
        let entities = merge(&[(text, &found)]);
        let obama = entity(&entities, "Obama");
        assert_eq!((obama.kind, obama.mentions), (Person, 4), "{entities:?}");
        // "General" and "Vice" begin names of organisations too: no vote from them.
        assert_eq!(entity(&entities, "Motors").kind, Organization);
        // A span that ran on past the name is not made a person.
        assert_eq!(entity(&entities, "Altman of Evercore").kind, Organization);
    }

    #[test]
    fn datelines_titled_people_and_posts() {
        use EntityKind::*;
        let text = "MILLBROOK — Senator Al Franken asked. Al Franken said so. \
                    National Security Adviser Michael Flynn resigned. Millbrook agreed.";
        let found = mentions(
            text,
            &[
                ("MILLBROOK", Organization),
                ("Senator Al Franken", Organization),
                ("Al Franken", Person),
                ("National Security", Organization),
                ("Michael Flynn", Person),
                ("Millbrook", Organization),
            ],
        );
        let entities = merge(&[(text, &found)]);
        assert_eq!(
            entity(&entities, "Millbrook").kind,
            Place,
            "a dateline names a place"
        );
        let franken = entity(&entities, "Al Franken");
        assert_eq!((franken.kind, franken.mentions), (Person, 2));
        assert!(
            entities.iter().all(|e| e.name != "National Security"),
            "{entities:?}"
        );
    }

    #[test]
    fn a_post_tagged_whole_is_no_entity() {
        use EntityKind::*;
        let text = "Flynn resigned as National Security Advisor. The Senate Minority Leader \
                    and the Department of Justice spoke. Dollar General fell.";
        let found = mentions(
            text,
            &[
                ("Flynn", Person),
                ("National Security Advisor", Organization),
                ("Senate Minority Leader", Organization),
                ("Department of Justice", Organization),
                ("Dollar General", Organization),
            ],
        );
        let names: Vec<String> = merge(&[(text, &found)])
            .into_iter()
            .map(|entity| entity.name)
            .collect();
        assert_eq!(names, ["Department of Justice", "Dollar General", "Flynn"]);
    }

    #[test]
    fn lone_names_join_the_one_full_name_they_match() {
        use EntityKind::*;
        let first =
            "Dr Brian Klaas wrote a book. Dr Klaas said it was early. Dr Klass told HuffPost.";
        let second = "Li Jifeng posted a video. Li said the city was calm.";
        let first_mentions = mentions(
            first,
            &[
                ("Brian Klaas", Person),
                ("Klaas", Person),
                ("Klass", Person),
            ],
        );
        let second_mentions = mentions(second, &[("Li Jifeng", Person), ("Li", Person)]);
        let entities = merge(&[(first, &first_mentions), (second, &second_mentions)]);
        let klaas = entity(&entities, "Brian Klaas");
        assert_eq!(klaas.mentions, 3, "{klaas:?}");
        assert!(klaas
            .aliases
            .iter()
            .any(|a| a.text == "Dr Klass" && a.variant));
        assert_eq!(entity(&entities, "Li Jifeng").mentions, 2);
        assert_eq!(entities.len(), 2, "{entities:#?}");
    }

    #[test]
    fn soft_hyphens_are_invisible() {
        use EntityKind::*;
        let text = "President Vladi\u{ad}mir Putin spoke. Vladimir Putin left.";
        let found = mentions(
            text,
            &[("Vladi\u{ad}mir Putin", Person), ("Vladimir Putin", Person)],
        );
        let entities = merge(&[(text, &found)]);
        assert_eq!(entities.len(), 1, "{entities:#?}");
        assert!(entities[0]
            .aliases
            .iter()
            .all(|a| !a.variant && !a.text.contains('\u{ad}')));
    }

    #[test]
    fn known_given_names_are_not_misspellings() {
        use EntityKind::*;
        // "Marsha" is one edit from "marsh" and unknown to the news vocabulary, but the census
        // lists know it as a given name; "Barrack" is no given name.
        let text = "Rep. Marsha Blackburn spoke. Blackburn left. Barrack Obama came. Obama spoke.";
        let found = mentions(
            text,
            &[
                ("Marsha Blackburn", Person),
                ("Blackburn", Person),
                ("Barrack Obama", Person),
                ("Obama", Person),
            ],
        );
        let entities = merge(&[(text, &found)]);
        let blackburn = entity(&entities, "Marsha Blackburn");
        assert!(
            blackburn.aliases.iter().all(|a| !a.variant),
            "{blackburn:?}"
        );
        let obama = entity(&entities, "Obama");
        assert!(obama
            .aliases
            .iter()
            .any(|a| a.text == "Barrack Obama" && a.variant));
    }

    #[test]
    fn a_lone_surname_means_the_principal_not_the_relative_named_last() {
        use EntityKind::*;
        let text = "President Donald Trump met advisers. Ivanka Trump, his daughter, joined them. \
                    Trump said the talks went well. Melania Trump did not attend. Mr. Trump left. \
                    Ivanka said little.";
        let found = mentions(
            text,
            &[
                ("Donald Trump", Person),
                ("Ivanka Trump", Person),
                ("Trump", Person),
                ("Melania Trump", Person),
                ("Ivanka", Person),
            ],
        );
        let entities = merge(&[(text, &found)]);
        assert_eq!(
            entity(&entities, "Donald Trump").mentions,
            3,
            "{entities:#?}"
        );
        assert_eq!(
            entity(&entities, "Ivanka Trump").mentions,
            2,
            "{entities:#?}"
        );
        assert_eq!(
            entity(&entities, "Melania Trump").mentions,
            1,
            "{entities:#?}"
        );
    }

    #[test]
    fn the_canonical_name_is_the_most_frequent_well_formed_full_name() {
        use EntityKind::*;
        let first = "Former President Barrack Obama signed it. Obama said so.";
        let second = "The Obama administration agreed.";
        let third =
            "JEFF SESSIONS SPEAKS\nJeff Sessions spoke. Sessions left. Jeff Sessions came back.";
        let first_mentions = mentions(first, &[("Barrack Obama", Person), ("Obama", Person)]);
        let second_mentions = mentions(second, &[("Obama", Person)]);
        let third_mentions = mentions(
            third,
            &[
                ("JEFF SESSIONS", Person),
                ("Jeff Sessions", Person),
                ("Sessions", Person),
            ],
        );
        let entities = merge(&[
            (first, &first_mentions),
            (second, &second_mentions),
            (third, &third_mentions),
        ]);
        let obama = entity(&entities, "Obama");
        assert_eq!(obama.mentions, 3, "{obama:?}");
        assert!(obama
            .aliases
            .iter()
            .any(|a| a.text == "President Barrack Obama" && a.variant));
        assert_eq!(entity(&entities, "Jeff Sessions").mentions, 4);
    }
}
