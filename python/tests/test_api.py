"""The Python API on the example story (examples/sessions-kislyak), and on bad inputs."""

import json
import os
import pathlib
import subprocess

import pytest

import newsbrief

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "sessions-kislyak"
CLI = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "newsbrief"


def example_articles():
    return [
        {"id": path.name, "text": path.read_text(encoding="utf-8")}
        for path in sorted(EXAMPLE.glob("*.txt"))
    ]


def test_brief_equals_the_cli_json_byte_for_byte():
    if not CLI.exists():
        pytest.skip("note: %s is not built (cargo build --release -p newsbrief)" % CLI)
    cli = subprocess.run(
        [str(CLI), "brief", str(EXAMPLE), "--format", "json"], capture_output=True, check=True
    ).stdout
    ours = json.dumps(newsbrief.brief(example_articles()), indent=2, ensure_ascii=False) + "\n"
    assert ours.encode("utf-8") == cli


FOCUS = "What did Sessions say about his contacts with Russian officials, and when?"


def test_focused_and_update_briefs_equal_the_cli_json():
    if not CLI.exists():
        pytest.skip("note: %s is not built (cargo build --release -p newsbrief)" % CLI)
    files = sorted(EXAMPLE.glob("*.txt"))
    articles = example_articles()

    def cli(*args):
        return subprocess.run([str(CLI), "brief", *args, "--format", "json"], capture_output=True, check=True).stdout

    def dumped(brief):
        return (json.dumps(brief, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    focused = newsbrief.brief(articles, focus=FOCUS)
    assert focused["focus"] == FOCUS
    assert dumped(focused) == cli(str(EXAMPLE), "--focus", FOCUS)
    update = newsbrief.brief(articles[2:], seen=articles[:2])
    assert sum(len(s["text"].split()) for s in update["summary"]) <= 100
    assert dumped(update) == cli(*map(str, files[2:]), "--seen", *map(str, files[:2]))


def test_bad_focus_and_seen():
    with pytest.raises(newsbrief.Error, match="focus is empty"):
        newsbrief.brief(example_articles(), focus="  ")
    with pytest.raises(TypeError):
        newsbrief.brief(example_articles(), seen="not a list")
    same = newsbrief.brief(example_articles(), seen=example_articles())
    assert same["notes"], "seen articles identical to the new ones give a note"


def test_brief_of_the_example():
    brief = newsbrief.brief(example_articles(), words=120)
    sentences = brief["summary"]
    assert sentences
    assert sum(len(s["text"].split()) for s in sentences) <= 120
    texts = [a["text"].encode("utf-8") for a in example_articles()]
    for s in sentences:
        # Offsets are byte offsets into the article's text.
        assert s["text"].split()[0].encode("utf-8") in texts[s["doc"]][s["start"] : s["end"]]
    names = [e["name"] for e in brief["entities"]]
    assert "Jeff Sessions" in names


def test_strings_are_named_by_position():
    articles = [a["text"] for a in example_articles()]
    brief = newsbrief.brief(articles)
    ids = [s["id"] for s in brief["sources"]]
    assert ids == ["doc0", "doc1", "doc2", "doc3", "doc4"]


def test_summarize_and_batch_agree():
    articles = [a["text"] for a in example_articles()]
    one = newsbrief.summarize(articles, words=100)
    assert one["summary"] == "\n".join(s["text"] for s in one["sentences"])
    batch = newsbrief.summarize_batch([articles, articles[:3]], words=100, threads=2)
    assert [b["id"] for b in batch] == ["0", "1"]
    assert batch[0]["summary"] == one["summary"]
    as_line = newsbrief.summarize_batch([{"id": "x", "documents": articles}], words=100)
    assert as_line[0]["id"] == "x" and as_line[0]["summary"] == one["summary"]


def test_extract_entities_quotes_timex():
    page = (
        "<html><head><title>Sessions met Kislyak</title></head><body><article><h1>Sessions met"
        " Kislyak</h1><p>Attorney General Jeff Sessions met the Russian ambassador on Wednesday,"
        " officials said.</p><p>\u201cI did not have communications with the Russians,\u201d"
        " Sessions said at his hearing in January.</p></article></body></html>"
    )
    article = newsbrief.extract(page, url="https://example.com/a")
    assert "Jeff Sessions" in article["text"]
    assert article["url"] == "https://example.com/a"
    assert newsbrief.extract(page.encode("utf-8"))["text"] == article["text"]
    text = article["text"]
    people = [e for e in newsbrief.entities(text) if e["kind"] == "person"]
    assert any(e["text"] == "Jeff Sessions" for e in people)
    for e in people:
        assert text.encode("utf-8")[e["start"] : e["end"]].decode("utf-8") == e["text"]
    quotes = newsbrief.quotes(text)
    assert quotes and "communications" in quotes[0]["text"]
    assert quotes[0]["speaker"] is not None
    dates = newsbrief.timex(text, date="2017-03-02")
    assert [d["value"] for d in dates if d["text"] == "Wednesday"] == ["2017-03-01"]
    import datetime

    assert newsbrief.timex(text, date=datetime.date(2017, 3, 2)) == dates


def test_bad_inputs():
    with pytest.raises(newsbrief.Error, match="empty"):
        newsbrief.brief(["   "])
    with pytest.raises(ValueError):
        newsbrief.brief([])
    with pytest.raises(newsbrief.Error, match="published"):
        newsbrief.brief([{"text": "Some text here.", "published": "yesterday"}])
    with pytest.raises(newsbrief.Error):
        newsbrief.brief([{"title": "no text"}])
    with pytest.raises(TypeError):
        newsbrief.brief("a single string")
    with pytest.raises(TypeError):
        newsbrief.brief([42])
    with pytest.raises(newsbrief.Error, match="words"):
        newsbrief.summarize(["Some text."], words=0)
    with pytest.raises(newsbrief.Error, match="cluster 2"):
        newsbrief.summarize_batch([["One story here."], {"no": "id"}])
    with pytest.raises(newsbrief.Error, match="threads"):
        newsbrief.summarize_batch([["One."]], threads=0)
    with pytest.raises(newsbrief.Error, match="YYYY-MM-DD"):
        newsbrief.timex("on Monday", date="March 2")
    assert issubclass(newsbrief.Error, ValueError)


def test_rouge155_options():
    from newsbrief.rouge import rouge155

    preds = ["the cat sat on the mat\nit was happy", "a dog barked"]
    refs = [["the cat sat on a mat", "a bird flew far away"], "the dog barked loudly"]
    out = rouge155(preds, refs)
    assert out["n"] == 2
    assert 0 < out["rouge1"]["f1"] <= 1
    low, high = out["rouge1"]["f1_ci"]
    assert low <= out["rouge1"]["f1"] <= high
    cut = rouge155(preds, refs, truncate_words=2)
    assert cut["rouge1"] != out["rouge1"]  # -l cuts predictions and references
    assert rouge155(preds, refs, multi_ref="B")["rouge1"] != out["rouge1"]
    assert rouge155(dict(enumerate(preds)), dict(enumerate(refs)))["rouge1"] == out["rouge1"]
    with pytest.raises(newsbrief.Error):
        rouge155(preds, refs, multi_ref="C")
    with pytest.raises(newsbrief.Error):
        rouge155(preds, refs[:1])
