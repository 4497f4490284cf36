from typing import Any, Dict, List, Optional, Sequence

from newsbrief.rouge.scoring import BaseScorer, Score

class RougeScorer(BaseScorer):
    rouge_types: Sequence[str]
    def __init__(
        self,
        rouge_types: Sequence[str],
        use_stemmer: bool = False,
        split_summaries: bool = False,
        tokenizer: Optional[Any] = None,
    ) -> None: ...
    def score(self, target: str, prediction: str) -> Dict[str, Score]: ...
    def score_multi(self, targets: Sequence[str], prediction: str) -> Dict[str, Score]: ...
