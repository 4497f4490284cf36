"""Drop-in for ``rouge_score.rouge_scorer`` (rouge-score 0.1.2), computed by newsbrief's Rust port.

``RougeScorer(rouge_types, use_stemmer=False, split_summaries=False, tokenizer=None)`` with
``score(target, prediction)`` and ``score_multi(targets, prediction)`` returns the same dicts of
:class:`~newsbrief.rouge.scoring.Score` namedtuples as rouge-score 0.1.2: rouge-score's tokenizer
(lowercase, runs of ``[a-z0-9]``), NLTK's Porter stemmer on tokens longer than 3 characters when
``use_stemmer``, ROUGE-Lsum over the ``\\n``-separated lines, and for ``score_multi`` the target with
the best F per type (the first on ties).

Differences: rouge types are ``rouge1`` to ``rouge4``, ``rougeL`` and ``rougeLsum`` (rouge-score
also counts ``rouge5`` to ``rouge9``); an unknown type raises ``ValueError`` when the scorer is made,
not at its first score. ``split_summaries=True`` splits ROUGE-Lsum's sentences with
``nltk.sent_tokenize`` as rouge-score does (so it needs ``nltk`` and its ``punkt`` data). A custom
``tokenizer`` (an object with ``tokenize(text) -> list of str``) is called from Python, as rouge-score
calls it, and only the counting runs in Rust: correct, but much slower than the built-in tokenizer.
"""

from newsbrief import _native
from newsbrief.rouge import scoring

__all__ = ["RougeScorer"]


class RougeScorer(scoring.BaseScorer):
    """Calculate rouges scores between two blobs of text.

    Sample usage::

        scorer = RougeScorer(['rouge1', 'rougeL'], use_stemmer=True)
        scores = scorer.score('The quick brown fox jumps over the lazy dog',
                              'The quick brown dog jumps on the log.')
    """

    def __init__(self, rouge_types, use_stemmer=False, split_summaries=False, tokenizer=None):
        self.rouge_types = rouge_types
        self._tokenizer = tokenizer if tokenizer else None
        self._split_summaries = split_summaries
        # A custom tokenizer's tokens reach Rust as placeholder words counted unstemmed.
        self._native = _native.NativeRougeScorer(
            list(rouge_types),
            bool(use_stemmer) and self._tokenizer is None,
            scoring.Score,
        )
        self._lsum = "rougeLsum" in rouge_types
        self._token_ids = {}

    def score(self, target, prediction):
        """Calculates rouge scores between the target and prediction: a dict type -> Score."""
        return self.score_multi([target], prediction)

    def score_multi(self, targets, prediction):
        """Calculates rouge scores between the targets and prediction, keeping per type the
        target with the maximum f-measure."""
        targets = list(targets)
        if self._tokenizer is None and not self._split_summaries:
            return self._native.score(targets, prediction)
        lsum_targets = [self._lsum_text(t) for t in targets] if self._lsum else None
        lsum_prediction = self._lsum_text(prediction) if self._lsum else None
        if self._tokenizer is not None:
            targets = [self._tokens_text(t) for t in targets]
            prediction = self._tokens_text(prediction)
        return self._native.score(targets, prediction, lsum_targets, lsum_prediction)

    def _sentences(self, text):
        """rouge-score's ROUGE-Lsum sentences of a text."""
        if self._split_summaries:
            import nltk

            sentences = nltk.sent_tokenize(text)
        else:
            sentences = text.split("\n")
        return [s for s in sentences if len(s)]

    def _lsum_text(self, text):
        """The text the Rust scorer reads as those sentences, one a line."""
        sentences = self._sentences(text)
        if self._tokenizer is not None:
            return "\n".join(self._tokens_text(s) for s in sentences)
        # Line breaks inside a sentence separate tokens as a space does.
        return "\n".join(s.replace("\n", " ") for s in sentences)

    def _tokens_text(self, text):
        """The custom tokenizer's tokens of ``text``, each as a placeholder word (``t<id>``)."""
        ids = self._token_ids
        words = []
        for token in self._tokenizer.tokenize(text):
            number = ids.get(token)
            if number is None:
                number = ids[token] = len(ids)
            words.append("t%d" % number)
        return " ".join(words)
