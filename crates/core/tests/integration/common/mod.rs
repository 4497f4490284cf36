//! What several core tests share: the user's example story (`examples/sessions-kislyak`), read in file
//! name order with the file names as ids.

use newsbrief_core::Article;

/// The five articles of the example story.
pub fn example() -> Vec<Article> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/sessions-kislyak"
    );
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            Article::new(
                p.file_name().unwrap().to_string_lossy(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}
