//! Criterion benchmark of the hot paths: summarising the example story (clean, split, terms, features,
//! selection) and building its whole brief (summary, entities, quotes, timeline).

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
}

criterion_group!(summary, benches);
criterion_main!(summary);
