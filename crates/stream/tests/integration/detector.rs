//! The detector end to end on small made-up streams: stories form, copies are marked, a restored
//! detector goes on exactly as the original, open stories stay bounded, and no input makes it panic.

use newsbrief_core::Article;
use newsbrief_stream::{Detector, Profile, Settings, StoryId};
use proptest::prelude::*;

/// Three stories told by several outlets, in arrival order, and a syndicated copy of one report.
fn stream() -> Vec<Article> {
    let fire = [
        "A wildfire in Pinecrest County forced 900 residents of Alder Pass to evacuate on Monday as crews from three counties fought the blaze on the ridge.",
        "The Pinecrest County wildfire doubled in size overnight, and fire crews said winds over Alder Pass pushed the blaze toward 1,500 homes under evacuation orders.",
        "Crews held the line on the Alder Pass wildfire in Pinecrest County as winds eased, and some evacuated residents were told they could return home.",
    ];
    let strike = [
        "Transit workers in Port Aldra walked out on Monday, leaving buses and trams idle as the union demanded higher wages from the city transit authority.",
        "The Port Aldra transit strike left commuters stranded for a second day; the union said its workers would stay out until the transit authority raised wages.",
        "Port Aldra's transit authority and the workers' union agreed to talks, and the union said buses and trams could run again if the wage offer improves.",
    ];
    let probe = [
        "The Meridian-3 probe landed on the asteroid Kessa after a six-year flight, and mission scientists cheered the first signals from its surface.",
        "First pictures from the Meridian-3 probe show Kessa covered in rubble and dust, mission scientists said, as the lander began its survey of the asteroid.",
    ];
    let mut out = Vec::new();
    for i in 0..3 {
        out.push(Article::new(format!("fire-{i}"), fire[i]));
        out.push(Article::new(format!("strike-{i}"), strike[i]));
        if let Some(text) = probe.get(i) {
            out.push(Article::new(format!("probe-{i}"), *text));
        }
    }
    out.push(Article::new("probe-1-copy", probe[1]));
    out
}

fn run(detector: &mut Detector, articles: &[Article]) -> Vec<(StoryId, Option<String>)> {
    articles
        .iter()
        .map(|a| {
            let d = detector.assign(&a.id, &Profile::of(a));
            (d.story, d.duplicate_of)
        })
        .collect()
}

#[test]
fn stories_form_and_copies_are_marked() {
    let articles = stream();
    let decisions = run(&mut Detector::new(Settings::default()), &articles);
    let story_of = |id: &str| {
        let i = articles
            .iter()
            .position(|a| a.id == id)
            .expect("id in the stream");
        decisions[i].0
    };
    for prefix in ["fire", "strike", "probe"] {
        let first = story_of(&format!("{prefix}-0"));
        for a in articles.iter().filter(|a| a.id.starts_with(prefix)) {
            assert_eq!(story_of(&a.id), first, "{} joins the {prefix} story", a.id);
        }
    }
    assert_ne!(story_of("fire-0"), story_of("strike-0"));
    assert_ne!(story_of("strike-0"), story_of("probe-0"));
    assert_eq!(
        decisions.last().and_then(|d| d.1.as_deref()),
        Some("probe-1")
    );
}

#[test]
fn a_restored_detector_goes_on_as_the_original() {
    let articles = stream();
    let whole = run(&mut Detector::new(Settings::default()), &articles);
    let mut first = Detector::new(Settings::default());
    let mut head = run(&mut first, &articles[..4]);
    let mut restored = Detector::restore(&first.snapshot()).expect("a snapshot restores");
    head.extend(run(&mut restored, &articles[4..]));
    assert_eq!(head, whole);
    assert!(Detector::restore(b"not a snapshot").is_err());
}

#[test]
fn open_stories_stay_bounded() {
    let settings = Settings {
        max_open: 3,
        ..Settings::default()
    };
    let mut detector = Detector::new(settings);
    let mut closed = 0;
    let mut stories = std::collections::BTreeSet::new();
    for i in 0..20 {
        let a = Article::new(
            format!("a{i}"),
            format!("Unrelated report number{i} about topic{i} and word{i}x."),
        );
        let d = detector.assign(&a.id, &Profile::of(&a));
        closed += d.closed.len();
        stories.insert(d.story);
    }
    assert!(stories.len() > 3);
    assert!(detector.open_stories() <= 3);
    assert_eq!(closed + detector.open_stories(), stories.len());
}

proptest! {
    #[test]
    fn no_input_makes_it_panic(texts in proptest::collection::vec(".{0,300}", 1..8), dated in any::<bool>()) {
        let mut detector = Detector::new(Settings::default());
        for (i, text) in texts.iter().enumerate() {
            let mut a = Article::new(format!("x{i}"), text.clone());
            a.title = Some(text.chars().take(40).collect());
            if dated {
                a.published = Some(format!("2020-01-{:02}", i + 1));
            }
            let d = detector.assign(&a.id, &Profile::of(&a));
            prop_assert!(d.story.0 >= 1);
        }
    }
}
