//! Language: which language an article is written in, so that a story in another language is
//! still summarised but not run through the English-only analyses (names, quotes, dates).
//!
//! Detection is `whatlang`'s trigram model (pure Rust, no data files) over the start of the
//! article's kept prose. An article counts as English unless the detector is confident it is not:
//! short or mixed text stays English, so English briefs never change.

use serde::Serialize;

use crate::document::Document;

/// Bytes of prose the detector reads (enough for a confident answer, bounded cost).
const SAMPLE_BYTES: usize = 2_000;
/// Fewest words of prose for a non-English verdict.
const MIN_WORDS: usize = 12;

/// The language of an article that is not English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleLanguage {
    /// Index of the article among the brief's sources.
    pub doc: usize,
    /// ISO 639-3 code ("deu").
    pub code: &'static str,
    /// English name ("German").
    pub name: &'static str,
}

/// The language of an article's prose, when it is confidently not English.
pub fn not_english(text: &str, doc: &Document) -> Option<(&'static str, &'static str)> {
    let mut sample = String::new();
    for sentence in doc.prose() {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(text.get(sentence.range.clone()).unwrap_or(""));
        sample.push(' ');
    }
    if sample.split_whitespace().count() < MIN_WORDS {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    let lang = info.lang();
    (info.is_reliable() && lang != whatlang::Lang::Eng).then(|| (lang.code(), lang.eng_name()))
}

/// Whether an article is analysed as English (see [`not_english`]).
pub fn is_english(text: &str, doc: &Document) -> bool {
    not_english(text, doc).is_none()
}

/// The note a brief carries when some of its articles are not in English.
pub fn note(languages: &[ArticleLanguage], sources: usize) -> Option<String> {
    let first = languages.first()?;
    let which = if sources == 1 && languages.len() == 1 {
        "the article is".to_string()
    } else if languages.len() == sources {
        "the articles are".to_string()
    } else {
        let numbers: Vec<String> = languages.iter().map(|l| (l.doc + 1).to_string()).collect();
        let noun = if numbers.len() == 1 {
            "source"
        } else {
            "sources"
        };
        format!(
            "{noun} {} {}",
            numbers.join(", "),
            if numbers.len() == 1 { "is" } else { "are" }
        )
    };
    let mut names: Vec<&str> = languages.iter().map(|l| l.name).collect();
    names.dedup();
    let in_language = if names.len() == 1 {
        first.name.to_string()
    } else {
        "other languages".to_string()
    };
    let their = if languages.len() == 1 { "its" } else { "their" };
    Some(format!(
        "Only English is analysed fully: {which} in {in_language}, summarised but with {their} people, quotes and dates not analysed."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language_of(text: &str) -> Option<&'static str> {
        not_english(text, &Document::analyse(text)).map(|(code, _)| code)
    }

    #[test]
    fn german_is_found_and_english_stays_english() {
        let german = "Die Bundesregierung hat am Dienstag ein neues Klimagesetz beschlossen. \
                      Bundeskanzler Olaf Scholz sagte in Berlin, das Gesetz sei ein wichtiger Schritt \
                      für den Klimaschutz. Die Opposition kritisierte den Entwurf als unzureichend.";
        assert_eq!(language_of(german), Some("deu"));
        let english = "The town of Millbrook will close the Harlow Bridge for repairs next month, \
                       the council decided on Tuesday. Residents packed the meeting.";
        assert_eq!(language_of(english), None);
        assert_eq!(
            language_of("Olaf Scholz sagte."),
            None,
            "too short to judge"
        );
    }

    #[test]
    fn the_note_names_the_sources_and_language() {
        let german = |doc| ArticleLanguage {
            doc,
            code: "deu",
            name: "German",
        };
        let note = note(&[german(1)], 3).unwrap_or_default();
        assert!(note.contains("source 2 is in German"), "{note}");
        assert!(note.starts_with("Only English is analysed fully"));
        let only = super::note(&[german(0)], 1).unwrap_or_default();
        assert!(only.contains("the article is in German"), "{only}");
        assert!(only.contains("its people"), "{only}");
        assert_eq!(super::note(&[], 3), None);
    }
}
