//! The user's example story (`examples/sessions-kislyak/`): the people it is about are found
//! and their aliases merged, with the misspelling "Kisylak" flagged as a variant.

use std::path::Path;

use newsbrief_ner::{merge, EntityKind, Mention, StoryEntity, Tagger};

fn story_entities() -> Option<Vec<StoryEntity>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    let tagger = Tagger::committed().ok()?;
    let mentions: Vec<Vec<Mention>> = texts.iter().map(|text| tagger.entities(text)).collect();
    let docs: Vec<(&str, &[Mention])> = texts
        .iter()
        .zip(&mentions)
        .map(|(t, m)| (t.as_str(), m.as_slice()))
        .collect();
    Some(merge(&docs))
}

#[test]
fn example_story_people_are_merged() {
    let Some(entities) = story_entities() else {
        eprintln!("examples/sessions-kislyak not found: skipped");
        return;
    };
    for entity in entities.iter().take(40) {
        eprintln!(
            "{} [{:?}] {} {:?} {:?}",
            entity.name, entity.kind, entity.mentions, entity.docs, entity.aliases
        );
    }
    let person = |surname: &str| {
        entities
            .iter()
            .find(|e| e.kind == EntityKind::Person && e.name.ends_with(surname))
            .unwrap_or_else(|| panic!("no {surname}"))
    };
    let sessions = person("Sessions");
    assert!(sessions.docs.len() >= 4, "{sessions:?}");
    let kislyak = person("Kislyak");
    assert!(
        kislyak
            .aliases
            .iter()
            .any(|a| a.text.contains("Kisylak") && a.variant),
        "{kislyak:?}"
    );
    for surname in ["Flynn", "Franken", "Pelosi", "Warren", "Kushner"] {
        person(surname);
    }
    let sessions_entities = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.name.contains("Sessions"))
        .count();
    assert_eq!(sessions_entities, 1);
}
