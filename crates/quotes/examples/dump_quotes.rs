fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).unwrap_or_default();
    let text = match args
        .get(1)
        .and_then(|n| newsbrief_quotes::perturb::Perturbation::from_name(n))
    {
        Some(p) => newsbrief_quotes::perturb::rewrite(&text, p).text,
        None => text,
    };
    for q in newsbrief_quotes::extract(&text, &[]) {
        println!(
            "{}..{} partial={} who={:?} cue={:?} | {}",
            q.span.start,
            q.span.end,
            q.partial,
            q.speaker.map(|s| s.text),
            q.cue.map(|c| c.text(&text).to_string()),
            q.text.chars().take(80).collect::<String>()
        );
    }
}
