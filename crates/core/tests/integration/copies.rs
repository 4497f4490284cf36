//! Copies of one report count as one source: a syndicated or re-sent article is listed under its original
//! and adds nothing to the summary's support or to corroboration.

use std::path::Path;

use newsbrief_core::duplicates::{copies_of, Fingerprint, BANDS, NEAR_DUPLICATE, NUM_HASHES};
use newsbrief_core::{build_brief, render, Article, BriefOptions};
use proptest::prelude::*;

fn example(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn article(id: &str, outlet: &str, text: &str) -> Article {
    Article {
        outlet: Some(outlet.to_owned()),
        ..Article::new(id, text)
    }
}

/// Article 002 of the example as another outlet ran it: its own headline line, a sentence rewritten.
fn rerun(text: &str) -> String {
    let mut copy = text.replacen("Jeff Sessions", "US Attorney General Jeff Sessions", 1);
    copy.insert_str(0, "Syndicated from the wire\n\n");
    copy.push_str("\n\nThis article originally appeared on another site.\n");
    copy
}

#[test]
fn a_copy_is_listed_under_its_original_and_counted_once() {
    let a = example("002_");
    let b = example("004_");
    let copy = rerun(&a);
    assert!(
        Fingerprint::of(&a).similarity(&Fingerprint::of(&copy)) >= NEAR_DUPLICATE,
        "the re-run must count as a copy"
    );
    let with = [
        article("a.txt", "Outlet A", &a),
        article("a-copy.txt", "Outlet B", &copy),
        article("b.txt", "Outlet C", &b),
    ];
    let without = [with[0].clone(), with[2].clone()];
    let opts = BriefOptions::default();
    let brief = build_brief(&with, &opts).unwrap();
    let plain = build_brief(&without, &opts).unwrap();

    assert_eq!(brief.sources.len(), 2);
    let ids: Vec<&str> = brief.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a.txt", "b.txt"]);
    assert_eq!(
        brief.sources[1].doc, 1,
        "doc is the index among the originals"
    );
    let copies = &brief.sources[0].copies;
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].id, "a-copy.txt");
    assert_eq!(copies[0].outlet.as_deref(), Some("Outlet B"));
    assert!(brief.sources[1].copies.is_empty());
    assert!(
        brief
            .warnings
            .iter()
            .any(|w| w.contains("a-copy.txt") && w.contains("a.txt")),
        "{:?}",
        brief.warnings
    );

    // Everything the analyses say is what they say of the originals alone: no support, claim or count
    // comes from the copy.
    assert_eq!(brief.summary, plain.summary);
    assert_eq!(brief.words, plain.words);
    assert_eq!(brief.corroboration, plain.corroboration);
    assert_eq!(brief.entities, plain.entities);
    assert_eq!(brief.quotes, plain.quotes);
    assert_eq!(brief.timeline, plain.timeline);
    for s in &brief.summary {
        assert!(s.doc < 2 && s.support.iter().all(|x| x.doc < 2 && x.doc != s.doc));
    }
    for claim in &brief.corroboration.claims {
        let mut docs: Vec<usize> = claim.sources.iter().map(|s| s.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        assert_eq!(docs.len(), claim.sources.len(), "one source per report");
        assert!(docs.iter().all(|&d| d < 2));
    }
    // Beside the list of copies and the warning, the brief is the brief without the copy.
    let mut stripped = brief.clone();
    stripped.sources[0].copies.clear();
    stripped.warnings.retain(|w| !w.contains("a-copy.txt"));
    assert_eq!(stripped, plain);

    let md = render::markdown(&brief);
    assert!(md.contains("also run by: Outlet B (a-copy.txt)"), "{md}");
    let text = render::text(&brief);
    assert!(
        text.contains("also run by: Outlet B (a-copy.txt)"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&render::json(&brief)).unwrap();
    assert_eq!(json["sources"][0]["copies"][0]["id"], "a-copy.txt");
    assert!(json["sources"][1].get("copies").is_none());
}

#[test]
fn several_copies_make_one_warning_and_the_same_file_twice_counts_once() {
    let a = example("002_");
    let b = example("004_");
    let articles = [
        article("a.txt", "AP", &a),
        article("b.txt", "Outlet B", &b),
        article("a2.txt", "Outlet C", &rerun(&a)),
        article("a3.txt", "Outlet D", &a),
        article("b2.txt", "Outlet B", &b),
    ];
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    assert_eq!(brief.sources.len(), 2);
    let copies: Vec<Vec<&str>> = brief
        .sources
        .iter()
        .map(|s| s.copies.iter().map(|c| c.id.as_str()).collect())
        .collect();
    assert_eq!(copies, [vec!["a2.txt", "a3.txt"], vec!["b2.txt"]]);
    let about_copies: Vec<&String> = brief
        .warnings
        .iter()
        .filter(|w| w.contains("cop"))
        .collect();
    assert_eq!(about_copies.len(), 2, "{about_copies:?}");
}

#[test]
fn the_example_story_has_no_copies() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert!(copies_of(&refs).iter().all(Option::is_none));
    // Five reports of one story are far from copies of each other.
    let prints: Vec<Fingerprint> = refs.iter().map(|t| Fingerprint::of(t)).collect();
    for (i, a) in prints.iter().enumerate() {
        for b in &prints[..i] {
            let s = a.similarity(b);
            assert!(s < 0.2, "{s}");
        }
    }
}

