//! `newsbrief tag --conll FILE`: appends the predicted named-entity tag (IOB1) to every token
//! line of a CoNLL-2003 column file, ready for `conlleval`; `--eval` also prints the
//! `conlleval` measure against the file's own last column on stderr.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use newsbrief_ner::conll::annotate;
use newsbrief_ner::Tagger;

use crate::output::{write_all, OutputArg};

#[derive(clap::Args)]
pub struct Args {
    /// CoNLL column file (token in the first column); `-` reads stdin.
    #[arg(long)]
    conll: PathBuf,
    /// Also score the predictions against the file's last column (conlleval) on stderr.
    #[arg(long)]
    eval: bool,
    #[command(flatten)]
    output: OutputArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = if args.conll.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading stdin")?;
        text
    } else {
        std::fs::read_to_string(&args.conll)
            .with_context(|| format!("reading {}", args.conll.display()))?
    };
    let tagger = Tagger::committed().context("loading the committed NER model")?;
    let started = std::time::Instant::now();
    let annotated = annotate(&tagger, &text);
    let seconds = started.elapsed().as_secs_f64();
    write_all(args.output.output.as_deref(), &annotated.text)?;
    if args.eval {
        eprint!("{}", annotated.evaluation.report());
        eprintln!(
            "tagged {} tokens in {:.3} s wall clock ({:.0} tokens/s)",
            annotated.evaluation.tokens,
            seconds,
            annotated.evaluation.tokens as f64 / seconds.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}
