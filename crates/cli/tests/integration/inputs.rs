//! The inputs users have (issue 16, items 8–12, 14 and 15): JSONL clusters briefed one per line, one
//! reader for every subcommand, YAML front matter, `{"articles": [...]}` files, `--date`, URLs and feeds
//! (fetched from a loopback server in the test), legacy encodings in JSONL, `-o` written atomically, and
//! `extract` records that name their source.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use predicates::prelude::*;

fn newsbrief() -> Command {
    Command::cargo_bin("newsbrief").unwrap()
}

const MAYOR: &str = "The mayor of Millbrook resigned on Friday after a long inquiry into the city budget. \
    Council members said the inquiry found that money for the new library had been spent on other projects.";
const MAYOR_2: &str =
    "Officials said the mayor of Millbrook resigned on Friday after an inquiry into the budget. \
    The deputy mayor will lead the city until an election in the spring.";
const STORM: &str =
    "A storm hit the coast on Sunday night and cut power to thousands of homes, the utility said. \
    Crews worked through the night to restore the lines.";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a> | News</nav>\
         <article><h1>{title}</h1><p>{body}</p><p>{body}</p></article><footer>Cookie settings</footer></body></html>"
    )
}

/// The JSON a successful command writes.
fn json_output(command: &mut Command) -> serde_json::Value {
    let out = command.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_jsonl_clusters_file_gives_one_brief_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("clusters.jsonl");
    let documents = serde_json::json!({"id": "mayor", "documents": [MAYOR, MAYOR_2],
        "summary": "A reference summary that must not be briefed."});
    let articles = serde_json::json!({"id": "storm", "articles": [
        {"text": STORM, "outlet": "Coast Daily", "published": "2024-03-04"}]});
    std::fs::write(&input, format!("{documents}\n{{not json\n{articles}\n")).unwrap();
    let out = newsbrief()
        .args(["brief", "--format", "json"])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "clusters.jsonl: line 2: not valid JSON",
        ))
        .get_output()
        .stdout
        .clone();
    let records = json_lines(&out);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "mayor");
    assert_eq!(records[0]["brief"]["sources"].as_array().unwrap().len(), 2);
    assert!(!String::from_utf8_lossy(&out).contains("reference summary"));
    assert_eq!(records[1]["id"], "storm");
    assert_eq!(records[1]["brief"]["sources"][0]["outlet"], "Coast Daily");
    // Markdown: the briefs one after another, each naming its cluster.
    let md = newsbrief()
        .arg("brief")
        .arg(&input)
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("<!-- cluster mayor -->") && md.contains("<!-- cluster storm -->"));
    assert!(!md.contains("\"documents\""));
}

#[test]
fn a_jsonl_of_single_articles_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("one.jsonl");
    std::fs::write(
        &input,
        serde_json::json!({"id": "a", "text": MAYOR}).to_string(),
    )
    .unwrap();
    newsbrief()
        .arg("brief")
        .arg(&input)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "line 1: an article, not a cluster",
        ))
        .stderr(predicate::str::contains("no usable cluster"));
}