proptest! {
    /// Fingerprints and copy detection never panic, on any text, and say something consistent.
    #[test]
    fn fingerprints_never_panic(
        texts in prop::collection::vec(any::<String>(), 0..8),
        picks in prop::collection::vec(0usize..8, 0..8),
    ) {
        // Some texts given again, so there are copies to find.
        let picks: Vec<usize> = picks.into_iter().filter(|&i| i < texts.len()).collect();
        let mut all: Vec<&str> = texts.iter().map(String::as_str).collect();
        all.extend(picks.iter().map(|&i| texts[i].as_str()));
        let prints: Vec<Fingerprint> = all.iter().map(|t| Fingerprint::of(t)).collect();
        for (a, pa) in prints.iter().enumerate() {
            prop_assert_eq!(pa.hashes.len(), NUM_HASHES);
            let own = pa.similarity(pa);
            prop_assert!(own == 1.0 || own == 0.0);
            prop_assert!(pa.bands().len() == BANDS || pa.bands().is_empty());
            for pb in &prints[..a] {
                let s = pa.similarity(pb);
                prop_assert!((0.0..=1.0).contains(&s));
                prop_assert_eq!(s, pb.similarity(pa));
            }
        }
        let copies = copies_of(&all);
        prop_assert_eq!(copies.len(), all.len());
        for (i, c) in copies.iter().enumerate() {
            if let Some(j) = *c {
                prop_assert!(j < i);
                prop_assert!(copies[j].is_none(), "chains resolve to the original");
            }
        }
        // Every text given again whose words make a fingerprint is a copy.
        for (k, &i) in picks.iter().enumerate() {
            if prints[i].similarity(&prints[i]) == 1.0 {
                prop_assert!(copies[texts.len() + k].is_some());
            }
        }
    }

    #[test]
    fn fingerprints_never_panic_on_wordy_text(text in "(\\PC{0,12}[ \n]){0,80}") {
        let half: String = text.chars().take(text.chars().count() / 2).collect();
        let upper = text.to_uppercase();
        let copies = copies_of(&[&text, &upper, &half, &text]);
        prop_assert!(copies[0].is_none());
        if Fingerprint::of(&text).similarity(&Fingerprint::of(&text)) == 1.0 {
            prop_assert_eq!(copies[3], Some(0));
        }
    }
}

/// How many pairs of the labelled streams in `<workspace>/../shared/data/streams` reach each similarity,
/// with a few examples per band (`cargo test -p newsbrief-core --test integration copies:: -- --ignored --nocapture`).
#[test]
#[ignore]
fn pairs_in_the_streams() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/streams");
    for name in ["multinews-devtrain.jsonl", "duc2007-main.jsonl"] {
        let Ok(data) = std::fs::read_to_string(dir.join(name)) else {
            eprintln!("{name} not found: skipped");
            continue;
        };
        let docs: Vec<(String, String)> = data
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    v["id"].as_str().unwrap().to_owned(),
                    v["text"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let prints: Vec<Fingerprint> = docs.iter().map(|(_, t)| Fingerprint::of(t)).collect();
        let thresholds = [0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
        let mut counts = [0usize; 8];
        let mut pairs = Vec::new();
        for i in 0..prints.len() {
            for j in i + 1..prints.len() {
                let s = prints[i].similarity(&prints[j]);
                for (k, t) in thresholds.iter().enumerate() {
                    if s >= *t {
                        counts[k] += 1;
                    }
                }
                if s >= 0.2 {
                    pairs.push((s, i, j));
                }
            }
        }
        println!("{name}: {} articles", docs.len());
        for (t, c) in thresholds.iter().zip(counts) {
            println!("  pairs >= {t}: {c}");
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (s, i, j) in pairs {
            let head = |t: &str| t.chars().take(160).collect::<String>().replace('\n', " ");
            println!(
                "  {s:.3} {} ({} words) | {} ({} words)\n      {}\n      {}",
                docs[i].0,
                docs[i].1.split_whitespace().count(),
                docs[j].0,
                docs[j].1.split_whitespace().count(),
                head(&docs[i].1),
                head(&docs[j].1)
            );
        }
        let refs: Vec<&str> = docs.iter().map(|(_, t)| t.as_str()).collect();
        let copies = copies_of(&refs);
        println!(
            "  copies_of flags {} of {} articles",
            copies.iter().flatten().count(),
            docs.len()
        );
    }
}
