//! Trains the named-entity model on CoNLL-2003 English and writes it to `model/`, or measures
//! the whole training pipeline by k-fold cross-validation over the training documents.
//!
//! `cargo run -p newsbrief-ner --release --bin train-ner -- DATA_DIR [--epochs N] [--min-count N]
//! [--prune W] [--out FILE] [--out-second FILE] [--out-gazetteer FILE] [--clusters TABLE]
//! [--no-external-clusters]
//! [--no-gazetteer] [--gazetteer-folds N] [--stack-folds N] [--external-names FILE]
//! [--no-external-names] [--include-dev] [--cv K]` where DATA_DIR holds
//! `eng.train` and `eng.testa`. Training is deterministic (fixed shuffling seeds, contiguous
//! folds); the held-out score is printed after every epoch.
//!
//! Three files are written: the first pass (`ner.bin`), the second pass over first-pass
//! predictions (`ner-second.bin`, trained on jackknifed first-pass output) and the
//! gazetteer of training names (`gazetteer.bin`; the models learn from jackknifed matches).
//! Both passes also match the committed external name lists (`external-names.bin`, built by
//! `scripts/ner/build-external-names.sh`; another file with `--external-names`, none with
//! `--no-external-names`).
//! `--include-dev` trains on `eng.train` and `eng.testa` (the printed dev score is then not a
//! measure). `--cv K` writes nothing: it trains the full pipeline K times, each time on all but
//! one contiguous block of `eng.train` documents (jackknifing inside the training blocks only),
//! and scores the held-out block. Both also score the names unseen in training on their own.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use newsbrief_ner::clusters::Clusters;
use newsbrief_ner::conll::{parse, Counts, Document, Evaluation};
use newsbrief_ner::features::{add_second_pass_features, FirstPassVotes};
use newsbrief_ner::tag::spans;
use newsbrief_ner::tagger::{committed_external_clusters, decode, COMMITTED_CLUSTERS};
use newsbrief_ner::train::{shuffled, Trainer};
use newsbrief_ner::{Gazetteer, Model, Tag, Tagger};

struct Options {
    data: PathBuf,
    epochs: u64,
    min_count: u32,
    prune: f32,
    out: PathBuf,
    out_second: PathBuf,
    out_gazetteer: PathBuf,
    /// A cluster table to use instead of the committed one (for ablations; `/dev/null` for none).
    clusters: Option<PathBuf>,
    /// Whether the committed external clusters go beside the table.
    external_clusters: bool,
    gazetteer: bool,
    gazetteer_folds: usize,
    /// The encoded external name lists to match (none: no external names).
    external_names: Option<PathBuf>,
    /// Jackknife folds of the first-pass predictions the second pass learns from.
    stack_folds: usize,
    include_dev: bool,
    cv: Option<usize>,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let model_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("model");
    let mut options = Options {
        data: PathBuf::from("../shared/data/conll2003"),
        epochs: 12,
        min_count: 2,
        prune: 0.5,
        out: model_dir.join("ner.bin"),
        out_second: model_dir.join("ner-second.bin"),
        out_gazetteer: model_dir.join("gazetteer.bin"),
        clusters: None,
        external_clusters: true,
        gazetteer: true,
        gazetteer_folds: 2,
        external_names: Some(model_dir.join("external-names.bin")),
        stack_folds: 2,
        include_dev: false,
        cv: None,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--epochs" => {
                options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?
            }
            "--min-count" => {
                options.min_count = value()?.parse().map_err(|e| format!("--min-count: {e}"))?
            }
            "--prune" => options.prune = value()?.parse().map_err(|e| format!("--prune: {e}"))?,
            "--out" => options.out = PathBuf::from(value()?),
            "--out-second" => options.out_second = PathBuf::from(value()?),
            "--out-gazetteer" => options.out_gazetteer = PathBuf::from(value()?),
            "--clusters" => options.clusters = Some(PathBuf::from(value()?)),
            "--no-external-clusters" => options.external_clusters = false,
            "--no-gazetteer" => options.gazetteer = false,
            "--external-names" => options.external_names = Some(PathBuf::from(value()?)),
            "--no-external-names" => options.external_names = None,
            "--gazetteer-folds" => {
                options.gazetteer_folds = value()?
                    .parse()
                    .map_err(|e| format!("--gazetteer-folds: {e}"))?
            }
            "--stack-folds" => {
                options.stack_folds = value()?
                    .parse()
                    .map_err(|e| format!("--stack-folds: {e}"))?
            }
            "--include-dev" => options.include_dev = true,
            "--cv" => {
                let folds: usize = value()?.parse().map_err(|e| format!("--cv: {e}"))?;
                if folds < 2 {
                    return Err("--cv needs at least 2 folds".into());
                }
                options.cv = Some(folds);
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => options.data = PathBuf::from(arg),
        }
    }
    if options.gazetteer_folds < 2 || options.stack_folds < 2 {
        return Err("--gazetteer-folds and --stack-folds need at least 2".into());
    }
    Ok(options)
}