#[test]
fn a_jsonl_line_in_windows_1252_is_decoded_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("latin.jsonl");
    let mut line = br#"{"id": "cafe", "documents": [""#.to_vec();
    line.extend_from_slice(b"The caf\xe9 on Main Street reopened on Monday after a fire, its owner Ren\xe9e Martin said.");
    line.extend_from_slice(b"\"]}\n");
    std::fs::write(&input, line).unwrap();
    let out = newsbrief()
        .args(["brief", "--format", "json"])
        .arg(&input)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "line 1: not UTF-8: decoded as windows-1252",
        ))
        .get_output()
        .stdout
        .clone();
    let records = json_lines(&out);
    assert!(records[0]["brief"]["summary"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Renée"));
}

#[test]
fn quotes_read_inputs_as_brief_does() {
    let dir = tempfile::tempdir().unwrap();
    let body = "\u{201c}We will rebuild the library,\u{201d} Mayor Ana Ruiz said on Monday.";
    std::fs::write(dir.path().join("a.html"), page("Library", body)).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "\"The budget is balanced,\" said Tom Hale, the treasurer.",
    )
    .unwrap();
    // A directory: the page through the extractor (no markup read as a quote), the text as it is.
    let quotes = json_output(
        newsbrief()
            .args(["quotes", "--format", "json"])
            .arg(dir.path()),
    );
    let quotes = quotes.as_array().unwrap();
    assert!(quotes
        .iter()
        .any(|q| q["source"] == "a.html"
            && q["text"].as_str().unwrap().starts_with("We will rebuild")));
    assert!(quotes.iter().any(|q| q["source"] == "b.txt"));
    assert!(quotes
        .iter()
        .all(|q| !q["text"].as_str().unwrap().contains('<')));
    // Standard input as `-`.
    newsbrief()
        .args(["quotes", "-"])
        .write_stdin("\"The bridge is safe,\" the engineer said.")
        .assert()
        .success()
        .stdout(predicate::str::contains("The bridge is safe"));
}

#[test]
fn front_matter_gives_outlet_date_and_url_and_offsets_stay_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mayor.md");
    let text = format!(
        "---\ntitle: Millbrook mayor resigns\noutlet: Millbrook Gazette\ndate: 2024-03-01\nurl: https://example.com/mayor\n---\n{MAYOR}\n"
    );
    std::fs::write(&file, &text).unwrap();
    let brief = json_output(newsbrief().args(["brief", "--format", "json"]).arg(&file));
    let source = &brief["sources"][0];
    assert_eq!(source["title"], "Millbrook mayor resigns");
    assert_eq!(source["outlet"], "Millbrook Gazette");
    assert_eq!(source["published"], "2024-03-01");
    assert_eq!(source["url"], "https://example.com/mayor");
    let first = &brief["summary"][0];
    let span =
        &text[first["start"].as_u64().unwrap() as usize..first["end"].as_u64().unwrap() as usize];
    assert_eq!(span, first["text"].as_str().unwrap());
    assert!(!brief.to_string().contains("---"));
}

#[test]
fn the_apis_articles_json_is_read_as_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.json");
    let body = serde_json::json!({"articles": [
        {"text": MAYOR, "title": "Mayor quits", "source": "Gazette", "published": "2024-03-01"},
        {"text": MAYOR_2, "outlet": "Courier"}], "words": 60});
    std::fs::write(&file, body.to_string()).unwrap();
    let brief = json_output(newsbrief().args(["brief", "--format", "json"]).arg(&file));
    assert_eq!(brief["sources"].as_array().unwrap().len(), 2);
    assert_eq!(brief["sources"][0]["outlet"], "Gazette");
    assert_eq!(brief["sources"][1]["outlet"], "Courier");
}

#[test]
fn date_anchors_relative_dates() {
    let text = "The council voted on Wednesday to close the old bridge for repairs. \
        Engineers had found cracks in two of its supports.";
    let brief = json_output(
        newsbrief()
            .args(["brief", "-", "--format", "json", "--date", "2017-03-02"])
            .write_stdin(text),
    );
    assert_eq!(brief["sources"][0]["published"], "2017-03-02");
    assert_eq!(brief["timeline"][0]["date"], "2017-03-01");
    assert_eq!(brief["timeline"][0]["inferred"], false);
}

