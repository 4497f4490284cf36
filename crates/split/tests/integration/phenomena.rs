//! One test per news-prose phenomenon the splitter must get right, on short
//! made-up or adapted sentences.

use newsbrief_split::split;

fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn titles_before_names() {
    let text =
        "Sen. Al Franken asked. Rep. Tim Scott and Gov. Nikki Haley met Dr. Klaas and Mr. Comey.";
    assert_eq!(
        sentences(text),
        [
            "Sen. Al Franken asked.",
            "Rep. Tim Scott and Gov. Nikki Haley met Dr. Klaas and Mr. Comey."
        ]
    );
}

#[test]
fn initials_in_names() {
    let text =
        "J. Edgar Hoover ran the F.B.I. for decades. Donald J. Trump and J. D. Barrale spoke.";
    assert_eq!(
        sentences(text),
        [
            "J. Edgar Hoover ran the F.B.I. for decades.",
            "Donald J. Trump and J. D. Barrale spoke."
        ]
    );
}

#[test]
fn us_inside_and_at_the_end_of_a_sentence() {
    let text = "The U.S. Senate voted. He spoke to the ambassador to the U.S. The talks failed. \
                Kislyak met the U.S. envoy in Washington, D.C. Officials said nothing.";
    assert_eq!(
        sentences(text),
        [
            "The U.S. Senate voted.",
            "He spoke to the ambassador to the U.S.",
            "The talks failed.",
            "Kislyak met the U.S. envoy in Washington, D.C. Officials said nothing.",
        ]
    );
}

#[test]
fn months_and_dates() {
    let text =
        "He was confirmed on Feb. 1. The hearing was Sept. 30 or Oct. 1, and Jan. 20 is next.";
    assert_eq!(
        sentences(text),
        [
            "He was confirmed on Feb. 1.",
            "The hearing was Sept. 30 or Oct. 1, and Jan. 20 is next."
        ]
    );
}

#[test]
fn clock_times() {
    let text = "He testifies at 10:00 a.m. Friday. The vote is at 3 p.m. Senators will attend at 5:50 p.m. ET.";
    assert_eq!(
        sentences(text),
        [
            "He testifies at 10:00 a.m. Friday.",
            "The vote is at 3 p.m.",
            "Senators will attend at 5:50 p.m. ET."
        ]
    );
}

#[test]
fn period_inside_closing_quote() {
    let text =
        "He said it was “fake news.” Then he left. She called it \"a farce.\" \"It is false.\"";
    assert_eq!(
        sentences(text),
        [
            "He said it was “fake news.”",
            "Then he left.",
            "She called it \"a farce.\"",
            "\"It is false.\""
        ]
    );
}

#[test]
fn question_and_exclamation_in_quotes() {
    let text = "“Who needs that?” he asked. “Nobody!” “Why Olivia?” Grace Demerath said. \
                \"Let's roll!\" \"I cannot see the upside.\"";
    assert_eq!(
        sentences(text),
        [
            "“Who needs that?” he asked.",
            "“Nobody!”",
            "“Why Olivia?” Grace Demerath said.",
            "\"Let's roll!\"",
            "\"I cannot see the upside.\"",
        ]
    );
}

#[test]
fn em_dash_asides() {
    let text = "The fear—from Malthus to Ehrlich—is old. Pelosi — a Democrat — objected. Was it wise? — no one knows.";
    assert_eq!(
        sentences(text),
        [
            "The fear—from Malthus to Ehrlich—is old.",
            "Pelosi — a Democrat — objected.",
            "Was it wise? — no one knows."
        ]
    );
}

#[test]
fn numbers_money_and_percentages() {
    let text = "It raised $2.5 million, up 3.5% from 2016. It closed at $137.95. 5.9 million children are allergic.";
    assert_eq!(
        sentences(text),
        [
            "It raised $2.5 million, up 3.5% from 2016.",
            "It closed at $137.95.",
            "5.9 million children are allergic."
        ]
    );
}

#[test]
fn numbered_references() {
    let text =
        "It is No. 1 on the list. No. 2 is Bud's ad. He lives at 221 St. Louis Ave. in Ferguson.";
    assert_eq!(
        sentences(text),
        [
            "It is No. 1 on the list.",
            "No. 2 is Bud's ad.",
            "He lives at 221 St. Louis Ave. in Ferguson."
        ]
    );
}