/// The training documents: words, gold tags and first-pass features without the matches of
/// training names; and the external name lists those features match.
struct Corpus<'a> {
    documents: Vec<Document<'a>>,
    external: Arc<Gazetteer>,
    words: Vec<Vec<Vec<&'a str>>>,
    gold: Vec<Vec<Vec<Tag>>>,
    base: Vec<Vec<Vec<Vec<u64>>>>,
}

impl<'a> Corpus<'a> {
    fn new(
        documents: Vec<Document<'a>>,
        clusters: &Arc<Clusters>,
        external: Arc<Gazetteer>,
    ) -> Self {
        let featurizer = Tagger::with_shared_clusters(Model::default(), clusters.clone())
            .with_external_names(external.clone());
        let words: Vec<Vec<Vec<&str>>> = documents
            .iter()
            .map(|d| d.sentences.iter().map(|s| s.words.clone()).collect())
            .collect();
        let gold = documents
            .iter()
            .map(|d| d.sentences.iter().map(|s| s.gold.clone()).collect())
            .collect();
        let base = words
            .iter()
            .map(|words| featurizer.first_pass_features(words))
            .collect();
        Corpus {
            documents,
            external,
            words,
            gold,
            base,
        }
    }

    /// The gold names of the given documents.
    fn gazetteer(&self, docs: impl IntoIterator<Item = usize>) -> Gazetteer {
        let mut gazetteer = Gazetteer::empty();
        for doc in docs {
            for (words, tags) in self.words[doc].iter().zip(&self.gold[doc]) {
                gazetteer.add_sentence(words, tags);
            }
        }
        gazetteer
    }

    /// A one-pass tagger over `model` matching the external names and `gazetteer`.
    fn tagger(&self, model: Model, clusters: &Arc<Clusters>, gazetteer: &Arc<Gazetteer>) -> Tagger {
        Tagger::with_shared_clusters(model, clusters.clone())
            .with_external_names(self.external.clone())
            .with_gazetteer(gazetteer.clone())
    }
}

/// The fold (0..folds) of the item at `position` of `count` items, in contiguous blocks.
fn fold_of(position: usize, count: usize, folds: usize) -> usize {
    position * folds / count.max(1)
}

/// A trained pipeline: first pass, second pass and the gazetteer both read.
struct Trained {
    first: Model,
    second: Model,
    gazetteer: Arc<Gazetteer>,
}

impl Trained {
    fn first_pass(&self, corpus: &Corpus, clusters: &Arc<Clusters>) -> Tagger {
        corpus.tagger(self.first.clone(), clusters, &self.gazetteer)
    }

    fn tagger(&self, corpus: &Corpus, clusters: &Arc<Clusters>) -> Tagger {
        self.first_pass(corpus, clusters)
            .with_second_pass(self.second.clone())
    }
}

fn evaluate(tagger: &Tagger, documents: &[Document]) -> (Evaluation, f64) {
    let started = Instant::now();
    let mut evaluation = Evaluation::default();
    add_predictions(tagger, documents, &mut evaluation);
    let seconds = started.elapsed().as_secs_f64();
    (evaluation.clone(), evaluation.tokens as f64 / seconds)
}

fn add_predictions(tagger: &Tagger, documents: &[Document], evaluation: &mut Evaluation) {
    for document in documents {
        let words: Vec<Vec<&str>> = document.sentences.iter().map(|s| s.words.clone()).collect();
        for (sentence, predicted) in document.sentences.iter().zip(tagger.tag_document(&words)) {
            evaluation.add(&sentence.gold, &predicted);
        }
    }
}

