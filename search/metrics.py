"""Ranking metrics for judged rankings: nDCG@k, reciprocal rank, precision and recall at k.

`ranked` is what a backend returned, best first, as document keys; `judgements`
maps keys to grades (3 perfect, 2 relevant, 1 marginal; anything missing is 0).
Used by bench/search_relevance.py and bench/similar_precision.py and tested on
hand-computed examples.
"""

import math
from collections.abc import Iterable, Mapping, Sequence


def _unique(ranked: Sequence[str]) -> list[str]:
    """The ranking with repeats dropped: a document counts once, at its best rank."""
    return list(dict.fromkeys(ranked))


def dcg(grades: Iterable[int], k: int = 10) -> float:
    """Discounted cumulative gain with exponential gain: sum (2^grade - 1) / log2(rank + 1)."""
    return sum(
        (2**grade - 1) / math.log2(rank + 1)
        for rank, grade in enumerate(grades, start=1)
        if rank <= k
    )


def ndcg_at_k(ranked: Sequence[str], judgements: Mapping[str, int], k: int = 10) -> float:
    """DCG of the first k results divided by the DCG of the best possible ranking.

    0.0 when nothing is judged relevant (nothing to find); 1.0 for an ideal ranking.
    """
    ideal = dcg(sorted((g for g in judgements.values() if g > 0), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg([judgements.get(key, 0) for key in _unique(ranked)[:k]], k) / ideal


def reciprocal_rank(
    ranked: Sequence[str], judgements: Mapping[str, int], k: int = 10, min_grade: int = 1
) -> float:
    """1/rank of the first result in the top k graded at least `min_grade`, else 0.0."""
    for rank, key in enumerate(_unique(ranked)[:k], start=1):
        if judgements.get(key, 0) >= min_grade:
            return 1.0 / rank
    return 0.0


def precision_at_k(
    ranked: Sequence[str], judgements: Mapping[str, int], k: int = 10, min_grade: int = 1
) -> float:
    """Share of the k places filled by results graded at least `min_grade`.

    Divided by k, not by the number returned: an empty place counts as a miss.
    """
    hits = sum(1 for key in _unique(ranked)[:k] if judgements.get(key, 0) >= min_grade)
    return hits / k


def recall_at_k(
    ranked: Sequence[str], judgements: Mapping[str, int], k: int = 10, min_grade: int = 1
) -> float:
    """Share of the results graded at least `min_grade` that appear in the top k (0.0 if none)."""
    wanted = {key for key, grade in judgements.items() if grade >= min_grade}
    if not wanted:
        return 0.0
    return len(wanted & set(_unique(ranked)[:k])) / len(wanted)


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0
