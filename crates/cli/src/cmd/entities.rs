//! `newsbrief entities ARTICLE…`: the named entities of a story, aliases merged across its
//! articles, most central first, as text or JSON.

use std::process::ExitCode;

use anyhow::Context;
use newsbrief_core::budget;
use newsbrief_core::document::Document;
use newsbrief_ner::{merge, Mention, StoryEntity, Tagger};
use serde::Serialize;

use crate::input::{self, InputArgs};
use crate::output::{self as out, OutputArg};

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    output: OutputArg,
}

#[derive(Serialize)]
struct AliasOut<'a> {
    text: &'a str,
    variant: bool,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    name: &'a str,
    kind: &'static str,
    aliases: Vec<AliasOut<'a>>,
    mentions: usize,
    docs: Vec<&'a str>,
}

fn to_output<'a>(entity: &'a StoryEntity, ids: &'a [String]) -> EntityOut<'a> {
    EntityOut {
        name: &entity.name,
        kind: entity.kind.name(),
        aliases: entity
            .aliases
            .iter()
            .map(|alias| AliasOut {
                text: &alias.text,
                variant: alias.variant,
            })
            .collect(),
        mentions: entity.mentions,
        docs: entity
            .docs
            .iter()
            .filter_map(|&doc| ids.get(doc).map(String::as_str))
            .collect(),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let articles = input::read_articles(&args.input)?;
    Tagger::committed().context("loading the committed NER model")?;
    let analysed: Vec<Document> = articles
        .iter()
        .map(|a| Document::analyse(&a.text))
        .collect();
    // Very long articles are read up to the brief's sentence cap, as `brief` reads them.
    let (articles, analysed, notes) = budget::analysed_in_full(&articles, &analysed);
    for note in notes {
        eprintln!("newsbrief: note: {note}");
    }
    // Only mentions in article text count, not in the web junk cleaning drops ("Open Image Modal").
    let mentions: Vec<Vec<Mention>> = newsbrief_core::entities::mentions(&articles, &analysed);
    let docs: Vec<(&str, &[Mention])> = articles
        .iter()
        .zip(&mentions)
        .map(|(article, found)| (article.text.as_str(), found.as_slice()))
        .collect();
    let entities = merge(&docs);
    let ids: Vec<String> = articles.iter().map(|article| article.id.clone()).collect();
    let output: Vec<EntityOut> = entities
        .iter()
        .map(|entity| to_output(entity, &ids))
        .collect();
    let mut text = String::new();
    match args.format {
        Format::Json => text = serde_json::to_string_pretty(&output)? + "\n",
        Format::Text => {
            for entity in &output {
                let aliases: Vec<String> = entity
                    .aliases
                    .iter()
                    .map(|alias| {
                        if alias.variant {
                            format!("{} (variant)", alias.text)
                        } else {
                            alias.text.to_string()
                        }
                    })
                    .collect();
                text.push_str(&format!(
                    "{} [{}] {} {} in {} {}: {}\n",
                    entity.name,
                    entity.kind,
                    entity.mentions,
                    if entity.mentions == 1 {
                        "mention"
                    } else {
                        "mentions"
                    },
                    entity.docs.len(),
                    if entity.docs.len() == 1 {
                        "article"
                    } else {
                        "articles"
                    },
                    aliases.join("; ")
                ));
            }
        }
    }
    out::write_all(args.output.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}
