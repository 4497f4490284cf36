//! Which entity a lone name joins when two or more people of the story share its surname (alias merging,
//! `merge::principal_before`). Prints one line per such mention — file, byte start, the entity it joined,
//! the other people of the surname, and the text around it — or, with `--judged FILE`, scores the
//! entities lone names join against hand-judged mentions (lines `file<TAB>start<TAB>entity<TAB>part`), by
//! part.
//!
//! ```text
//! cargo run --release -p newsbrief-ner --example lone_names -- ARTICLE.txt...
//! cargo run --release -p newsbrief-ner --example lone_names -- --judged JUDGED.tsv ARTICLE.txt...
//! ```
use std::collections::BTreeMap;

use newsbrief_ner::{merge, EntityKind, Tagger};

/// A lone-name mention: its file, byte start, the entity it joined, the others of its surname, its context.
struct Lone {
    file: String,
    start: usize,
    entity: String,
    others: Vec<String>,
    context: String,
}

fn lone_names(tagger: &Tagger, file: &str, text: &str) -> Vec<Lone> {
    let mentions = tagger.entities(text);
    let entities = merge(&[(text, &mentions)]);
    let people: Vec<_> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    let surname = |name: &str| name.split_whitespace().last().unwrap_or("").to_owned();
    let mut found = Vec::new();
    for e in &people {
        let others: Vec<String> = people
            .iter()
            .filter(|o| o.name != e.name && surname(&o.name) == surname(&e.name))
            .map(|o| o.name.clone())
            .collect();
        for &(_, start, end) in &e.spans {
            let mention = &text[start..end];
            if mention.split_whitespace().count() != 1 {
                continue;
            }
            let from = text[..start]
                .char_indices()
                .rev()
                .nth(70)
                .map_or(0, |c| c.0);
            let to = text[end..]
                .char_indices()
                .nth(50)
                .map_or(text.len(), |c| end + c.0);
            let context = format!("{}[[{mention}]]{}", &text[from..start], &text[end..to]);
            found.push(Lone {
                file: file.to_owned(),
                start,
                entity: e.name.clone(),
                others: others.clone(),
                context: context.replace('\n', " "),
            });
        }
    }
    found
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let judged = match args.iter().position(|a| a == "--judged") {
        Some(i) if i + 1 < args.len() => {
            let path = args.remove(i + 1);
            args.remove(i);
            Some(path)
        }
        Some(_) => return eprintln!("lone_names: --judged needs a file"),
        None => None,
    };
    let tagger = Tagger::default();
    let mut joined: BTreeMap<(String, usize), String> = BTreeMap::new();
    for path in &args {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => return eprintln!("lone_names: {path}: {e}"),
        };
        let name = path.rsplit('/').next().unwrap_or(path);
        for lone in lone_names(&tagger, name, &text) {
            if judged.is_none() && !lone.others.is_empty() {
                println!(
                    "{}\t{}\t{}\t[others: {}]\t{}",
                    lone.file,
                    lone.start,
                    lone.entity,
                    lone.others.join(", "),
                    lone.context
                );
            }
            joined.insert((lone.file, lone.start), lone.entity);
        }
    }
    let Some(judged) = judged else { return };
    let lines = match std::fs::read_to_string(&judged) {
        Ok(lines) => lines,
        Err(e) => return eprintln!("lone_names: {judged}: {e}"),
    };
    let mut by_part: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in lines.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [file, start, entity, part] = fields[..] else {
            continue;
        };
        let Ok(start) = start.parse::<usize>() else {
            continue;
        };
        let got = joined.get(&(file.to_owned(), start));
        let right = got.map(String::as_str) == Some(entity);
        if !right {
            eprintln!("{part}: {file} at {start}: judged {entity}, joined {got:?}");
        }
        let tally = by_part.entry(part.to_owned()).or_default();
        tally.0 += usize::from(right);
        tally.1 += 1;
    }
    for (part, (right, all)) in by_part {
        println!("{part}: {right} of {all} lone names join the judged entity");
    }
}
