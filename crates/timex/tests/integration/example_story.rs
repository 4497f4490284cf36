//! The dates of the Sessions–Kislyak story (examples/sessions-kislyak) come out right.

use newsbrief_timex::{annotate, infer_anchor, Anchor, NaiveDate, Precision, Timex};

const ARTICLES: [&str; 5] = [
    include_str!("../../../../examples/sessions-kislyak/000_ed4ec6554b1582a8.txt"),
    include_str!("../../../../examples/sessions-kislyak/001_bf47dad83f23f974.txt"),
    include_str!("../../../../examples/sessions-kislyak/002_bdf7c71cacdd55a0.txt"),
    include_str!("../../../../examples/sessions-kislyak/003_6a909094e5581284.txt"),
    include_str!("../../../../examples/sessions-kislyak/004_5e607fb1a638b74a.txt"),
];

fn story_timexes() -> Vec<Timex> {
    let anchor = Anchor::known(NaiveDate::from_ymd_opt(2017, 3, 2).unwrap());
    ARTICLES
        .iter()
        .flat_map(|text| annotate(text, anchor))
        .collect()
}

fn value_of(timexes: &[Timex], text: &str) -> Vec<String> {
    timexes
        .iter()
        .filter(|t| t.text == text)
        .map(|t| t.value.clone())
        .collect()
}

#[test]
fn story_dates() {
    let timexes = story_timexes();
    let expect = [
        ("June 14, 2016", "2016-06-14"),
        ("December 29, 2016", "2016-12-29"),
        ("February 13, 2017", "2017-02-13"),
        ("Feb. 1", "2017-02-01"),
        ("March 2", "2017-03-02"),
        ("January", "2017-01"),
        ("July", "2016-07"),
        ("September", "2016-09"),
        ("last year", "2016"),
        ("Wednesday", "2017-03-01"),
    ];
    for (text, value) in expect {
        let values = value_of(&timexes, text);
        assert!(!values.is_empty(), "{text} not found");
        assert!(
            values.iter().all(|v| v == value),
            "{text}: {values:?}, want {value}"
        );
    }
    let feb_first = timexes.iter().find(|t| t.text == "Feb. 1").unwrap();
    assert_eq!(feb_first.precision, Some(Precision::Day));
    assert_eq!(
        feb_first.date_range(),
        Some((
            NaiveDate::from_ymd_opt(2017, 2, 1).unwrap(),
            NaiveDate::from_ymd_opt(2017, 2, 1).unwrap()
        ))
    );
}

#[test]
fn undated_article_infers_its_anchor() {
    let text = ARTICLES[0];
    assert_eq!(infer_anchor(text), NaiveDate::from_ymd_opt(2017, 2, 13));
    let timexes = annotate(text, Anchor::known_or_inferred(None, text));
    let september = timexes.iter().find(|t| t.text == "September").unwrap();
    assert!(september.anchored_on_inferred);
    assert_eq!(september.value, "2016-09");
    let absolute = timexes.iter().find(|t| t.text == "June 14, 2016").unwrap();
    assert!(!absolute.anchored_on_inferred);
}

#[test]
fn anchor_from_day_month_and_latest_year() {
    // Article 002 has "9 February" and the years 2016 and 2017 but no full date.
    assert_eq!(
        infer_anchor(ARTICLES[2]),
        NaiveDate::from_ymd_opt(2017, 2, 9)
    );
    let timexes = annotate(ARTICLES[2], Anchor::known_or_inferred(None, ARTICLES[2]));
    let last_year = timexes.iter().find(|t| t.text == "last year").unwrap();
    assert_eq!(last_year.value, "2016");
    assert!(last_year.anchored_on_inferred);
}