#[test]
fn companies_and_suffixes() {
    let text = "XO Group Inc. (NYSE: XOXO) owns it. He sold shares of Apple Inc. The stock fell. \
                Martin Luther King Jr. Day is a holiday.";
    assert_eq!(
        sentences(text),
        [
            "XO Group Inc. (NYSE: XOXO) owns it.",
            "He sold shares of Apple Inc.",
            "The stock fell.",
            "Martin Luther King Jr. Day is a holiday.",
        ]
    );
}

#[test]
fn state_abbreviations() {
    let text = "Sen. Tim Scott (R-S.C.) spoke. Gov. Nikki Haley (R-S.C.). (Haley will pick.) It was in Lexington, Ky. yesterday.";
    assert_eq!(
        sentences(text),
        [
            "Sen. Tim Scott (R-S.C.) spoke.",
            "Gov. Nikki Haley (R-S.C.).",
            "(Haley will pick.)",
            "It was in Lexington, Ky. yesterday."
        ]
    );
}

#[test]
fn headlines_without_final_punctuation() {
    let text = "Sessions Spoke To Russian Ambassador\n\nBy Dani Graham\n\nAttorney General Jeff Sessions is under fire.";
    assert_eq!(
        sentences(text),
        [
            "Sessions Spoke To Russian Ambassador",
            "By Dani Graham",
            "Attorney General Jeff Sessions is under fire."
        ]
    );
    let multinews =
        "Long Story Short \n \n The latest edition has crowned Sweden. \n \n Long Story";
    assert_eq!(
        sentences(multinews),
        [
            "Long Story Short",
            "The latest edition has crowned Sweden.",
            "Long Story"
        ]
    );
}

#[test]
fn captions_on_single_lines() {
    let text = "Open Image Modal\nTrump speaks during the ceremony on 9 February.\nKevin Lamarque / Reuters";
    assert_eq!(
        sentences(text),
        [
            "Open Image Modal",
            "Trump speaks during the ceremony on 9 February.",
            "Kevin Lamarque / Reuters"
        ]
    );
}

#[test]
fn wrapped_lines_are_not_boundaries() {
    let text = "The senator said that the\nmeetings were routine, and\nthat he had nothing to hide.\nHe left.";
    assert_eq!(
        sentences(text),
        [
            "The senator said that the\nmeetings were routine, and\nthat he had nothing to hide.",
            "He left."
        ]
    );
}

#[test]
fn lists() {
    let text = "Three things:\n1. Taxes\n2. Trade\n• Health care";
    assert_eq!(
        sentences(text),
        ["Three things:", "1. Taxes", "2. Trade", "• Health care"]
    );
}

#[test]
fn ellipses() {
    let text = "I plan to do it. … I take it seriously. We remember how well THAT worked out... Not anymore. \
                They will be calling… saying yes.";
    assert_eq!(
        sentences(text),
        [
            "I plan to do it.",
            "… I take it seriously.",
            "We remember how well THAT worked out...",
            "Not anymore.",
            "They will be calling… saying yes.",
        ]
    );
}

#[test]
fn urls_and_emails() {
    let text = "Contact him at vince.lattanzio@nbcuni.com or visit Dead50.net today. Watch it. http://huff.to/oMBLU8";
    assert_eq!(
        sentences(text),
        [
            "Contact him at vince.lattanzio@nbcuni.com or visit Dead50.net today.",
            "Watch it.",
            "http://huff.to/oMBLU8"
        ]
    );
}

#[test]
fn missing_space_after_a_period() {
    let text = "He is evaluated for Ebola.The CDC says so. Not U.S.The end.";
    assert_eq!(
        sentences(text),
        [
            "He is evaluated for Ebola.",
            "The CDC says so.",
            "Not U.S.The end."
        ]
    );
}

#[test]
fn offsets_point_into_the_original_text() {
    let text = "  Café prices rose. “Où?” he asked.  \n\n Naïve.  ";
    let ranges = split(text);
    assert_eq!(ranges, [2..20, 21..41, 46..53]);
    assert_eq!(&text[ranges[1].clone()], "“Où?” he asked.");
    assert_eq!(&text[ranges[2].clone()], "Naïve.");
}

#[test]
fn empty_and_blank_input() {
    assert!(split("").is_empty());
    assert!(split(" \n \n\t ").is_empty());
    assert_eq!(
        sentences("No punctuation at all"),
        ["No punctuation at all"]
    );
}
