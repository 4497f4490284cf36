//! Same answer: the stories 1, 2 and 4 workers make of a stream equal those of one process reading it in
//! order — against the real servers (NATS with JetStream: `NEWSBRIEF_TEST_NATS`, else 127.0.0.1:4222;
//! PostgreSQL: `NEWSBRIEF_TEST_POSTGRES`, else 127.0.0.1:5432 database `test`; `scripts/test` starts
//! them when none answers). Each run has a stream and a PostgreSQL schema of its own.

use crate::common;

use common::{one_process, Deployment};
use newsbrief_core::Article;
use newsbrief_store::synthetic;

/// Each labelled stream of `../shared/data/streams` (beside the repository: present in CI and on the
/// development machines, absent on a fresh clone, where the synthetic test below still runs).
fn shared_streams() -> Vec<(String, Vec<Article>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/streams");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no {}: the shared streams are not checked", dir.display());
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let articles = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let value: serde_json::Value = serde_json::from_str(l).unwrap();
                    newsbrief_core::article_json::article_from_json(&value, None).unwrap()
                })
                .collect();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                articles,
            )
        })
        .collect()
}

#[test]
fn the_shared_streams_get_the_same_stories_from_one_two_and_four_workers() {
    for (name, articles) in shared_streams() {
        let expected = one_process(&articles);
        for workers in [1, 2, 4] {
            let deployment = Deployment::new(&format!("s{workers}"));
            deployment.publish(&articles);
            deployment.work(workers);
            assert_eq!(
                deployment.assignments(),
                expected,
                "{name}, {workers} workers"
            );
        }
    }
}

#[test]
fn one_two_and_four_workers_give_the_stories_of_one_process() {
    let mut articles = synthetic::stream(600, 8, 21);
    // A copy under another id and an id sent twice: the stream drops the second, the store links the copy.
    let copy = Article::new("copy-of-7", articles[7].text.clone());
    articles.insert(300, copy);
    articles.push(articles[3].clone());
    let expected = one_process(&articles);
    assert!(expected.len() > 500);
    for workers in [1, 2, 4] {
        let deployment = Deployment::new(&format!("w{workers}"));
        deployment.publish(&articles);
        let reports = deployment.work(workers);
        assert_eq!(deployment.assignments(), expected, "{workers} workers");
        let profiled: usize = reports.iter().map(|r| r.profiled).sum();
        let assigned: usize = reports.iter().map(|r| r.assigned).sum();
        assert!(
            profiled >= articles.len() - 1,
            "{workers} workers: {reports:?}"
        );
        assert_eq!(assigned, expected.len(), "{workers} workers: {reports:?}");
        assert_eq!(
            reports.iter().filter(|r| r.assigned > 0).count(),
            1,
            "{reports:?}"
        );
    }
}
