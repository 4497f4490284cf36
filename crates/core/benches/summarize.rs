//! Criterion benchmark of the hot paths: summarising the example story (clean, split, terms, features,
//! selection) and building its whole brief (summary, entities, quotes, timeline); and the same for a
//! focused summary and brief, and an update ("what's new") one of three articles with two seen.

use criterion::{criterion_group, criterion_main, Criterion};
use newsbrief_core::{build_brief, summarize, Article, BriefOptions, SummaryOptions};

/// The five articles of the example story shipped in the repo.
fn example_story() -> Vec<Article> {
    [
        include_str!("../../../examples/sessions-kislyak/000_ed4ec6554b1582a8.txt"),
        include_str!("../../../examples/sessions-kislyak/001_bf47dad83f23f974.txt"),
        include_str!("../../../examples/sessions-kislyak/002_bdf7c71cacdd55a0.txt"),
        include_str!("../../../examples/sessions-kislyak/003_6a909094e5581284.txt"),
        include_str!("../../../examples/sessions-kislyak/004_5e607fb1a638b74a.txt"),
    ]
    .iter()
    .enumerate()
    .map(|(i, text)| Article::new(i.to_string(), *text))
    .collect()
}

fn benches(c: &mut Criterion) {
    let articles = example_story();
    let opts = SummaryOptions::with_words(260);
    c.bench_function("summarize example story (5 articles)", |b| {
        b.iter(|| summarize(std::hint::black_box(&articles), &opts))
    });
    let brief_opts = BriefOptions::default();
    c.bench_function("brief of example story (5 articles)", |b| {
        b.iter(|| build_brief(std::hint::black_box(&articles), &brief_opts))
    });
    let question = "What did Sessions say about his contacts with Russian officials, and when?";
    let focused = SummaryOptions {
        focus: Some(question.to_owned()),
        ..opts.clone()
    };
    c.bench_function("focused summary of example story (5 articles)", |b| {
        b.iter(|| summarize(std::hint::black_box(&articles), &focused))
    });
    let focused_brief = BriefOptions {
        focus: Some(question.to_owned()),
        ..BriefOptions::default()
    };
    c.bench_function("focused brief of example story (5 articles)", |b| {
        b.iter(|| build_brief(std::hint::black_box(&articles), &focused_brief))
    });
    let (seen, new) = articles.split_at(2);
    let plain_new = SummaryOptions::with_words(100);
    c.bench_function("summary of 3 example articles", |b| {
        b.iter(|| summarize(std::hint::black_box(new), &plain_new))
    });
    let update = SummaryOptions {
        seen: seen.iter().map(|a| a.text.clone()).collect(),
        ..plain_new.clone()
    };
    c.bench_function("update summary of 3 example articles, 2 seen", |b| {
        b.iter(|| summarize(std::hint::black_box(new), &update))
    });
    let plain_new_brief = BriefOptions {
        summary: plain_new.clone(),
        ..BriefOptions::default()
    };
    c.bench_function("brief of 3 example articles", |b| {
        b.iter(|| build_brief(std::hint::black_box(new), &plain_new_brief))
    });
    let update_brief = BriefOptions {
        summary: plain_new,
        seen: seen.to_vec(),
        ..BriefOptions::default()
    };
    c.bench_function("update brief of 3 example articles, 2 seen", |b| {
        b.iter(|| build_brief(std::hint::black_box(new), &update_brief))
    });
}

criterion_group!(summary, benches);
criterion_main!(summary);
