"""Evidence: the sentences inside the retrieved chunks that bear on a question, with exact offsets,
scored by meaning (cosine to the question) plus the question's rare words they share, best first,
spread across documents and numbered from 1 for the prompt."""

from __future__ import annotations

from collections.abc import Sequence

from .embedder import Embedder
from .injection import instruction_reason
from .models import Passage, SearchResult
from .retrieve import spread_across_documents
from .settings import Settings
from .text import is_heading, sentence_passages, sentences_with_context, tokenize


def candidate_sentences(results: Sequence[SearchResult]) -> list[tuple[Passage, str]]:
    """Every sentence inside the retrieved chunks, once, with offsets into its article, with its context;
    never a sentence addressed to an AI system (service/injection.py)."""
    seen: set[tuple[str, int]] = set()
    candidates = []
    for result in results:
        passages = sentence_passages(result.doc_id, result.title, result.text, offset=result.start)
        for passage, context in sentences_with_context(passages):
            if (passage.doc_id, passage.start) not in seen and not instruction_reason(passage.quote):
                seen.add((passage.doc_id, passage.start))
                candidates.append((passage, context))
    return candidates


def keyword_overlap(question: str, sentence: str, idf: dict[str, float]) -> float:
    """Share of the question's terms found in the sentence, each weighted by its rarity in the corpus."""
    wanted = set(tokenize(question))
    if not wanted:
        return 0.0
    rarest = max(idf.values(), default=1.0)
    weight = {term: max(idf.get(term, rarest), 0.1) for term in wanted}
    found = wanted & set(tokenize(sentence))
    return sum(weight[t] for t in found) / sum(weight.values())


def drop_near_duplicates(passages: Sequence[Passage], threshold: float = 0.8) -> list[Passage]:
    """Keep the first of sentences that repeat one another (articles often restate a key figure)."""
    kept: list[tuple[Passage, set[str]]] = []
    for passage in passages:
        words = set(tokenize(passage.quote))
        if all(len(words & other) / max(1, min(len(words), len(other))) < threshold for _, other in kept):
            kept.append((passage, words))
    return [p for p, _ in kept]


def select_evidence(
    question: str,
    candidates: Sequence[tuple[Passage, str]],
    embedder: Embedder,
    settings: Settings,
    idf: dict[str, float],
) -> list[Passage]:
    """Among (sentence, context) candidates, the sentences that bear on the question, best first, spread
    across documents, numbered from 1."""
    if not candidates:
        return []
    vectors = embedder.embed([question] + [context for _, context in candidates])
    question_vector = vectors[0]
    weight = settings.evidence_keyword_weight
    for (passage, context), vector in zip(candidates, vectors[1:], strict=True):
        cosine = sum(a * b for a, b in zip(question_vector, vector, strict=True))
        passage.score = round(cosine + weight * keyword_overlap(question, context, idf), 4)
    relevant = [
        p for p, _ in candidates if p.score >= settings.evidence_min_score and not is_heading(p.quote)
    ]
    relevant = drop_near_duplicates(sorted(relevant, key=lambda p: p.score, reverse=True))
    spread = spread_across_documents(
        [(p, p.score) for p in relevant], settings.evidence_max, settings.max_per_document
    )
    return [p.model_copy(update={"n": i}) for i, (p, _) in enumerate(spread, start=1)]