/// The names of a training set, to score a tagger on the names it never saw in training (their
/// lower-cased words are no training name of any kind): where it must generalise, as on news of
/// another year.
struct NovelNames {
    seen: HashSet<String>,
}

impl NovelNames {
    fn new<'a>(training: impl IntoIterator<Item = &'a Document<'a>>) -> Self {
        let mut seen = HashSet::new();
        for sentence in training.into_iter().flat_map(|d| &d.sentences) {
            for (start, end, _) in spans(&sentence.gold) {
                seen.insert(surface(&sentence.words[start..end]));
            }
        }
        NovelNames { seen }
    }

    /// Adds `tagger`'s counts on the unseen names of `documents` to `counts`.
    fn add(&self, tagger: &Tagger, documents: &[Document], counts: &mut Counts) {
        for document in documents {
            let words: Vec<Vec<&str>> =
                document.sentences.iter().map(|s| s.words.clone()).collect();
            for (sentence, predicted) in document.sentences.iter().zip(tagger.tag_document(&words))
            {
                let novel = |span: &(usize, usize, _)| {
                    !self
                        .seen
                        .contains(&surface(&sentence.words[span.0..span.1]))
                };
                let gold: Vec<_> = spans(&sentence.gold).into_iter().filter(novel).collect();
                let found: Vec<_> = spans(&predicted).into_iter().filter(novel).collect();
                counts.gold += gold.len();
                counts.predicted += found.len();
                counts.correct += found.iter().filter(|span| gold.contains(span)).count();
            }
        }
    }
}

/// One line: how many of `all` names were unseen in training, and the scores on them.
fn unseen_line(unseen: &Counts, all: usize) -> String {
    format!(
        "names unseen in training: {} ({:.1} % of {all}); F1 {:.2} (P {:.2}, R {:.2})",
        unseen.gold,
        100.0 * unseen.gold as f64 / all.max(1) as f64,
        100.0 * unseen.f1(),
        100.0 * unseen.precision(),
        100.0 * unseen.recall()
    )
}

/// A name's words as the set of seen names keys them.
fn surface(words: &[&str]) -> String {
    words.join(" ").to_lowercase()
}

/// Trains the two-pass pipeline on the corpus documents `docs`, printing the score on
/// `held_out` after every epoch. Gazetteer matches and second-pass inputs are jackknifed
/// within `docs` only.
fn train_two_pass(
    options: &Options,
    corpus: &Corpus,
    docs: &[usize],
    clusters: &Arc<Clusters>,
    held_out: &[Document],
) -> Trained {
    let count = docs.len();
    let mut features: Vec<Vec<Vec<Vec<u64>>>> =
        docs.iter().map(|&doc| corpus.base[doc].clone()).collect();
    let gazetteer = if options.gazetteer {
        for fold in 0..options.gazetteer_folds {
            let in_fold =
                |position: usize| fold_of(position, count, options.gazetteer_folds) == fold;
            let others = corpus.gazetteer(
                docs.iter()
                    .enumerate()
                    .filter(|&(position, _)| !in_fold(position))
                    .map(|(_, &doc)| doc),
            );
            for (position, &doc) in docs.iter().enumerate().filter(|&(p, _)| in_fold(p)) {
                for (words, sentence) in corpus.words[doc].iter().zip(features[position].iter_mut())
                {
                    others.add_features(words, sentence);
                }
            }
        }
        corpus.gazetteer(docs.iter().copied())
    } else {
        Gazetteer::empty()
    };
    let gazetteer = Arc::new(gazetteer);
    let gold: Vec<&Vec<Vec<Tag>>> = docs.iter().map(|&doc| &corpus.gold[doc]).collect();
    let everything: Vec<usize> = (0..count).collect();
    eprintln!("first pass ({} names in the gazetteer)", gazetteer.len());
    let first = train_model(options, &features, &gold, &everything, |model| {
        evaluate(&corpus.tagger(model, clusters, &gazetteer), held_out)
    });
    // Second pass: features over first-pass predictions, made by jackknifing.
    let mut stacked = features.clone();
    let folds = options.stack_folds;
    for fold in 0..folds {
        let training: Vec<usize> = everything
            .iter()
            .copied()
            .filter(|&position| fold_of(position, count, folds) != fold)
            .collect();
        let model = train_model(options, &features, &gold, &training, |_| {
            (Evaluation::default(), 0.0)
        });
        for position in everything
            .iter()
            .copied()
            .filter(|&position| fold_of(position, count, folds) == fold)
        {
            let words = &corpus.words[docs[position]];
            let predicted: Vec<Vec<Tag>> = features[position]
                .iter()
                .map(|sentence| decode(&model, sentence))
                .collect();
            let votes = FirstPassVotes::new(words, &predicted);
            for ((words, tags), sentence) in words
                .iter()
                .zip(&predicted)
                .zip(stacked[position].iter_mut())
            {
                add_second_pass_features(words, tags, &votes, sentence);
            }
        }
    }
    drop(features);
    eprintln!("second pass");
    let second = train_model(options, &stacked, &gold, &everything, |model| {
        let tagger = corpus
            .tagger(first.clone(), clusters, &gazetteer)
            .with_second_pass(model);
        evaluate(&tagger, held_out)
    });
    Trained {
        first,
        second,
        gazetteer,
    }
}

