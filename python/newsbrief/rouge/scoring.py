"""Drop-in for ``rouge_score.scoring`` (rouge-score 0.1.2): ``Score``, ``AggregateScore``,
``BaseScorer``, ``BootstrapAggregator`` and ``fmeasure``.

``BootstrapAggregator`` computes what rouge-score's does: for each score type and measure, the
``(1 - confidence_interval) / 2``, 50 % and ``1 - (1 - confidence_interval) / 2`` percentiles
(NumPy's linear interpolation) of the means of ``n_samples`` bootstrap resamples of the scores
added. rouge-score draws the resamples from NumPy's global random state, so its intervals change
from run to run unless ``numpy.random.seed`` is called; here the resamples come from a generator
seeded by the resample's number, so the same scores always give the same intervals. They differ
from a given rouge-score run by bootstrap noise only (as two unseeded rouge-score runs differ);
``mid`` is the median of the resample means in both.
"""

import abc
import collections

from newsbrief import _native

__all__ = ["Score", "AggregateScore", "BaseScorer", "BootstrapAggregator", "fmeasure"]


class Score(collections.namedtuple("Score", ["precision", "recall", "fmeasure"])):
    """Tuple containing precision, recall, and f-measure values."""


class BaseScorer(object, metaclass=abc.ABCMeta):
    """Base class for Scorer objects."""

    @abc.abstractmethod
    def score(self, target, prediction):
        """Calculates score between the target and prediction (a dict score type -> Score)."""


class AggregateScore(collections.namedtuple("AggregateScore", ["low", "mid", "high"])):
    """Tuple containing confidence intervals for scores."""


class BootstrapAggregator(object):
    """Aggregates scores to provide confidence intervals (rouge-score's API).

    Sample usage::

        scorer = rouge_scorer.RougeScorer(['rouge1', 'rougeL'])
        aggregator = scoring.BootstrapAggregator()
        aggregator.add_scores(scorer.score("one two three", "one two"))
        aggregator.add_scores(scorer.score("one two five six", "seven eight"))
        result = aggregator.aggregate()  # {'rouge1': AggregateScore(low=..., mid=..., high=...), ...}
    """

    def __init__(self, confidence_interval=0.95, n_samples=1000):
        if confidence_interval < 0 or confidence_interval > 1:
            raise ValueError("confidence_interval must be in range [0, 1]")
        if n_samples <= 0:
            raise ValueError("n_samples must be positive")
        self._n_samples = n_samples
        self._confidence_interval = confidence_interval
        self._scores = collections.defaultdict(list)

    def add_scores(self, scores):
        """Adds a sample: a dict mapping score types to namedtuple scores."""
        for score_type, score in scores.items():
            self._scores[score_type].append(score)

    def aggregate(self):
        """A dict mapping each score type to an ``AggregateScore(low, mid, high)``."""
        result = {}
        for score_type, scores in self._scores.items():
            columns = [[float(v) for v in column] for column in zip(*scores)]
            intervals = _native.bootstrap_intervals(
                columns, self._n_samples, float(self._confidence_interval)
            )
            cls = scores[0].__class__
            low, mid, high = (cls(*(interval[j] for interval in intervals)) for j in range(3))
            result[score_type] = AggregateScore(low=low, mid=mid, high=high)
        return result


def fmeasure(precision, recall):
    """Computes f-measure given precision and recall values."""
    if precision + recall > 0:
        return 2 * precision * recall / (precision + recall)
    else:
        return 0.0
