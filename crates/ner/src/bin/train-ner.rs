//! Trains the named-entity model on CoNLL-2003 English and writes it to `model/ner.bin`.
//!
//! `cargo run -p newsbrief-ner --release --bin train-ner -- DATA_DIR [--epochs N] [--min-count N]
//! [--prune W] [--out FILE] [--out-second FILE] [--clusters TABLE]` where DATA_DIR holds `eng.train` and `eng.testa`. Training is
//! deterministic (fixed shuffling seeds); the development score is printed after every epoch.
//! Two models are written: the first pass (`ner.bin`) and the second pass over first-pass
//! predictions (`ner-second.bin`), trained on 2-fold jackknifed first-pass output.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use newsbrief_ner::clusters::Clusters;
use newsbrief_ner::conll::{parse, Document, Evaluation};
use newsbrief_ner::features::{add_second_pass_features, FirstPassVotes};
use newsbrief_ner::tagger::committed_clusters;
use newsbrief_ner::train::{shuffled, Trainer};
use newsbrief_ner::{Model, Tag, Tagger};

struct Options {
    data: PathBuf,
    epochs: u64,
    min_count: u32,
    prune: f32,
    out: PathBuf,
    out_second: PathBuf,
    /// A cluster table to use instead of the committed one (for ablations; `/dev/null` for none).
    clusters: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        data: PathBuf::from("../shared/data/conll2003"),
        epochs: 12,
        min_count: 2,
        prune: 0.5,
        out: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("model/ner.bin"),
        out_second: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("model/ner-second.bin"),
        clusters: None,
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
            "--clusters" => options.clusters = Some(PathBuf::from(value()?)),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => options.data = PathBuf::from(arg),
        }
    }
    Ok(options)
}

fn evaluate(tagger: &Tagger, documents: &[Document]) -> (Evaluation, f64) {
    let started = Instant::now();
    let mut evaluation = Evaluation::default();
    for document in documents {
        let words: Vec<Vec<&str>> = document.sentences.iter().map(|s| s.words.clone()).collect();
        for (sentence, predicted) in document.sentences.iter().zip(tagger.tag_document(&words)) {
            evaluation.add(&sentence.gold, &predicted);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    (evaluation.clone(), evaluation.tokens as f64 / seconds)
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
    let train = parse(&train_text);
    let dev = parse(&dev_text);
    let clusters = match &options.clusters {
        None => committed_clusters(),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(table) => Arc::new(Clusters::parse(&table)),
            Err(err) => {
                eprintln!("train-ner: cannot read {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
        },
    };
    eprintln!("clusters: {} words", clusters.len());
    let featurizer = Tagger::with_shared_clusters(Model::default(), clusters.clone());
    let train_words: Vec<Vec<Vec<&str>>> = train
        .iter()
        .map(|d| d.sentences.iter().map(|s| s.words.clone()).collect())
        .collect();
    let base: Vec<Vec<Vec<Vec<u64>>>> = train_words
        .iter()
        .map(|words| featurizer.first_pass_features(words))
        .collect();
    let gold: Vec<Vec<Vec<Tag>>> = train
        .iter()
        .map(|d| d.sentences.iter().map(|s| s.gold.clone()).collect())
        .collect();
    let all_docs: Vec<usize> = (0..train.len()).collect();

    let first = train_model(&options, &base, &gold, &all_docs, |model| {
        evaluate(&Tagger::with_shared_clusters(model, clusters.clone()), &dev)
    });
    // Second pass: features over first-pass predictions, made by 2-fold jackknifing on the training data.
    let mut stacked = base.clone();
    for fold in 0..2 {
        let training: Vec<usize> = all_docs
            .iter()
            .copied()
            .filter(|doc| doc % 2 != fold)
            .collect();
        let model = train_model(&options, &base, &gold, &training, |_| {
            (Evaluation::default(), 0.0)
        });
        let tagger = Tagger::with_shared_clusters(model, clusters.clone());
        for doc in all_docs.iter().copied().filter(|doc| doc % 2 == fold) {
            let predicted = tagger.tag_document(&train_words[doc]);
            let votes = FirstPassVotes::new(&train_words[doc], &predicted);
            for ((words, tags), features) in train_words[doc]
                .iter()
                .zip(&predicted)
                .zip(stacked[doc].iter_mut())
            {
                add_second_pass_features(words, tags, &votes, features);
            }
        }
    }
    let second = train_model(&options, &stacked, &gold, &all_docs, |model| {
        evaluate(
            &Tagger::with_shared_clusters(first.clone(), clusters.clone()).with_second_pass(model),
            &dev,
        )
    });
    let (one_pass, _) = evaluate(
        &Tagger::with_shared_clusters(first.clone(), clusters.clone()),
        &dev,
    );
    let tagger = Tagger::with_shared_clusters(first.clone(), clusters.clone())
        .with_second_pass(second.clone());
    let (evaluation, _) = evaluate(&tagger, &dev);
    eprintln!(
        "dev F1: first pass only {:.2}, with second pass {:.2}",
        100.0 * one_pass.overall.f1(),
        100.0 * evaluation.overall.f1()
    );
    print!("{}", evaluation.report());
    for (model, path) in [(&first, &options.out), (&second, &options.out_second)] {
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
    ExitCode::SUCCESS
}

/// Trains one averaged-perceptron model on the given documents' sentences, reporting the
/// development score of every epoch through `score` (skipped when it returns no tokens).
fn train_model(
    options: &Options,
    features: &[Vec<Vec<Vec<u64>>>],
    gold: &[Vec<Vec<Tag>>],
    docs: &[usize],
    score: impl Fn(Model) -> (Evaluation, f64),
) -> Model {
    let chosen = || {
        docs.iter()
            .flat_map(|&doc| features[doc].iter().zip(&gold[doc]))
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
                "epoch {epoch:2}: {mistakes:6} training mistakes; dev F1 {:.2} ({speed:.0} tokens/s)",
                100.0 * evaluation.overall.f1()
            );
        }
    }
    trainer.averaged(options.prune)
}
