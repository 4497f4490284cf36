//! Times `extract` on each file given.
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let started = std::time::Instant::now();
        let quotes = newsbrief_quotes::extract(&text, &[]);
        println!(
            "{path}: {} bytes, {} quotes, {:?}",
            text.len(),
            quotes.len(),
            started.elapsed()
        );
    }
}
