//! CoNLL-2003 column files: parsing into documents and sentences, and the `conlleval` measure
//! (exact span and type; precision, recall and F1 per type and overall).

use std::collections::BTreeMap;

use crate::tag::{spans, to_iob1, EntityKind, Tag};
use crate::tagger::Tagger;

/// One sentence of a CoNLL file: its lines, words and gold tags (BILOU; from the last column).
#[derive(Debug, Clone, Default)]
pub struct Sentence<'a> {
    pub lines: Vec<&'a str>,
    pub words: Vec<&'a str>,
    pub gold: Vec<Tag>,
}

/// One document (between `-DOCSTART-` lines) of a CoNLL file.
#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    /// The `-DOCSTART-` line, if the document has one.
    pub start_line: Option<&'a str>,
    pub sentences: Vec<Sentence<'a>>,
}

/// Parses CoNLL column text. Lines whose last column is not a tag give `Outside` gold tags, so
/// unlabelled files (one token per line) parse too.
pub fn parse(text: &str) -> Vec<Document<'_>> {
    let mut documents = vec![Document::default()];
    let mut lines: Vec<&str> = Vec::new();
    fn flush<'a>(lines: &mut Vec<&'a str>, documents: &mut [Document<'a>]) {
        if lines.is_empty() {
            return;
        }
        let words: Vec<&str> = lines
            .iter()
            .map(|line| line.split_whitespace().next().unwrap_or(""))
            .collect();
        let labels: Vec<&str> = lines
            .iter()
            .map(|line| {
                if line.split_whitespace().count() > 1 {
                    line.split_whitespace().last().unwrap_or("O")
                } else {
                    "O"
                }
            })
            .collect();
        let gold = crate::tag::from_iob1(&labels);
        if let Some(document) = documents.last_mut() {
            document.sentences.push(Sentence {
                lines: std::mem::take(lines),
                words,
                gold,
            });
        }
    }
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut lines, &mut documents);
        } else if line.starts_with("-DOCSTART-") {
            flush(&mut lines, &mut documents);
            documents.push(Document {
                start_line: Some(line),
                sentences: Vec::new(),
            });
        } else {
            lines.push(line);
        }
    }
    flush(&mut lines, &mut documents);
    documents.retain(|document| document.start_line.is_some() || !document.sentences.is_empty());
    documents
}

/// Entity counts for precision and recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The `conlleval` measure accumulated over sentences.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    pub overall: Counts,
    pub by_kind: BTreeMap<EntityKind, Counts>,
    pub tokens: usize,
    pub correct_tokens: usize,
}

impl Evaluation {
    /// Adds one sentence's gold and predicted tags (same length).
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        self.tokens += gold.len();
        self.correct_tokens += gold.iter().zip(predicted).filter(|(g, p)| g == p).count();
        let gold_spans = spans(gold);
        let predicted_spans = spans(predicted);
        for &(_, _, kind) in &gold_spans {
            self.overall.gold += 1;
            self.by_kind.entry(kind).or_default().gold += 1;
        }
        for span in &predicted_spans {
            self.overall.predicted += 1;
            let counts = self.by_kind.entry(span.2).or_default();
            counts.predicted += 1;
            if gold_spans.contains(span) {
                counts.correct += 1;
                self.overall.correct += 1;
            }
        }
    }

    /// A `conlleval`-like report: accuracy, then P/R/F1 overall and per type.
    pub fn report(&self) -> String {
        let mut out = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, self.overall.gold, self.overall.predicted, self.overall.correct
        );
        let line = |name: &str, counts: &Counts| {
            format!(
                "{name:>8}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
                100.0 * counts.precision(),
                100.0 * counts.recall(),
                100.0 * counts.f1(),
                counts.predicted
            )
        };
        out.push_str(&format!(
            "accuracy: {:6.2}%\n",
            100.0 * ratio(self.correct_tokens, self.tokens)
        ));
        out.push_str(&line("overall", &self.overall));
        for (kind, counts) in &self.by_kind {
            out.push_str(&line(kind.conll_name(), counts));
        }
        out
    }
}

/// A CoNLL file with predictions appended, and the score against its last column.
pub struct Annotated {
    /// The input lines, each token line followed by a space and the predicted IOB1 tag
    /// (`-DOCSTART-` lines get `O`), blank lines kept.
    pub text: String,
    pub evaluation: Evaluation,
}

/// Tags every sentence of a CoNLL file (document by document) and appends the predictions.
pub fn annotate(tagger: &Tagger, text: &str) -> Annotated {
    let mut predictions: Vec<String> = Vec::new();
    let mut evaluation = Evaluation::default();
    for document in parse(text) {
        let words: Vec<Vec<&str>> = document
            .sentences
            .iter()
            .map(|sentence| sentence.words.clone())
            .collect();
        for (sentence, predicted) in document.sentences.iter().zip(tagger.tag_document(&words)) {
            evaluation.add(&sentence.gold, &predicted);
            predictions.extend(to_iob1(&predicted));
        }
    }
    let mut predictions = predictions.into_iter();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        out.push_str(line);
        if line.starts_with("-DOCSTART-") {
            out.push_str(" O");
        } else if !line.trim().is_empty() {
            out.push(' ');
            out.push_str(&predictions.next().unwrap_or_else(|| "O".to_string()));
        }
        out.push('\n');
    }
    Annotated {
        text: out,
        evaluation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n";

    #[test]
    fn parses_documents_and_sentences() {
        let documents = parse(SAMPLE);
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].sentences.len(), 2);
        assert_eq!(documents[0].sentences[1].words, ["Peter", "Blackburn"]);
        assert_eq!(
            documents[0].sentences[1].gold[1],
            Tag::Last(EntityKind::Person)
        );
    }

    #[test]
    fn annotation_appends_one_column() {
        let annotated = annotate(&Tagger::default(), SAMPLE);
        let lines: Vec<&str> = annotated.text.lines().collect();
        assert_eq!(lines.len(), SAMPLE.lines().count());
        assert_eq!(lines[0], "-DOCSTART- -X- -X- O O");
        assert!(
            lines[6].starts_with("Peter NNP I-NP I-PER I-"),
            "{}",
            lines[6]
        );
        assert_eq!(annotated.evaluation.overall.gold, 3);
    }

    #[test]
    fn scores_exact_spans() {
        let gold = crate::tag::from_iob1(&["I-PER", "I-PER", "O", "I-LOC"]);
        let predicted = crate::tag::from_iob1(&["I-PER", "O", "O", "I-LOC"]);
        let mut evaluation = Evaluation::default();
        evaluation.add(&gold, &predicted);
        assert_eq!(
            evaluation.overall,
            Counts {
                correct: 1,
                predicted: 2,
                gold: 2
            }
        );
        assert!((evaluation.overall.f1() - 0.5).abs() < 1e-9);
        assert_eq!(evaluation.by_kind[&EntityKind::Person].correct, 0);
    }
}
