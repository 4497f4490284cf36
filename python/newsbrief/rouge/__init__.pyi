from typing import Any, Dict, Mapping, Optional, Sequence, Union

from newsbrief.rouge import rouge_scorer as rouge_scorer
from newsbrief.rouge import scoring as scoring

References = Union[str, Sequence[str]]

def rouge155(
    predictions: Union[Sequence[str], Mapping[Any, str]],
    references: Union[Sequence[References], Mapping[Any, References]],
    *,
    truncate_words: Optional[int] = None,
    truncate_bytes: Optional[int] = None,
    stopwords: bool = False,
    multi_ref: str = "A",
    stemming: bool = True,
    alpha: float = 0.5,
    resamples: int = 1000,
    confidence: float = 95.0,
) -> Dict[str, Any]: ...
