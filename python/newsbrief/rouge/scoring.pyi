import abc
from typing import Any, Dict, Mapping, NamedTuple

class Score(NamedTuple):
    precision: float
    recall: float
    fmeasure: float

class AggregateScore(NamedTuple):
    low: Any
    mid: Any
    high: Any

class BaseScorer(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def score(self, target: str, prediction: str) -> Dict[str, Score]: ...

class BootstrapAggregator:
    def __init__(self, confidence_interval: float = 0.95, n_samples: int = 1000) -> None: ...
    def add_scores(self, scores: Mapping[str, Any]) -> None: ...
    def aggregate(self) -> Dict[str, AggregateScore]: ...

def fmeasure(precision: float, recall: float) -> float: ...