/// Trains one averaged-perceptron model on the sentences of the documents at `docs`,
/// reporting the held-out score of every epoch through `score` (skipped when it returns no tokens).
fn train_model(
    options: &Options,
    features: &[Vec<Vec<Vec<u64>>>],
    gold: &[&Vec<Vec<Tag>>],
    docs: &[usize],
    score: impl Fn(Model) -> (Evaluation, f64),
) -> Model {
    let chosen = || {
        docs.iter()
            .flat_map(|&doc| features[doc].iter().zip(gold[doc].iter()))
    };
    let mut trainer = Trainer::new(
        chosen().flat_map(|(sentence, _)| sentence.iter().map(Vec::as_slice)),
        options.min_count,
    );
    let sentences: Vec<_> = chosen().map(|(f, g)| trainer.prepare(f, g)).collect();
    eprintln!(
        "{} sentences, {} features",
        sentences.len(),
        trainer.feature_count()
    );
    for epoch in 1..=options.epochs {
        let mistakes = trainer.epoch(&sentences, &shuffled(sentences.len(), epoch));
        let (evaluation, speed) = score(trainer.averaged(options.prune));
        if evaluation.tokens > 0 {
            eprintln!(
                "epoch {epoch:2}: {mistakes:6} training mistakes; held-out F1 {:.2} ({speed:.0} tokens/s)",
                100.0 * evaluation.overall.f1()
            );
        }
    }
    trainer.averaged(options.prune)
}

