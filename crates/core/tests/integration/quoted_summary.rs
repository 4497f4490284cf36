//! A summary sentence that is nothing but a quotation names who said it: the quotation competes only when
//! its article names the speaker around it, and the brief shows the speaker beside it (in the JSON as
//! `speaker`, in the Markdown as "— Name").

use newsbrief_core::{build_brief, render, Article, BriefOptions};

const STORY: &str = "Council sells empty lot for homes\n\n\
The city council voted on Tuesday to sell the empty lot on Main Street to a housing charity for one dollar.\n\n\
Mayor Jane Smith told reporters after the vote:\n\n\
“The land has been empty for twenty years. Why leave it empty when families need homes?”\n\n\
The charity plans to build forty homes on the lot by the end of next year, its director said.\n";

#[test]
fn a_quotation_in_the_summary_names_its_speaker() {
    let brief = build_brief(&[Article::new("council", STORY)], &BriefOptions::default()).unwrap();
    let quoted = brief
        .summary
        .iter()
        .find(|s| s.text.starts_with('“'))
        .expect("the quotation is in the summary");
    let speaker = quoted.speaker.as_deref().expect("with its speaker");
    assert!(speaker.contains("Smith"), "{speaker}");
    assert_eq!(&STORY[quoted.start..quoted.end], quoted.text);
    let markdown = render::markdown(&brief);
    assert!(
        markdown.contains(&format!("homes?” — {speaker} [1]")),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&render::json(&brief)).unwrap();
    assert!(json["summary"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["speaker"] == speaker));
}

#[test]
fn a_quotation_nobody_is_named_for_stays_out_of_the_summary() {
    let story = STORY.replace(
        "Mayor Jane Smith told reporters after the vote:",
        "The vote was close.",
    );
    let brief = build_brief(&[Article::new("council", story)], &BriefOptions::default()).unwrap();
    assert!(brief.summary.iter().all(|s| !s.text.starts_with('“')));
    assert!(brief.summary.iter().all(|s| s.speaker.is_none()));
}