/// A loopback HTTP server answering each path from `pages` (content type and body; `redirect` and a path
/// for a 301; 404 otherwise) and keeping the user agents it was sent; its address. A body served as
/// `charset=iso-8859-1` is sent in that charset.
fn serve(
    pages: HashMap<&'static str, (&'static str, String)>,
) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let agents = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&agents);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            let _ = reader.read_line(&mut request);
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                    break;
                }
                if let Some(agent) = header.to_ascii_lowercase().strip_prefix("user-agent:") {
                    seen.lock().unwrap().push(agent.trim().to_owned());
                }
            }
            let response = match pages.get(path.as_str()) {
                Some(("redirect", to)) => format!(
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
                .into_bytes(),
                Some((kind, body)) => {
                    let body: Vec<u8> = if kind.ends_with("charset=iso-8859-1") {
                        body.chars().map(|c| u8::try_from(c).unwrap_or(b'?')).collect()
                    } else {
                        body.as_bytes().to_vec()
                    };
                    let mut response = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    response.extend(body);
                    response
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
    (address, agents)
}

#[test]
fn urls_are_fetched_with_a_clear_user_agent() {
    let html = "text/html; charset=utf-8";
    let (address, agents) = serve(HashMap::from([
        ("/mayor", (html, page("Mayor resigns", MAYOR))),
        (
            "/mayor-2",
            (html, page("Mayor quits after inquiry", MAYOR_2)),
        ),
        ("/old", ("redirect", "/mayor-2".to_owned())),
    ]));
    let brief = json_output(
        newsbrief()
            .args(["brief", "--format", "json"])
            .arg(format!("{address}/mayor"))
            .arg(format!("{address}/old")),
    );
    assert_eq!(brief["sources"][0]["id"], format!("{address}/mayor"));
    assert_eq!(brief["sources"][0]["url"], format!("{address}/mayor"));
    assert_eq!(brief["sources"][0]["title"], "Mayor resigns");
    // A redirect is followed; the article keeps the address asked for and the one it was found at.
    assert_eq!(brief["sources"][1]["id"], format!("{address}/old"));
    assert_eq!(brief["sources"][1]["url"], format!("{address}/mayor-2"));
    let seen = agents.lock().unwrap().clone();
    assert!(
        !seen.is_empty() && seen.iter().all(|a| a.starts_with("newsbrief/")),
        "{seen:?}"
    );
    newsbrief()
        .arg("brief")
        .arg(format!("{address}/gone"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "newsbrief: cannot fetch {address}/gone"
        )))
        .stderr(predicate::str::contains("404"));
}

#[test]
fn a_fetched_page_is_read_in_the_charset_the_server_names() {
    // The server transcoded the page to Latin-1 and left its UTF-8 declaration in place.
    let body =
        page("Café owner sues city", MAYOR).replace("<head>", "<head><meta charset=\"utf-8\">");
    let (address, _) = serve(HashMap::from([(
        "/cafe",
        ("text/html; charset=iso-8859-1", body),
    )]));
    let brief = json_output(
        newsbrief()
            .args(["brief", "--format", "json"])
            .arg(format!("{address}/cafe")),
    );
    assert_eq!(brief["sources"][0]["title"], "Café owner sues city");
}

#[test]
fn a_feed_gives_its_items_content_or_their_pages() {
    let long =
        "The council met again on Monday and voted for the new library budget after a long night. "
            .repeat(12);
    let (address, _) = serve(HashMap::from([(
        "/mayor",
        ("text/html", page("Mayor resigns", MAYOR)),
    )]));
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Millbrook Gazette</title>\
         <item><title>Mayor resigns</title><link>{address}/mayor</link><description>Teaser.</description>\
         <pubDate>Fri, 01 Mar 2024 08:00:00 GMT</pubDate></item>\
         <item><title>Library budget passes</title><link>{address}/library</link>\
         <description><![CDATA[<p>{long}</p>]]></description></item></channel></rss>"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.xml");
    std::fs::write(&file, feed).unwrap();
    let brief = json_output(
        newsbrief()
            .args(["brief", "--format", "json", "--feed"])
            .arg(&file),
    );
    let sources = brief["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0]["id"], format!("{address}/mayor"));
    assert_eq!(sources[0]["outlet"], "Millbrook Gazette");
    assert!(sources[0]["published"]
        .as_str()
        .unwrap()
        .starts_with("2024-03-01"));
    // The second item's content is whole: read from the feed, its link not fetched (it would be a 404).
    assert_eq!(sources[1]["title"], "Library budget passes");
}

#[test]
fn output_files_are_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        format!("{MAYOR} \"We did nothing wrong,\" the mayor said."),
    )
    .unwrap();
    let conll = dir.path().join("a.conll");
    std::fs::write(
        &conll,
        "Ana NNP B-NP I-PER\nRuiz NNP I-NP I-PER\nspoke VBD B-VP O\n",
    )
    .unwrap();
    let clusters = dir.path().join("c.jsonl");
    std::fs::write(
        &clusters,
        serde_json::json!({"id": "a", "documents": [MAYOR], "summary": MAYOR_2}).to_string(),
    )
    .unwrap();
    let runs: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["brief".as_ref(), article.as_os_str()],
        vec!["entities".as_ref(), article.as_os_str()],
        vec!["quotes".as_ref(), article.as_os_str()],
        vec!["timex".as_ref(), article.as_os_str()],
        vec!["extract".as_ref(), article.as_os_str()],
        vec!["tag".as_ref(), "--conll".as_ref(), conll.as_os_str()],
        vec![
            "summarize".as_ref(),
            "--input".as_ref(),
            clusters.as_os_str(),
        ],
        vec![
            "eval".as_ref(),
            "--run".as_ref(),
            "--input".as_ref(),
            clusters.as_os_str(),
        ],
    ];
    for args in runs {
        let target = dir.path().join("out.txt");
        newsbrief()
            .args(&args)
            .arg("-o")
            .arg(&target)
            .assert()
            .success();
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(!written.is_empty(), "{args:?}");
        std::fs::remove_file(&target).unwrap();
    }
    // A failed run leaves an existing file as it was and no temporary file behind.
    let target = dir.path().join("brief.md");
    std::fs::write(&target, "old").unwrap();
    newsbrief()
        .args(["brief", "no/such/file.txt", "-o"])
        .arg(&target)
        .assert()
        .failure();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".newsbrief"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn extract_writes_one_record_per_input_naming_its_source() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), page("Mayor resigns", MAYOR)).unwrap();
    let one = newsbrief()
        .arg("extract")
        .arg(dir.path().join("a.html"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = json_lines(&one);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"], "a.html");
    assert_eq!(records[0]["title"], "Mayor resigns");
    // `--format json` is an array even for one input; `-` reads standard input.
    let array = newsbrief()
        .args(["extract", "--format", "json", "-"])
        .write_stdin(page("Storm", STORM))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let array: serde_json::Value = serde_json::from_slice(&array).unwrap();
    assert_eq!(array.as_array().unwrap().len(), 1);
    assert_eq!(array[0]["source"], "stdin");
    newsbrief()
        .args(["extract", "no/such/page.html"])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(
            "newsbrief: cannot read no/such/page.html",
        ));
}

#[test]
fn stdin_is_dash_everywhere() {
    for args in [
        vec!["entities", "-"],
        vec!["quotes", "-"],
        vec!["timex", "-"],
        vec!["extract", "-"],
        vec!["brief", "-"],
    ] {
        newsbrief()
            .args(&args)
            .write_stdin(MAYOR)
            .assert()
            .success();
    }
}

#[test]
fn html_gz_is_read_by_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.html.gz");
    let body = "\u{201c}We will rebuild the library,\u{201d} Mayor Ana Ruiz said on Monday.";
    std::fs::write(&path, gzip(page("Library", body).as_bytes())).unwrap();
    newsbrief()
        .arg("quotes")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("We will rebuild the library"));
}

/// A gzip member with one stored (uncompressed) deflate block per 65,535 bytes, so the test needs no
/// compression crate.
fn gzip(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let chunks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
