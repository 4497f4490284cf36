"""ROUGE from the newsbrief engine.

* :mod:`newsbrief.rouge.rouge_scorer` and :mod:`newsbrief.rouge.scoring`: a drop-in for Google's
  ``rouge-score`` 0.1.2 (``from newsbrief.rouge import rouge_scorer`` instead of
  ``from rouge_score import rouge_scorer``): the same scores, much faster.
* :func:`rouge155`: corpus scores compatible with the Perl ROUGE-1.5.5, as ``newsbrief eval
  --compat rouge155`` reports them.
"""

import json as _json

from newsbrief import _native
from newsbrief.rouge import rouge_scorer, scoring

__all__ = ["rouge_scorer", "scoring", "rouge155"]


def rouge155(
    predictions,
    references,
    *,
    truncate_words=None,
    truncate_bytes=None,
    stopwords=False,
    multi_ref="A",
    stemming=True,
    alpha=0.5,
    resamples=1000,
    confidence=95.0,
):
    """ROUGE-1.5.5-compatible scores of a corpus (``-n 4 -m -t 0 -p 0.5 -f A``, ``-2 4 -u`` for SU4).

    ``predictions``: a list of summaries (sentences one a line), or a dict id -> summary.
    ``references``: a list of the same length (or a dict with the same ids) of a reference summary
    or a list of them. Options as ``newsbrief eval --compat rouge155``: ``truncate_words`` (``-l``),
    ``truncate_bytes`` (``-b``), ``stopwords`` (``-s``), ``multi_ref`` ``"A"`` or ``"B"`` (``-f``);
    and ``stemming`` (``-m``), ``alpha`` (``-p``), ``resamples`` (``-r``), ``confidence`` (``-c``).

    Returns ``{"n": pairs, "rouge1": {"precision", "recall", "f1", "f1_ci": [low, high]}, ...}``
    for rouge1 to rouge4, rougeL, rougeLsum and rougeSU4 (fractions, rounded to 5 decimals as
    ROUGE-1.5.5 prints them). The bootstrap is ROUGE-1.5.5's, over the pairs in byte order of their
    ids (list positions are zero-padded ids, so their order is the list's).
    """
    if isinstance(predictions, dict):
        if not isinstance(references, dict) or set(references) != set(predictions):
            raise ValueError("predictions and references should be dicts with the same ids")
        ids = [str(k) for k in predictions]
        preds = list(predictions.values())
        refs = [references[k] for k in predictions]
    else:
        preds = list(predictions)
        refs = list(references)
        width = len(str(max(len(preds) - 1, 0)))
        ids = ["%0*d" % (width, i) for i in range(len(preds))]
    refs = [[r] if isinstance(r, str) else list(r) for r in refs]
    return _json.loads(
        _native.rouge155_json(
            ids,
            preds,
            refs,
            truncate_words=truncate_words,
            truncate_bytes=truncate_bytes,
            stopwords=stopwords,
            multi_ref=multi_ref,
            stemming=stemming,
            alpha=alpha,
            resamples=resamples,
            confidence=confidence,
        )
    )