/// K-fold cross-validation over the training documents; prints per-fold and pooled scores.
fn cross_validate(options: &Options, corpus: &Corpus, clusters: &Arc<Clusters>, folds: usize) {
    let count = corpus.documents.len();
    let mut pooled_first = Evaluation::default();
    let mut pooled = Evaluation::default();
    let mut novel = Counts::default();
    for fold in 0..folds {
        let training: Vec<usize> = (0..count)
            .filter(|&doc| fold_of(doc, count, folds) != fold)
            .collect();
        let held: Vec<usize> = (0..count)
            .filter(|&doc| fold_of(doc, count, folds) == fold)
            .collect();
        let (Some(&start), Some(&last)) = (held.first(), held.last()) else {
            continue;
        };
        let held_out = &corpus.documents[start..=last];
        eprintln!("fold {fold}: documents {start}..={last} held out");
        let trained = train_two_pass(options, corpus, &training, clusters, held_out);
        let first_only = trained.first_pass(corpus, clusters);
        let mut fold_first = Evaluation::default();
        let mut fold_both = Evaluation::default();
        add_predictions(&first_only, held_out, &mut fold_first);
        add_predictions(&trained.tagger(corpus, clusters), held_out, &mut fold_both);
        add_predictions(&first_only, held_out, &mut pooled_first);
        add_predictions(&trained.tagger(corpus, clusters), held_out, &mut pooled);
        NovelNames::new(training.iter().map(|&doc| &corpus.documents[doc])).add(
            &trained.tagger(corpus, clusters),
            held_out,
            &mut novel,
        );
        println!(
            "fold {fold}: F1 first pass {:.2}, two passes {:.2} ({} names)",
            100.0 * fold_first.overall.f1(),
            100.0 * fold_both.overall.f1(),
            fold_both.overall.gold
        );
    }
    println!(
        "cross-validation ({folds} folds, pooled): F1 first pass {:.2}, two passes {:.2}",
        100.0 * pooled_first.overall.f1(),
        100.0 * pooled.overall.f1()
    );
    print!("{}", pooled.report());
    println!("{}", unseen_line(&novel, pooled.overall.gold));
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("train-ner: {message}");
            return ExitCode::FAILURE;
        }
    };
    let read = |name: &str| std::fs::read_to_string(options.data.join(name));
    let (train_text, dev_text) = match (read("eng.train"), read("eng.testa")) {
        (Ok(train), Ok(dev)) => (train, dev),
        (Err(err), _) | (_, Err(err)) => {
            eprintln!("train-ner: cannot read {}: {err}", options.data.display());
            return ExitCode::FAILURE;
        }
    };
    let dev = parse(&dev_text);
    let table = match &options.clusters {
        None => COMMITTED_CLUSTERS.to_owned(),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(table) => table,
            Err(err) => {
                eprintln!("train-ner: cannot read {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
        },
    };
    let mut clusters = Clusters::parse(&table);
    if options.external_clusters {
        clusters = clusters.with_external(committed_external_clusters());
    }
    let clusters = Arc::new(clusters);
    eprintln!(
        "clusters: {} words, external clusters: {} words",
        clusters.len(),
        clusters.external().len()
    );
    let external = match &options.external_names {
        None => Gazetteer::empty(),
        Some(path) => match std::fs::read(path).map(|bytes| Gazetteer::decode(&bytes)) {
            Ok(Ok(external)) => external,
            Ok(Err(err)) => {
                eprintln!("train-ner: {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
            Err(err) => {
                eprintln!("train-ner: cannot read {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
        },
    };
    eprintln!("external names: {}", external.len());
    let mut documents = parse(&train_text);
    if options.include_dev && options.cv.is_none() {
        eprintln!("training on eng.train and eng.testa: the dev score below is not a measure");
        documents.extend(dev.iter().cloned());
    }
    let corpus = Corpus::new(documents, &clusters, Arc::new(external));
    if let Some(folds) = options.cv {
        cross_validate(&options, &corpus, &clusters, folds);
        return ExitCode::SUCCESS;
    }
    let all_docs: Vec<usize> = (0..corpus.documents.len()).collect();
    let trained = train_two_pass(&options, &corpus, &all_docs, &clusters, &dev);
    let (one_pass, _) = evaluate(&trained.first_pass(&corpus, &clusters), &dev);
    let (evaluation, _) = evaluate(&trained.tagger(&corpus, &clusters), &dev);
    eprintln!(
        "dev F1: first pass only {:.2}, with second pass {:.2}",
        100.0 * one_pass.overall.f1(),
        100.0 * evaluation.overall.f1()
    );
    print!("{}", evaluation.report());
    if !options.include_dev {
        let mut novel = Counts::default();
        let tagger = trained.tagger(&corpus, &clusters);
        NovelNames::new(&corpus.documents).add(&tagger, &dev, &mut novel);
        println!("{}", unseen_line(&novel, evaluation.overall.gold));
    }
    for (model, path) in [
        (&trained.first, &options.out),
        (&trained.second, &options.out_second),
    ] {
        let bytes = model.encode();
        eprintln!(
            "model: {} features, {} bytes -> {}",
            model.feature_count(),
            bytes.len(),
            path.display()
        );
        if let Err(err) = std::fs::write(path, bytes) {
            eprintln!("train-ner: cannot write {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let bytes = trained.gazetteer.encode();
    eprintln!(
        "gazetteer: {} names, {} bytes -> {}",
        trained.gazetteer.len(),
        bytes.len(),
        options.out_gazetteer.display()
    );
    if let Err(err) = std::fs::write(&options.out_gazetteer, bytes) {
        eprintln!(
            "train-ner: cannot write {}: {err}",
            options.out_gazetteer.display()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
