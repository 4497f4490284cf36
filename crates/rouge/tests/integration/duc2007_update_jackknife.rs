//! Conformance with NIST's DUC 2007 update evaluation (ROUGE-1.5.5 `-n 4 -w 1.2 -m -2 4 -u -c 95
//! -r 1000 -f A -p 0.5 -t 0 -a -d`, jackknifed over the four references): every per-eval line of
//! ROUGE-1..4, L and SU4 for the 28 peers of the five development topics, and every summariser's
//! jackknifed mean in `official/averages.tsv`. Reads `../shared/data/duc2007-update` (NIST data,
//! never copied into the repository); skips with a note when it is absent.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use newsbrief_rouge::{Compat, Rouge155Options, RougeType, Scorer, Truncation};

fn data_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/duc2007-update");
    if dir.join("official/rougejk.m.out").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} absent; DUC 2007 update conformance not checked",
            dir.display()
        );
        None
    }
}

/// One `<EVAL>` of `rougejk.in`: its id, peers (id, file) and model files.
struct Eval {
    id: String,
    peers: Vec<(String, String)>,
    models: Vec<String>,
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    text.split(open)
        .skip(1)
        .filter_map(|s| s.split(close).next())
        .collect()
}

fn evals(config: &str) -> Vec<Eval> {
    between(config, "<EVAL ID=\"", "</EVAL>")
        .into_iter()
        .map(|block| {
            let id = block.split('"').next().expect("id").to_string();
            let peers = between(block, "<P ID=\"", "</P>")
                .into_iter()
                .map(|p| {
                    let (pid, file) = p.split_once("\">").expect("peer");
                    (pid.to_string(), file.to_string())
                })
                .collect();
            let models = between(block, "<M ID=\"", "</M>")
                .into_iter()
                .map(|m| m.split_once("\">").expect("model").1.to_string())
                .collect();
            Eval { id, peers, models }
        })
        .collect()
}

const MEASURES: [(&str, RougeType); 6] = [
    ("ROUGE-1", RougeType::Rouge1),
    ("ROUGE-2", RougeType::Rouge2),
    ("ROUGE-3", RougeType::Rouge3),
    ("ROUGE-4", RougeType::Rouge4),
    ("ROUGE-L", RougeType::RougeLsum),
    ("ROUGE-SU4", RougeType::RougeSU4),
];

#[test]
fn every_per_eval_line_matches_the_official_run() {
    let Some(dir) = data_dir() else { return };
    let official: BTreeMap<(String, String), String> =
        fs::read_to_string(dir.join("official/rougejk.m.out"))
            .expect("official output")
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                (f.len() == 7 && f[2] == "Eval")
                    .then(|| ((f[1].to_string(), f[3].to_string()), f[4..].join(" ")))
            })
            .collect();
    let config = fs::read_to_string(dir.join("official/rougejk.in")).expect("config");
    let read = |file: &str| fs::read_to_string(dir.join("peers").join(file)).expect("summary");
    // NIST truncated every summary to 100 words before scoring; ROUGE's `-l 100` is the same here.
    let mut scorer = Scorer::new(Compat::Rouge155(Rouge155Options {
        truncation: Truncation::Words(100),
        ..Rouge155Options::default()
    }));
    let mut checked = 0;
    for eval in evals(&config) {
        let models: Vec<String> = eval.models.iter().map(|m| read(m)).collect();
        let models: Vec<&str> = models.iter().map(String::as_str).collect();
        for (pid, file) in &eval.peers {
            let scores = scorer.score(&read(file), &models);
            for (name, t) in MEASURES {
                let s = scores.get(t);
                let ours = format!("R:{:.5} P:{:.5} F:{:.5}", s.recall, s.precision, s.f1);
                let key = (name.to_string(), format!("{}.{pid}", eval.id));
                assert_eq!(Some(&ours), official.get(&key), "{key:?}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 6 * 1500, "every official line of the six measures");
}

#[test]
fn jackknifed_means_match_the_official_averages() {
    let Some(dir) = data_dir() else { return };
    let table = fs::read_to_string(dir.join("official/averages.tsv")).expect("averages");
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).expect("column");
    let (r2, su4) = (column("R2_these_ABC"), column("SU4_these_ABC"));
    let mut scorer = Scorer::new(Compat::Rouge155(Rouge155Options {
        truncation: Truncation::Words(100),
        ..Rouge155Options::default()
    }));
    let peers = dir.join("peers");
    let mut checked = 0;
    for row in lines {
        let f: Vec<&str> = row.split('\t').collect();
        let system = f[0];
        if system.chars().all(|c| c.is_ascii_uppercase()) {
            continue; // humans are scored only against the other three: one eval, no jackknife
        }
        let (mut sum_r2, mut sum_su4, mut n) = (0.0, 0.0, 0);
        let mut names: Vec<String> = fs::read_dir(&peers)
            .expect("peers")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(&format!(".{system}")))
            .collect();
        names.sort();
        for name in names {
            let stem = name.rsplit_once('.').expect("name").0;
            let (topic_set, _) = stem.split_once(".M.").expect("NIST name");
            let topic = &topic_set[..5];
            let set = &topic_set[6..];
            let topic_dir = fs::read_dir(dir.clone())
                .expect("topics")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .find(|d| d.starts_with(topic))
                .expect("topic dir");
            let models_dir = dir.join(&topic_dir).join("models");
            let mut refs: Vec<String> = fs::read_dir(&models_dir)
                .expect("models")
                .map(|e| e.expect("entry").path())
                .filter(|p| {
                    p.file_name().is_some_and(|f| {
                        f.to_string_lossy()
                            .starts_with(&format!("{topic_dir}-{set}."))
                    })
                })
                .map(|p| fs::read_to_string(p).expect("model"))
                .collect();
            refs.sort();
            assert_eq!(refs.len(), 4, "{topic}-{set}");
            let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
            let peer = fs::read_to_string(peers.join(&name)).expect("peer");
            let scores = scorer.score_jackknifed(&peer, &refs);
            sum_r2 += scores.get(RougeType::Rouge2).recall;
            sum_su4 += scores.get(RougeType::RougeSU4).recall;
            n += 1;
        }
        assert_eq!(n, 15, "system {system}: 5 topics x 3 sets");
        assert_eq!(
            format!("{:.5}", sum_r2 / 15.0),
            f[r2],
            "system {system} R-2"
        );
        assert_eq!(
            format!("{:.5}", sum_su4 / 15.0),
            f[su4],
            "system {system} SU4"
        );
        checked += 1;
    }
    assert_eq!(checked, 24, "22 participants and 2 baselines");
}
