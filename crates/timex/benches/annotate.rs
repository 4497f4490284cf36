//! Speed of tagging news text: `annotate` on the five articles of examples/sessions-kislyak (about
//! 17 KB), and `find` alone (the tagging step without resolution).
//!
//! `cargo bench -p newsbrief-timex --bench annotate`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsbrief_timex::{annotate, find, Anchor, NaiveDate};

const ARTICLES: [&str; 5] = [
    include_str!("../../../examples/sessions-kislyak/000_ed4ec6554b1582a8.txt"),
    include_str!("../../../examples/sessions-kislyak/001_bf47dad83f23f974.txt"),
    include_str!("../../../examples/sessions-kislyak/002_bdf7c71cacdd55a0.txt"),
    include_str!("../../../examples/sessions-kislyak/003_6a909094e5581284.txt"),
    include_str!("../../../examples/sessions-kislyak/004_5e607fb1a638b74a.txt"),
];

fn bench(c: &mut Criterion) {
    let anchor = Anchor {
        date: NaiveDate::from_ymd_opt(2017, 3, 2),
        inferred: false,
    };
    let bytes: usize = ARTICLES.iter().map(|a| a.len()).sum();
    let mut group = c.benchmark_group("timex");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("annotate_five_articles", |b| {
        b.iter(|| {
            ARTICLES
                .iter()
                .map(|text| annotate(std::hint::black_box(text), anchor).len())
                .sum::<usize>()
        })
    });
    group.bench_function("find_five_articles", |b| {
        b.iter(|| {
            ARTICLES
                .iter()
                .map(|text| find(std::hint::black_box(text)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
