//! Ingest end to end: idempotency, exact copies, replay after reopening, snapshots, briefs, listings —
//! each on SQLite and on PostgreSQL (`common::every_store`), and the in-memory summary where it applies.

use crate::common;

use common::every_store;

use newsbrief_core::{Article, Cancel};
use newsbrief_store::synthetic;
use newsbrief_store::{Ingest, Order, Outcome, Since, StoreError, StoryQuery};

fn ingest_all(ingest: &mut Ingest, articles: &[Article], batch: usize) -> Vec<Outcome> {
    articles
        .chunks(batch)
        .flat_map(|c| ingest.add(c).unwrap())
        .collect()
}

/// The assignments of one uninterrupted run over in-memory SQLite.
fn uninterrupted(articles: &[Article]) -> Vec<Outcome> {
    let mut ingest = Ingest::sqlite_in_memory().unwrap();
    ingest_all(&mut ingest, articles, 64);
    ingest.assignments().unwrap()
}

#[test]
fn the_same_batch_twice_is_stored_once() {
    let articles = synthetic::stream(200, 4, 1);
    let mut ingest = Ingest::sqlite_in_memory().unwrap();
    let first = ingest.add(&articles).unwrap();
    assert!(first.iter().all(|o| !o.repeated));
    let cursor = ingest.cursor();
    assert_eq!(cursor, 200);
    let second = ingest.add(&articles).unwrap();
    assert!(second.iter().all(|o| o.repeated));
    assert_eq!(ingest.cursor(), cursor);
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(
            (&a.id, &a.story, &a.duplicate_of),
            (&b.id, &b.story, &b.duplicate_of)
        );
    }
    assert_eq!(ingest.assignments().unwrap().len(), 200);
}

#[test]
fn the_same_crawl_notice_under_two_ids_stays_apart() {
    // Page furniture recurs across unrelated stories (a web archive's crawl notice): it is no report, so
    // two of them are not copies of one, and neither joins a story.
    let notice = "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet \
        Archive. Flowing in every day, these data are added to the Wayback Machine after an embargo period.";
    let mut ingest = Ingest::sqlite_in_memory().unwrap();
    let out = ingest
        .add(&[Article::new("a", notice), Article::new("b", notice)])
        .unwrap();
    assert!(out.iter().all(|o| o.new_story && o.duplicate_of.is_none()));
    assert_ne!(out[0].story, out[1].story);
}

#[test]
fn the_same_text_under_two_ids_is_a_copy_in_the_first_ones_story() {
    let base = synthetic::stream(40, 2, 2);
    let mut ingest = Ingest::sqlite_in_memory().unwrap();
    ingest.add(&base).unwrap();
    let original = &base[5];
    let copy = Article {
        id: "copy-of-5".into(),
        outlet: Some("Elsewhere".into()),
        text: format!("  {}\n", original.text),
        ..original.clone()
    };
    let out = ingest.add(std::slice::from_ref(&copy)).unwrap();
    let stored = ingest.assignments().unwrap();
    let first = stored.iter().find(|o| o.id == original.id).unwrap();
    assert_eq!(out[0].story, first.story);
    let root = first.duplicate_of.clone().unwrap_or(original.id.clone());
    assert_eq!(out[0].duplicate_of.as_deref(), Some(root.as_str()));
    assert!(!out[0].repeated && !out[0].new_story);
    let last = stored.last().unwrap();
    assert_eq!((&last.id, &last.story), (&copy.id, &first.story));
    // Its text is its original's, and the story counts it as an article but not as a source.
    let articles = ingest.story_articles(&first.story).unwrap();
    let got = articles.iter().find(|a| a.id == copy.id).unwrap();
    assert_eq!(got.text, original.text);
    assert_eq!(got.outlet.as_deref(), Some("Elsewhere"));
    let story = ingest.story(&first.story).unwrap();
    assert!(story.sources < story.articles);
    assert!(story.outlets.iter().any(|o| o == "Elsewhere"));
}

#[test]
fn duplicates_inside_one_batch_count() {
    let mut a = synthetic::stream(30, 2, 3);
    let mut copy = a[3].clone();
    copy.id = "copy".into();
    let repeat = a[4].clone();
    a.push(copy);
    a.push(repeat);
    for mut ingest in [Ingest::sqlite_in_memory().unwrap(), Ingest::in_memory()] {
        let out = ingest.add(&a).unwrap();
        let n = out.len();
        assert_eq!(out[n - 2].story, out[3].story);
        assert_eq!(
            out[n - 2].duplicate_of.as_deref(),
            Some(out[3].duplicate_of.as_deref().unwrap_or(&a[3].id))
        );
        assert!(out[n - 1].repeated);
        assert_eq!(out[n - 1].story, out[4].story);
        assert_eq!(ingest.cursor(), (n - 1) as u64);
        assert_eq!(ingest.assignments().unwrap().len(), n - 1);
    }
}

