"""newsbrief: sourced briefs of news stories, from the newsbrief Rust engine.

Every function is a thin wrapper: the arguments are handed to the Rust library (which runs with the
GIL released) and its JSON comes back as Python dicts and lists. Byte offsets (``start``/``end``)
point into the UTF-8 bytes of the text given. Inputs the library cannot use raise
:class:`newsbrief.Error`, a :class:`ValueError`, with the library's message.
"""

import json as _json

from newsbrief import _native
from newsbrief._native import Error

__all__ = [
    "Error",
    "brief",
    "summarize",
    "summarize_batch",
    "extract",
    "entities",
    "quotes",
    "timex",
]


def _article_objects(articles):
    """Articles as the JSON array of article objects the core reads (a string is ``{"text": ...}``)."""
    if isinstance(articles, (str, bytes, dict)):
        raise TypeError("articles should be a list of strings or dicts, not a single article")
    objects = []
    for article in articles:
        if isinstance(article, str):
            objects.append({"text": article})
        elif isinstance(article, dict):
            objects.append(article)
        else:
            raise TypeError(
                "an article is a str or a dict with id/text/html/title/outlet/published/url, "
                "not %s" % type(article).__name__
            )
    return _json.dumps(objects, ensure_ascii=False)


def brief(articles, *, words=None, focus=None, seen=None):
    """The brief of one story: the same JSON as ``newsbrief brief --format json``, as a dict.

    ``articles`` is a list of article texts (str) or article dicts with ``id``, ``text`` or ``html``,
    and optional ``title``, ``outlet``, ``published`` (a date or RFC 3339 time) and ``url``. Articles
    without an id are named ``doc0``, ``doc1``, ... by position, as in a clusters file.
    ``words`` is the word budget of the summary: 250 by default, 100 for an update brief.
    ``focus`` is a question the brief answers (``--focus``: the summary, then the entities, quotes and
    timeline entries that bear on it first; an empty focus raises :class:`Error`).
    ``seen`` lists the articles the reader has already read, as ``articles`` (``--seen``; ids default
    to ``seen0``, ``seen1``, ...): the brief says what is new in ``articles``.

    ``json.dumps(brief(...), indent=2, ensure_ascii=False) + "\\n"`` is the CLI's output byte for byte.
    """
    return _json.loads(
        _native.brief_json(
            _article_objects(articles),
            words=words,
            focus=focus,
            seen_json=None if seen is None else _article_objects(seen),
        )
    )


def summarize(documents, *, words=250):
    """The extractive summary of one story: ``{"summary": text, "sentences": [...]}``.

    ``documents`` as ``articles`` of :func:`brief`; each sentence gives ``doc`` (the article's
    index), its byte span ``start``/``end`` and ``support`` (other articles reporting it); a sentence that
    is nothing but a quotation also gives ``speaker`` (who its article says said it).
    """
    return _json.loads(_native.summarize_json(_article_objects(documents), words=words))


def _cluster_line(index, cluster):
    if isinstance(cluster, dict):
        return _json.dumps(cluster, ensure_ascii=False)
    if isinstance(cluster, (str, bytes)):
        raise TypeError("a cluster is a list of documents or a dict, not a single string")
    return '{"id": %s, "articles": %s}' % (_json.dumps(str(index)), _article_objects(cluster))


def summarize_batch(clusters, *, words=250, threads=None):
    """Summaries of many stories on all cores (or ``threads`` of them), in input order.

    Each cluster is a list of documents (as :func:`summarize` takes), or a dict in the form of a
    line of the CLI's JSONL clusters (``{"id", "documents": [...]}``, ``{"id", "articles": [...]}``
    or Multi-News's ``{"id", "document": "a ||||| b"}``). Returns one dict per cluster, as the
    lines of ``newsbrief summarize``: ``{"id", "summary", "sentences"}`` (a list cluster's id is its
    position). The first cluster that gives no summary raises :class:`Error` naming it.
    """
    lines = [_cluster_line(i, c) for i, c in enumerate(clusters)]
    return _json.loads(_native.summarize_batch_json(lines, words=words, threads=threads))


def extract(html, url=None):
    """The article of a web page: ``{"title", "authors", "published", "site", "url", "language",
    "text", "warnings"}``.

    ``html`` is the page as text, or its bytes (HTML in any declared or detected charset, gzip or
    WARC: the first article). ``url`` is the page's address, used when it declares no canonical URL.
    """
    if isinstance(html, (bytes, bytearray, memoryview)):
        return _json.loads(_native.extract_json(data=bytes(html), url=url))
    return _json.loads(_native.extract_json(html=html, url=url))


def entities(text):
    """The named entities of a text: ``[{"text", "kind", "start", "end"}]`` in text order
    (kind: person, organization, place or other)."""
    return _json.loads(_native.entities_json(text))


def quotes(text):
    """The direct quotes of a text, with their cue verb and speaker: ``[{"span", "text", "speaker",
    "cue", "partial"}]``."""
    return _json.loads(_native.quotes_json(text))


def timex(text, date=None):
    """The time expressions of a text, TIMEX3 style: ``[{"text", "start", "end", "type", "value",
    "precision", "modifier", "anchored_on_inferred"}]``. Relative ones ("Wednesday") are resolved
    against ``date`` (``"YYYY-MM-DD"`` or a :class:`datetime.date`), else against the date the text
    implies."""
    if date is not None and not isinstance(date, str):
        date = date.isoformat()[:10]
    return _json.loads(_native.timex_json(text, date))
