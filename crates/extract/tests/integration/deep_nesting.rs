//! Regression tests for issue 18, item 4: deeply nested markup (60,000 `<ul><li>` levels, 480 KB)
//! took more than 20 s to extract, time growing with the square of the depth, because the HTML
//! tree builder scans its whole stack of open elements for nearly every start tag. The depth is
//! now capped (`src/parse.rs`), deeper markup flattened with its text kept.

use std::time::{Duration, Instant};

/// The text every generated page holds at its deepest point.
const DEEP_TEXT: &str =
    "The deepest paragraph of this page holds enough plain prose to count as article text.";

/// `<ul><li>` nested `levels` deep, as in the issue (8 bytes a level), the prose at the bottom.
fn nested_list(levels: usize) -> String {
    format!(
        "<html><body>{}<p>{DEEP_TEXT}</p></body></html>",
        "<ul><li>".repeat(levels)
    )
}

/// A pretty-printed variant with some text on every level and all tags closed.
fn nested_list_with_text(levels: usize) -> String {
    let mut page = String::from("<html><body>\n");
    for level in 0..levels {
        page.push_str(&format!("<ul>\n  <li>item {level}\n"));
    }
    page.push_str(&format!("<p>{DEEP_TEXT}</p>\n"));
    page.push_str(&"</li>\n</ul>\n".repeat(levels));
    page.push_str("</body></html>\n");
    page
}

/// Extracts `page` on a thread with a 2 MiB stack (the size of a tokio worker's or a test's
/// thread), so that any recursion over the depth would overflow here; returns the page and the time.
fn extract(page: String) -> (newsbrief_extract::Page, Duration) {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let start = Instant::now();
            let pages = newsbrief_extract::read_document(page.as_bytes(), "deep.html")
                .expect("an HTML page");
            let elapsed = start.elapsed();
            assert_eq!(pages.len(), 1);
            (pages.into_iter().next().unwrap(), elapsed)
        })
        .unwrap()
        .join()
        .expect("extraction panicked or overflowed its stack")
}

/// Fastest of three runs.
fn best_time(page: &str) -> Duration {
    (0..3).map(|_| extract(page.to_string()).1).min().unwrap()
}

#[test]
fn sixty_thousand_nested_list_levels_extract_quickly() {
    let page = nested_list(60_000);
    assert!(page.len() >= 480_000);
    let (extracted, elapsed) = extract(page);
    assert!(extracted.text.contains(DEEP_TEXT), "{:?}", extracted.text);
    assert!(
        extracted.warnings.iter().any(|w| w.contains("flattened")),
        "{:?}",
        extracted.warnings
    );
    if !cfg!(debug_assertions) {
        // Well under 0.1 s on a quiet machine; 20 s and more before the fix.
        assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    }
}

#[test]
fn two_hundred_thousand_levels_neither_overflow_nor_lose_text() {
    for page in [nested_list(200_000), nested_list_with_text(200_000)] {
        let (extracted, elapsed) = extract(page);
        assert!(extracted.text.contains(DEEP_TEXT), "{:?}", extracted.text);
        if !cfg!(debug_assertions) {
            assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
        }
    }
}

#[test]
fn time_grows_linearly_with_the_depth() {
    for generate in [nested_list, nested_list_with_text] {
        let small = best_time(&generate(20_000));
        let large = best_time(&generate(40_000));
        // Twice the depth: about twice the time (four times before the fix).
        assert!(
            large < small * 3 + Duration::from_millis(100),
            "20k levels: {small:?}, 40k levels: {large:?}"
        );
    }
}

#[test]
fn other_deep_shapes_stay_fast() {
    let shapes = [
        "<div>",
        "<div class=date>",
        "<span itemprop=author>",
        "<table><tr><td>",
        "<b id=x{}>",
        "<a href=/x>",
        "<svg><g>",
        "<select><option>",
        "<button>",
        "<dl><dt>",
        "<blockquote><p>",
        // Not nesting but its cousin: each paragraph re-creates the bold elements left open.
        "<p><b id=x{}>word</p>",
    ];
    // Fewer levels in unoptimised builds, where only the absence of panics is checked.
    let shape_levels = if cfg!(debug_assertions) {
        20_000
    } else {
        60_000
    };
    for shape in shapes {
        // `{}` is replaced by the level, so that no two elements are alike.
        let levels: String = (0..shape_levels)
            .map(|level| shape.replace("{}", &level.to_string()))
            .collect();
        let page = format!("<html><body>{levels}<p>{DEEP_TEXT}</p></body></html>");
        let (_, elapsed) = extract(page);
        if !cfg!(debug_assertions) {
            assert!(elapsed < Duration::from_secs(5), "{shape}: {elapsed:?}");
        }
    }
}

#[test]
fn shallow_pages_are_not_flattened() {
    let (extracted, _) = extract(nested_list(100));
    assert!(extracted.text.contains(DEEP_TEXT));
    assert!(extracted.warnings.is_empty(), "{:?}", extracted.warnings);
}