#[test]
fn memory_and_sqlite_agree() {
    let articles = synthetic::stream(600, 6, 4);
    let mut memory = Ingest::in_memory();
    let mut sqlite = Ingest::sqlite_in_memory().unwrap();
    let a = ingest_all(&mut memory, &articles, 50);
    let b = ingest_all(&mut sqlite, &articles, 97);
    assert_eq!(a, b);
    assert_eq!(memory.assignments().unwrap(), sqlite.assignments().unwrap());
    for order in [Order::Biggest, Order::MostActive] {
        for query in [
            StoryQuery::default(),
            StoryQuery {
                limit: Some(3),
                since: None,
            },
            StoryQuery {
                limit: None,
                since: Some(Since::Cursor(500)),
            },
            StoryQuery {
                limit: Some(2),
                since: Some(Since::Time("2024-02-01T06:00:00Z".into())),
            },
        ] {
            assert_eq!(
                memory.stories(&query, order).unwrap(),
                sqlite.stories(&query, order).unwrap(),
                "{query:?} {order:?}"
            );
        }
    }
}

#[test]
fn in_memory_listing() {
    let articles = synthetic::stream(400, 5, 5);
    let mut ingest = Ingest::in_memory();
    let outcomes = ingest_all(&mut ingest, &articles, 100);
    let stories = ingest
        .stories(&StoryQuery::default(), Order::Biggest)
        .unwrap();
    assert!(
        stories.len() >= 5 && stories.len() < 100,
        "{} stories",
        stories.len()
    );
    assert_eq!(stories.iter().map(|s| s.articles).sum::<usize>(), 400);
    assert!(stories.windows(2).all(|w| w[0].sources >= w[1].sources));
    let active = ingest
        .stories(&StoryQuery::default(), Order::MostActive)
        .unwrap();
    assert_eq!(active[0].updated, 400);
    assert!(active.windows(2).all(|w| w[0].updated > w[1].updated));
    let top = &stories[0];
    assert_eq!(ingest.story(&top.id).unwrap(), *top);
    assert!(top.title.is_some() && !top.outlets.is_empty());
    assert!(top.first_seen <= top.last_seen);
    let new_stories = outcomes.iter().filter(|o| o.new_story).count();
    assert_eq!(new_stories, stories.len());
    let polled = ingest
        .stories(
            &StoryQuery {
                limit: None,
                since: Some(Since::Cursor(390)),
            },
            Order::MostActive,
        )
        .unwrap();
    assert!(!polled.is_empty() && polled.iter().all(|s| s.updated > 390));
    assert!(matches!(
        ingest.brief(&top.id, "md"),
        Err(StoreError::NeedsDatabase)
    ));
    assert!(matches!(
        ingest.story("s999999"),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        ingest.story("nonsense"),
        Err(StoreError::NotFound(_))
    ));
    let bad_time = StoryQuery {
        limit: None,
        since: Some(Since::Time("yesterday".into())),
    };
    assert!(matches!(
        ingest.stories(&bad_time, Order::Biggest),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn every_store_stores_a_batch_once_and_finds_copies() {
    for db in every_store() {
        let articles = synthetic::stream(200, 4, 1);
        let mut ingest = db.open();
        let first = ingest.add(&articles).unwrap();
        assert!(first.iter().all(|o| !o.repeated), "{}", db.name());
        let second = ingest.add(&articles).unwrap();
        assert!(second.iter().all(|o| o.repeated), "{}", db.name());
        assert_eq!(ingest.cursor(), 200, "{}", db.name());
        // The same text under a new id is a copy in the first one's story.
        let copy = Article::new("copy-of-5", articles[5].text.clone());
        let out = ingest.add(&[copy]).unwrap();
        assert_eq!(
            out[0].duplicate_of.as_deref(),
            Some(articles[5].id.as_str()),
            "{}",
            db.name()
        );
        assert_eq!(out[0].story, first[5].story, "{}", db.name());
        assert_eq!(
            ingest.assignments().unwrap()[..200],
            uninterrupted(&articles)[..],
            "{}",
            db.name()
        );
    }
}

#[test]
fn replay_after_reopening_equals_an_uninterrupted_run() {
    let articles = synthetic::stream(1_000, 6, 6);
    let expected = uninterrupted(&articles);
    for db in every_store() {
        {
            let mut ingest = db.open();
            ingest_all(&mut ingest, &articles[..500], 64);
            // Dropped without a checkpoint: the next open replays everything.
        }
        let mut ingest = db.open();
        assert_eq!(ingest.cursor(), 500, "{}", db.name());
        // The same ingest run again from the start: the first half is repeated, the rest goes on.
        let again = ingest_all(&mut ingest, &articles, 64);
        assert!(again[..500].iter().all(|o| o.repeated), "{}", db.name());
        assert!(again[500..].iter().all(|o| !o.repeated), "{}", db.name());
        assert_eq!(ingest.assignments().unwrap(), expected, "{}", db.name());
    }
}

#[test]
fn replay_from_a_snapshot_taken_midway_equals_an_uninterrupted_run() {
    let articles = synthetic::stream(1_000, 6, 7);
    let expected = uninterrupted(&articles);
    for db in every_store() {
        {
            let mut ingest = db.open();
            ingest_all(&mut ingest, &articles[..400], 50);
            ingest.checkpoint().unwrap();
            ingest_all(&mut ingest, &articles[400..700], 50);
        }
        {
            let mut ingest = db.open();
            ingest_all(&mut ingest, &articles[700..850], 50);
            ingest.checkpoint().unwrap();
        }
        let mut ingest = db.open();
        ingest_all(&mut ingest, &articles[850..], 50);
        ingest.checkpoint().unwrap();
        assert_eq!(ingest.assignments().unwrap(), expected, "{}", db.name());
        assert_eq!(ingest.cursor(), 1_000, "{}", db.name());
    }
}

#[test]
fn a_damaged_snapshot_is_a_clear_error() {
    let articles = synthetic::stream(100, 3, 8);
    for db in every_store() {
        {
            let mut ingest = db.open();
            ingest.add(&articles[..50]).unwrap();
            ingest.checkpoint().unwrap();
        }
        db.exec(
            "DELETE FROM snapshot_parts WHERE part > 0; UPDATE snapshot_parts SET bytes = x'0badf00d'; \
             UPDATE snapshots SET length = 4, parts = 1;",
            "DELETE FROM snapshot_parts WHERE part > 0; UPDATE snapshot_parts SET bytes = '\\x0badf00d'; \
             UPDATE snapshots SET length = 4, parts = 1;",
        );
        let mut ingest = db.open();
        // Reading still works; taking more articles needs the detector.
        assert_eq!(ingest.assignments().unwrap().len(), 50, "{}", db.name());
        let err = ingest.add(&articles[50..]).unwrap_err();
        assert!(
            matches!(err, StoreError::Snapshot(_)),
            "{}: {err}",
            db.name()
        );
        assert!(
            err.to_string().contains("cannot be read"),
            "{}: {err}",
            db.name()
        );
        assert_eq!(ingest.cursor(), 50, "{}", db.name());
    }
}

#[test]
fn an_incomplete_snapshot_is_a_clear_error() {
    let articles = synthetic::stream(60, 3, 12);
    for db in every_store() {
        {
            let mut ingest = db.open();
            ingest.add(&articles[..30]).unwrap();
            ingest.checkpoint().unwrap();
        }
        db.exec("DELETE FROM snapshot_parts", "DELETE FROM snapshot_parts");
        let mut ingest = db.open();
        let err = ingest.add(&articles[30..]).unwrap_err();
        assert!(
            matches!(err, StoreError::Snapshot(_)),
            "{}: {err}",
            db.name()
        );
        assert!(
            err.to_string().contains("incomplete"),
            "{}: {err}",
            db.name()
        );
    }
}

#[test]
fn a_replay_that_disagrees_with_the_stored_stories_is_an_error() {
    let articles = synthetic::stream(100, 3, 9);
    for db in every_store() {
        {
            let mut ingest = db.open();
            ingest.add(&articles[..60]).unwrap();
        }
        let tamper = "UPDATE articles SET story = 4242 WHERE seq = 30";
        db.exec(tamper, tamper);
        let mut ingest = db.open();
        let err = ingest.add(&articles[60..]).unwrap_err();
        assert!(
            matches!(err, StoreError::Diverged { .. }),
            "{}: {err}",
            db.name()
        );
        assert!(err.to_string().contains("s4242"), "{}: {err}", db.name());
    }
}

#[test]
fn briefs_are_cached_until_their_story_changes() {
    let articles = synthetic::stream(300, 3, 10);
    // The first article after the 200th that joins the first article's story.
    let all = uninterrupted(&articles);
    let more = (200..300).find(|&i| all[i].story == all[0].story).unwrap();
    for db in every_store() {
        let mut ingest = db.open();
        let out = ingest.add(&articles[..200]).unwrap();
        let story = out[0].story.clone();
        let md = ingest.brief(&story, "md").unwrap();
        assert!(!md.is_empty());
        let json = ingest.brief(&story, "json").unwrap();
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        // Served from the cache: mark the cached body and ask again.
        let mark = "UPDATE briefs SET body = 'cached' WHERE format LIKE 'md@%'";
        db.exec(mark, mark);
        assert_eq!(
            ingest.brief(&story, "md").unwrap(),
            "cached",
            "{}",
            db.name()
        );
        assert_eq!(
            ingest.brief(&story, "markdown").unwrap(),
            "cached",
            "{}",
            db.name()
        );
        // A new article in the story: rebuilt.
        let before = ingest.story(&story).unwrap();
        ingest.add(&articles[200..=more]).unwrap();
        assert!(
            ingest.story(&story).unwrap().articles > before.articles,
            "{}",
            db.name()
        );
        let rebuilt = ingest.brief(&story, "md").unwrap();
        assert_ne!(rebuilt, "cached", "{}", db.name());
        // A brief another version of newsbrief cached for this story version: rebuilt, not served.
        let older =
            "UPDATE briefs SET format = 'md@0.0.1', body = 'older engine' WHERE format LIKE 'md@%'";
        db.exec(older, older);
        assert_eq!(
            ingest.brief(&story, "md").unwrap(),
            rebuilt,
            "{}",
            db.name()
        );
        assert!(matches!(
            ingest.brief(&story, "pdf"),
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            ingest.brief("s987654", "md"),
            Err(StoreError::NotFound(_))
        ));
    }
}

#[test]
fn a_cancelled_brief_stops_and_is_not_cached() {
    let articles = synthetic::stream(60, 2, 12);
    for db in every_store() {
        let mut ingest = db.open();
        let story = ingest.add(&articles).unwrap()[0].story.clone();
        let cancel = Cancel::new();
        cancel.cancel();
        assert!(
            matches!(
                ingest.brief_cancellable(&story, "md", &cancel),
                Err(StoreError::Cancelled)
            ),
            "{}",
            db.name()
        );
        // Nothing half-made was kept: the next brief is built and equals a fresh one.
        let built = ingest.brief(&story, "md").unwrap();
        assert!(built.starts_with('#'), "{}: {built:.80}", db.name());
        assert_eq!(ingest.brief(&story, "md").unwrap(), built, "{}", db.name());
    }
}

#[test]
fn a_second_writer_is_refused() {
    let articles = synthetic::stream(60, 2, 11);
    for db in every_store() {
        let mut one = db.open();
        let mut two = db.open();
        one.add(&articles[..30]).unwrap();
        let err = two.add(&articles[30..]).unwrap_err();
        assert!(
            matches!(err, StoreError::Conflict(_)),
            "{}: {err}",
            db.name()
        );
        one.add(&articles[30..]).unwrap();
        assert_eq!(one.cursor(), 60, "{}", db.name());
    }
}

#[test]
fn listings_agree_between_the_stores() {
    let articles = synthetic::stream(400, 5, 13);
    let listings: Vec<_> = every_store()
        .into_iter()
        .map(|db| {
            let mut ingest = db.open();
            ingest_all(&mut ingest, &articles, 100);
            let query = StoryQuery {
                limit: Some(10),
                since: None,
            };
            (
                ingest.stories(&query, Order::Biggest).unwrap(),
                ingest.stories(&query, Order::MostActive).unwrap(),
                ingest
                    .stories(
                        &StoryQuery {
                            limit: None,
                            since: Some(Since::Cursor(350)),
                        },
                        Order::MostActive,
                    )
                    .unwrap(),
            )
        })
        .collect();
    assert!(!listings[0].0.is_empty());
    assert_eq!(listings[0], listings[1]);
}

#[test]
fn a_store_url_names_its_kind() {
    for bad in ["", "mysql://db/x", "sqlite://"] {
        assert!(
            matches!(Ingest::open(bad), Err(StoreError::Invalid(_))),
            "{bad:?}"
        );
    }
    let Err(err) = Ingest::open("postgres://nobody@127.0.0.1:1/none") else {
        panic!("connected to a closed port");
    };
    assert!(
        err.to_string().contains("cannot connect to PostgreSQL"),
        "{err}"
    );
}

#[test]
fn profiles_made_elsewhere_give_the_same_stories() {
    let articles = synthetic::stream(600, 5, 14);
    let expected = uninterrupted(&articles);
    let mut ingest = Ingest::sqlite_in_memory().unwrap();
    for chunk in articles.chunks(37) {
        let profiles: Vec<_> = chunk.iter().map(newsbrief_stream::Profile::of).collect();
        ingest.add_profiled(chunk, &profiles).unwrap();
    }
    assert_eq!(ingest.assignments().unwrap(), expected);
    let one = &articles[..1];
    assert!(matches!(
        ingest.add_profiled(one, &[]),
        Err(StoreError::Invalid(_))
    ));
}
