"""newsbrief.rouge against the real rouge-score 0.1.2 on more than 10,000 pairs: every type
(rouge1, rouge2, rougeL, rougeLsum), stemmer on and off, split_summaries, score_multi, a custom
tokenizer. Scores must be identical: the same floats (and rouge-score's integer zeros)."""

import pytest

from pairs import multi_pairs, whole_pairs, window_pairs

rouge_score_scorer = pytest.importorskip("rouge_score.rouge_scorer")
from newsbrief.rouge import rouge_scorer, scoring  # noqa: E402

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def assert_identical(expected, got, case):
    assert list(got) == list(expected), case
    for key in expected:
        e, g = expected[key], got[key]
        assert tuple(g) == tuple(e), (key, case, e, g)
        # Same types too (rouge-score gives int zeros for ROUGE-L of a text without tokens).
        assert [type(v) for v in g] == [type(v) for v in e], (key, case, e, g)
        assert repr(tuple(g)) == repr(tuple(e)), (key, case)


def check_pairs(pairs, **kwargs):
    reference = rouge_score_scorer.RougeScorer(TYPES, **kwargs)
    ours = rouge_scorer.RougeScorer(TYPES, **kwargs)
    for target, prediction in pairs:
        assert_identical(
            reference.score(target, prediction), ours.score(target, prediction), (target, prediction)
        )


# How many pairs each test checks (the tests may run in separate processes: pytest -n).
WINDOWS = 3500
MULTI = 1000
SPLIT = 1000
CUSTOM = 500
EDGE_CASES = [("", ""), ("", "a b"), ("a b", ""), ("...", "the cat"), ("The cat\n\n", "\nthe CAT"),
              ("İstanbul \u212aelvin", "istanbul kelvin"), ("running runs ran", "run")]


# The long checks come in PARTS interleaved slices, so that parallel workers share them evenly.
PARTS = 3


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("use_stemmer", [True, False])
def test_whole_multinews_pairs(use_stemmer, part):
    check_pairs(whole_pairs()[part::PARTS], use_stemmer=use_stemmer)


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("use_stemmer", [True, False])
def test_sentence_window_pairs(use_stemmer, part):
    check_pairs(window_pairs(WINDOWS)[part::PARTS], use_stemmer=use_stemmer)


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("use_stemmer", [True, False])
def test_score_multi(use_stemmer, part):
    reference = rouge_score_scorer.RougeScorer(TYPES, use_stemmer=use_stemmer)
    ours = rouge_scorer.RougeScorer(TYPES, use_stemmer=use_stemmer)
    cases = multi_pairs(MULTI)[part::PARTS]
    for targets, prediction in cases:
        assert_identical(
            reference.score_multi(targets, prediction),
            ours.score_multi(targets, prediction),
            (targets, prediction),
        )


def test_split_summaries(monkeypatch):
    nltk = pytest.importorskip("nltk")
    try:
        nltk.sent_tokenize("One. Two.")
    except LookupError:
        # No punkt data here (it is not on PyPI): both scorers get an untrained Punkt splitter.
        print("note: NLTK's punkt data is absent; split_summaries checked with an untrained Punkt")
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        monkeypatch.setattr(nltk, "sent_tokenize", PunktSentenceTokenizer().tokenize)
    pairs = [(t.replace("\n", " "), p.replace("\n", " ")) for t, p in window_pairs(SPLIT)]
    check_pairs(pairs, use_stemmer=True, split_summaries=True)


class WhitespaceTokenizer:
    def tokenize(self, text):
        return text.lower().split()


def test_custom_tokenizer():
    check_pairs(window_pairs(CUSTOM), tokenizer=WhitespaceTokenizer())


def test_at_least_ten_thousand_pairs():
    counted = [
        2 * len(whole_pairs()),
        2 * len(window_pairs(WINDOWS)),
        2 * len(multi_pairs(MULTI)),
        len(window_pairs(SPLIT)),
        len(window_pairs(CUSTOM)),
        len(EDGE_CASES),
    ]
    assert sum(counted) >= 10_000, counted


def test_edge_cases():
    check_pairs(EDGE_CASES, use_stemmer=True)


def test_score_multi_needs_a_target():
    with pytest.raises(ValueError):
        rouge_scorer.RougeScorer(["rouge1"]).score_multi([], "a")


def test_unknown_and_unsupported_types():
    with pytest.raises(ValueError, match="Invalid rouge type"):
        rouge_scorer.RougeScorer(["rougeX"])
    with pytest.raises(ValueError, match="positive n"):
        rouge_scorer.RougeScorer(["rouge0"])
    with pytest.raises(ValueError, match="not supported"):
        rouge_scorer.RougeScorer(["rouge5"])


def test_bootstrap_aggregator_semantics():
    from rouge_score import scoring as reference_scoring

    pairs = window_pairs(300)
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    ours, theirs = scoring.BootstrapAggregator(), reference_scoring.BootstrapAggregator()
    for target, prediction in pairs:
        s = scorer.score(target, prediction)
        ours.add_scores(s)
        theirs.add_scores(s)
    a, b = ours.aggregate(), theirs.aggregate()
    assert list(a) == list(b)
    for key in a:
        assert isinstance(a[key], scoring.AggregateScore)
        assert isinstance(a[key].mid, scoring.Score)
        for bound in ("low", "mid", "high"):
            for got, expected in zip(getattr(a[key], bound), getattr(b[key], bound)):
                # Different resamples: equal within bootstrap noise.
                assert abs(got - expected) < 0.01, (key, bound, got, expected)
        assert a[key].low.fmeasure <= a[key].mid.fmeasure <= a[key].high.fmeasure
    assert ours.aggregate() == a, "the same scores give the same intervals"


def test_bootstrap_aggregator_constant_scores_and_errors():
    agg = scoring.BootstrapAggregator()
    for _ in range(5):
        agg.add_scores({"rouge1": scoring.Score(0.5, 0.25, 1 / 3)})
    result = agg.aggregate()["rouge1"]
    assert result.low == result.mid == result.high == (0.5, 0.25, 1 / 3)
    with pytest.raises(ValueError):
        scoring.BootstrapAggregator(confidence_interval=1.5)
    with pytest.raises(ValueError):
        scoring.BootstrapAggregator(n_samples=0)
