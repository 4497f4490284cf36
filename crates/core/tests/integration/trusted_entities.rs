//! Entities and speakers a reader will trust (issue #16, item 4) and articles not in English
//! (item 13), on small articles written for the purpose: a local story with a town, a bridge, a
//! diner and its owner, a newspaper; a name misspelt once; a surname written first; a German article.

use newsbrief_core::{build_brief, render, Article, Brief, BriefOptions};

fn brief(texts: &[&str]) -> Brief {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Article::new(format!("{i}.md"), *text))
        .collect();
    build_brief(&articles, &BriefOptions::default()).expect("a brief")
}

fn kind_of<'a>(brief: &'a Brief, name: &str) -> Option<&'a str> {
    brief
        .entities
        .iter()
        .find(|e| e.name == name)
        .map(|e| e.kind)
}

fn speakers(brief: &Brief) -> Vec<&str> {
    brief.quotes.iter().map(|g| g.speaker.as_str()).collect()
}

const MILLBROOK: &str = "# Millbrook\n\nMillbrook council votes to close the Harlow Bridge\n\n\
The town of Millbrook will close the Harlow Bridge for repairs next month, the council decided on Tuesday.\n\n\
Tom Becker, who owns the Riverside Diner on Main Street, said the closure would hurt business. \
\"Half my customers cross that bridge every morning,\" Becker said.\n\n\
Mayor Janet Ortiz said the Millbrook Gazette had reported the cracks first.\n\n\
\"We cannot wait for a collapse,\" Ortiz told the Millbrook Gazette.\n\n\
U.S. officials said, \"The federal money will come.\"\n";

const MILLBROOK_2: &str = "Harlow Bridge closure splits Millbrook\n\n\
MILLBROOK — Residents of Millbrook packed the meeting on Tuesday as officials explained why the Harlow Bridge must close.\n\n\
\"It is the only road to the mill,\" said Tom Becker, owner of the Riverside Diner.\n\n\
The Millbrook Gazette first reported the cracks in March. Becker said he would keep the diner open.\n\n\
\"The bridge has been unsafe for years,\" according to a post on Weibo.\n";

#[test]
fn places_bridges_newspapers_and_diners_get_their_kinds() {
    let brief = brief(&[MILLBROOK, MILLBROOK_2]);
    assert_eq!(
        kind_of(&brief, "Millbrook"),
        Some("place"),
        "{:#?}",
        brief.entities
    );
    assert_eq!(kind_of(&brief, "Harlow Bridge"), Some("place"));
    assert_eq!(kind_of(&brief, "Millbrook Gazette"), Some("organization"));
    assert_eq!(kind_of(&brief, "Tom Becker"), Some("person"));
    assert_eq!(
        kind_of(&brief, "Janet Ortiz"),
        Some("person"),
        "titles are no part of a name"
    );
    for entity in &brief.entities {
        assert!(!entity.name.starts_with('#'), "{}", entity.name);
        assert!(
            entity.aliases.iter().all(|a| !a.text.starts_with('#')),
            "{entity:?}"
        );
        if entity.kind == "person" {
            assert!(!entity.name.contains("Diner"), "{entity:?}");
        }
    }
}

#[test]
fn only_people_and_organisations_speak() {
    let brief = brief(&[MILLBROOK, MILLBROOK_2]);
    let speakers = speakers(&brief);
    assert!(speakers.contains(&"Tom Becker"), "{speakers:?}");
    for wrong in ["U.S.", "Weibo", "Millbrook", "Harlow Bridge"] {
        assert!(!speakers.contains(&wrong), "{wrong} in {speakers:?}");
    }
}

#[test]
fn lone_names_and_misspellings_join_the_full_name() {
    let first = "Expert warns of scandal\n\n\
Dr Brian Klaas, a political scientist at University College London, said the scandal was the worst he had seen. \
\"Never has an administration been embroiled in scandal so early,\" Dr Brian Klaas said.\n\n\
\"Republicans are being put in a position where it is becoming politically impossible to ignore this,\" Dr Klass told HuffPost UK.\n";
    let second = "Teacher posts video\n\n\
Li Jifeng, a teacher in Wuhan, posted a video on Friday about the flooded school. \
\"We were not told anything,\" Li said. Li added that the pupils were safe.\n\n\
The video was shared by Dr Klaas, who called it important.\n";
    let brief = brief(&[first, second]);
    let names: Vec<&str> = brief.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Klass"), "{names:?}");
    assert!(!names.contains(&"Li"), "{names:?}");
    let speakers = speakers(&brief);
    assert!(!speakers.contains(&"Klass"), "{speakers:?}");
    assert!(!speakers.contains(&"Li"), "{speakers:?}");
    assert!(speakers.contains(&"Brian Klaas"), "{speakers:?}");
    assert!(speakers.contains(&"Li Jifeng"), "{speakers:?}");
}

#[test]
fn a_misspelt_full_name_is_not_the_canonical_one() {
    let first = "Sanctions approved\n\n\
The sanctions were opposed by former President Barrack Obama last year. \
On December 29, 2016, sanctions on Russia were approved by Obama.\n";
    let second = "Diplomats expelled\n\n\
Flynn spoke with the ambassador after the Obama administration unveiled new sanctions against Russia.\n";
    let brief = brief(&[first, second]);
    let obama = brief
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| a.text.contains("Obama")))
        .expect("Obama");
    assert_eq!(obama.name, "Obama", "{obama:?}");
}

const GERMAN: &str = "Bundesregierung beschließt neues Klimagesetz\n\n\
Die Bundesregierung hat am Dienstag ein neues Klimagesetz beschlossen. Bundeskanzler Olaf Scholz sagte in Berlin, \
das Gesetz sei ein wichtiger Schritt für den Klimaschutz. Die Opposition kritisierte den Entwurf als unzureichend.\n\n\
„Wir müssen jetzt handeln“, sagte Scholz am Dienstag vor Journalisten. Umweltverbände begrüßten die Entscheidung, \
forderten aber schärfere Maßnahmen. Am Mittwoch soll der Bundestag über das Gesetz beraten.\n";

#[test]
fn an_article_not_in_english_is_summarised_with_a_note() {
    let brief = brief(&[GERMAN]);
    assert!(!brief.summary.is_empty());
    assert!(brief.entities.is_empty(), "{:?}", brief.entities);
    assert!(brief.quotes.is_empty());
    assert!(brief.timeline.is_empty());
    assert_eq!(brief.languages.len(), 1);
    assert_eq!(brief.languages[0].code, "deu");
    let note = brief.language_note.as_deref().unwrap_or_default();
    assert!(note.contains("German"), "{note}");
    assert!(render::markdown(&brief).contains(note));
    let json = serde_json::to_value(&brief).expect("json");
    assert_eq!(json["languages"][0]["name"], "German");
}

#[test]
fn english_briefs_carry_no_language_note() {
    let brief = brief(&[MILLBROOK, MILLBROOK_2]);
    assert!(brief.languages.is_empty());
    assert_eq!(brief.language_note, None);
    let json = serde_json::to_value(&brief).expect("json");
    assert!(json.get("languages").is_none() && json.get("language_note").is_none());
}
