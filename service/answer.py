"""Question → grounded answer: retrieve → evidence → (abstain?) → generate → verify → regenerate once →
extractive fallback. The model writes; this module decides what may be shown.

Verification rules (all must hold, else the answer is regenerated once, then replaced):
  * the answer cites at least one passage, and every [n] is a passage that was shown to the model;
  * every number in the answer occurs in a passage it cites;
  * it cites at least one of the TOP_CITED best passages (a small model likes to cite a random one);
  * it is a sentence, not a bare "[2]", says more than the question did (a yes or no counts), and does
    not repeat the prompt ("Passages: [1] …");
  * a "how many" question gets a number.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .assertions import find_assertion_disagreements, llm_judge
from .citations import (
    CITATION,
    check_quotes,
    cited_numbers,
    normalize_citations,
    numbered,
    numbers_in,
    renumber,
)
from .claims import question_frame
from .crosscheck import as_disagreement, cross_check, lead_sentence, leading
from .disagreements import Vocabulary, about_question, find_disagreements
from .evidence import candidate_sentences, select_evidence
from .llm import TokenHook, generate
from .models import Answer, Claim, Disagreement, Passage
from .prompts import load_prompt
from .retrieve import Retriever
from .settings import Settings
from .text import STOPWORDS, check_query, stem, tokenize

TOP_CITED = 3
QUANTITY_QUESTION = re.compile(r"\bhow (many|much)\b", re.IGNORECASE)
YES_NO_QUESTION = re.compile(r"^\s*(is|are|was|were|do|does|did|has|have|had|can|could|will|would)\b", re.I)
YES_NO_ANSWER = re.compile(r"^\W*(yes|no)\b", re.IGNORECASE)
PROMPT_ECHO = re.compile(r"^\s*(Passages|Question|Answer)\s*:", re.MULTILINE)


@dataclass
class Verdict:
    cited: list[int]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# --- verification --------------------------------------------------------------------------------


def verify(answer: str, question: str, evidence: Sequence[Passage]) -> Verdict:
    verdict = Verdict(cited=cited_numbers(answer))
    by_n = {p.n: p for p in evidence}
    words = CITATION.sub(" ", answer).split()
    if len(words) < 3:
        verdict.problems.append("the answer is not a sentence")
    if not verdict.cited:
        verdict.problems.append("the answer cites no passage")
    unknown = [n for n in verdict.cited if n not in by_n]
    if unknown:
        verdict.problems.append(f"passage {unknown[0]} does not exist")
    spans = " ".join(by_n[n].quote for n in verdict.cited if n in by_n)
    missing = sorted(numbers_in(answer) - numbers_in(spans))
    if missing:
        verdict.problems.append(f"{', '.join(missing)} does not occur in the cited passages")
    if verdict.cited and not any(n <= TOP_CITED for n in verdict.cited):
        verdict.problems.append(f"it cites none of passages 1-{TOP_CITED}, the most relevant")
    says_yes_or_no = YES_NO_QUESTION.match(question) and YES_NO_ANSWER.match(answer)
    if not set(tokenize(CITATION.sub(" ", answer))) - set(tokenize(question)) and not says_yes_or_no:
        verdict.problems.append("the answer only restates the question")
    if PROMPT_ECHO.search(answer):
        verdict.problems.append("the answer repeats the prompt")
    if QUANTITY_QUESTION.search(question) and not numbers_in(answer):
        verdict.problems.append("the question asks for a number and the answer gives none")
    return verdict


# --- abstention ----------------------------------------------------------------------------------


QUESTION_OPENERS = {
    "how",
    "what",
    "which",
    "who",
    "whom",
    "when",
    "where",
    "why",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "according",
    "in",
    "on",
}
CALENDAR = set(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


def required_terms(question: str) -> tuple[str | None, list[str]]:
    """Words an answer cannot do without: (what a 'how many' question counts, the names it uses)."""
    counted = None
    if match := QUANTITY_QUESTION.search(question):
        after = question[match.end() :].split()
        head = next((w for w in after[:4] if w.lower().endswith("s") and w.lower() not in STOPWORDS), None)
        counted = head.strip("?,.").lower() if head else None
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", question)
    names = [
        word.lower()
        for i, word in enumerate(words)
        if i > 0 and word[0].isupper() and word.lower() not in QUESTION_OPENERS | CALENDAR | STOPWORDS
    ]
    return counted, list(dict.fromkeys(names))


def is_covered(term: str, evidence_terms: set[str], synonyms: Sequence[frozenset[str]] = ()) -> bool:
    """The term, or a word of its lexicon group (stemmed), is among the evidence's terms."""
    root = stem(term.removesuffix("'s").removesuffix("’s"))
    roots = {root} | {stem(w) for group in synonyms if root in {stem(x) for x in group} for w in group}
    return any(t.startswith(r) or (len(t) >= 4 and r.startswith(t)) for r in roots for t in evidence_terms)


def abstain_reason(
    question: str,
    evidence: Sequence[Passage],
    check_terms: bool = True,
    synonyms: Sequence[frozenset[str]] = (),
) -> str | None:
    """Why the evidence cannot answer the question, or None. With check_terms: what a 'how many' question
    counts must be in the evidence (or its titles), and so must all its names — one in four may be missing
    when a question names many things (sources, outlets) that passages need not repeat."""
    if not evidence:
        return "no passage in the articles is relevant enough"
    if not check_terms:
        return None
    evidence_terms = {t for p in evidence for t in tokenize(f"{p.title} {p.quote}")}
    counted, names = required_terms(question)
    missing = [counted] if counted and not is_covered(counted, evidence_terms, synonyms) else []
    missing_names = [name for name in names if not is_covered(name, evidence_terms, synonyms)]
    if len(missing_names) > len(names) // 4:
        missing += missing_names
    if missing:
        return "none of the relevant passages mentions " + " or ".join(f"“{t}”" for t in missing)
    return None


# --- the pipeline --------------------------------------------------------------------------------


def extractive_answer(question: str, evidence: Sequence[Passage]) -> str:
    """The best evidence sentence, verbatim, cited: always grounded, never invented."""
    best = evidence[0]
    if QUANTITY_QUESTION.search(question):
        best = next((p for p in evidence[:TOP_CITED] if numbers_in(p.quote)), best)
    return f"{' '.join(best.quote.split())} [{best.n}]"


# --- disagreements ----------------------------------------------------------------------------------


def relevant_disagreements(
    question: str,
    answer: str,
    claims: Sequence[Claim],
    evidence: Sequence[Passage],
    vocabulary: Vocabulary,
    window: int,
) -> list[Disagreement]:
    """The conflicts and updates about what the question asks for, and those about a figure the answer
    itself states from a passage it cites. "Who is the mayor?" gets none."""
    found = find_disagreements(claims, vocabulary, window)
    asked = about_question(question_frame(question), found, vocabulary)
    cited_n = set(cited_numbers(answer))
    cited = {(p.doc_id, p.start) for p in evidence if p.n in cited_n}
    stated = numbers_in(answer)
    return asked + [
        d
        for d in found
        if d not in asked
        and any((c.doc_id, c.start) in cited and numbers_in(c.value) & stated for c in d.claims)
    ]


def by_documents(evidence: Sequence[Passage]) -> dict[str, list[Passage]]:
    """The evidence grouped by document, documents in the order of their best passage."""
    grouped: dict[str, list[Passage]] = {}
    for passage in evidence:
        grouped.setdefault(passage.doc_id, []).append(passage)
    return grouped


def describe_disagreements(
    disagreements: Sequence[Disagreement], evidence: Sequence[Passage]
) -> tuple[str, list[Passage]]:
    """A sentence per disagreement giving every figure (or answer) with its citation, and the passages it
    cites beyond the evidence (numbered after it)."""
    numbers = {(p.doc_id, p.start): p.n for p in evidence}
    extra: list[Passage] = []

    def cite(claim: Claim, reuse: bool) -> int:
        key = (claim.doc_id, claim.start)
        restated = next((p for p in evidence if p.doc_id == claim.doc_id and claim.value in p.quote), None)
        if key not in numbers and restated and reuse:  # articles repeat key figures: cite the passage shown
            numbers[key] = restated.n
        if key not in numbers:
            numbers[key] = len(evidence) + len(extra) + 1
            extra.append(
                Passage(
                    n=numbers[key],
                    doc_id=claim.doc_id,
                    title=claim.title or claim.doc_id,
                    start=claim.start,
                    end=claim.end,
                    quote=claim.quote,
                )
            )
        return numbers[key]

    sentences = []
    for disagreement in disagreements:
        if disagreement.kind == "answers":  # one entry per answer, citing every document that gives it
            cites: dict[str, list[int]] = {}
            for claim in disagreement.claims:
                cites.setdefault(claim.value, []).append(cite(claim, reuse=False))
            items = [f"{value} {''.join(f'[{n}]' for n in dict.fromkeys(ns))}" for value, ns in cites.items()]
        else:
            items = [
                describe_claim(claim, disagreement.kind, cite(claim, reuse=True))
                for claim in disagreement.claims
            ]
        opening = "Over time" if disagreement.kind == "update" else "The sources differ on"
        sentences.append(f"{opening} {disagreement.topic}: {'; '.join(items)}.")
    return " ".join(sentences), extra


def describe_claim(claim: Claim, kind: str, n: int) -> str:
    """ "around 10,000 (the ministry) [2]"; in a timeline "120 on 2026-03-02 [1]"."""
    qualifier = f"{claim.qualifier} " if claim.qualifier else ""
    who = f" ({claim.source})" if claim.source and kind != "update" else ""
    when = f" on {claim.date}" if kind == "update" and claim.date else ""
    return f"{qualifier}{claim.value}{when}{who} [{n}]"


@dataclass
class Answerer:
    settings: Settings
    retriever: Retriever
    chat: Callable[[], object]  # returns the chat model; called only when the model is needed
    model_name: str
    article_text: Callable[[str], str]
    claims_of: Callable[[Sequence[str]], list[Claim]]  # the claims of these documents (from the index)
    vocabulary: Vocabulary

    def ask(self, question: str, k: int | None = None, on_token: TokenHook | None = None) -> Answer:
        started = time.perf_counter()
        question = check_query(question, self.settings.max_query_chars)
        results = self.retriever.search(question, k or self.settings.ask_k)
        sentences = candidate_sentences(results)
        evidence = select_evidence(
            question, sentences, self.retriever.embedder, self.settings, self.retriever.idf()
        )
        claims = self.claims_of(list(dict.fromkeys(r.doc_id for r in results)))
        timings = {"retrieve": ms_since(started)}
        return self.answer(question, evidence, claims, on_token, timings, started, sentences=sentences)

    def answer(
        self,
        question: str,
        evidence: Sequence[Passage],
        claims: Sequence[Claim],
        on_token: TokenHook | None = None,
        timings: dict[str, int] | None = None,
        started: float | None = None,
        article_text: Callable[[str], str] | None = None,
        sentences: Sequence[tuple[Passage, str]] = (),
        by_document: dict[str, list[Passage]] | None = None,
    ) -> Answer:
        """Answer from numbered evidence (1…n, best first) and the claims around it. Used by ask(), and
        directly by evaluations that bring their own passages (article_text then looks them up).
        sentences: (passage, context) around the evidence, searched for contradicting assertions.
        by_document: each document's own best sentences, asked one by one (default: the evidence's)."""
        started = started or time.perf_counter()
        timings = timings if timings is not None else {}
        reason = abstain_reason(
            question, evidence, self.settings.abstain_on_missing_terms, self.vocabulary.lexicon
        )
        if reason:
            return self._abstain(question, reason, timings, started)
        generating = time.perf_counter()
        text, verdict = self._generate_verified(question, evidence, on_token)
        timings["generate"] = ms_since(generating)
        # after the answer, so its first token is not kept waiting by the judge's calls
        if not verdict.ok:
            text = extractive_answer(question, evidence)
        disagreements = relevant_disagreements(
            question, text, claims, evidence, self.vocabulary, self.settings.conflict_window_days
        )
        disagreements += find_assertion_disagreements(
            sentences,
            self.retriever.embedder.embed,
            self.judge(),
            must_include={(p.doc_id, p.start) for p in evidence},
            limit=2,
        )
        answers = cross_check(question, by_document or by_documents(evidence), self._ask_model, self.settings)
        if conflict := as_disagreement(answers):
            disagreements.insert(0, conflict)
        differ, extra = describe_disagreements(disagreements, evidence)
        if conflict:  # the answer most documents give leads; every answer is listed after it
            text = lead_sentence(leading(answers, text), [*evidence, *extra])
        text, citations = renumber(f"{text} {differ}".strip(), [*evidence, *extra])
        check_quotes(citations, article_text or self.article_text)
        timings["total"] = ms_since(started)
        model = self.model_name if verdict.ok else f"extractive fallback (after {self.model_name})"
        return Answer(
            question=question,
            answer=text,
            abstained=False,
            citations=citations,
            disagreements=disagreements,
            model=model,
            timings_ms=timings,
        )

    def judge(self):
        return llm_judge(self._ask_model, self.settings.prompts_dir)

    def _ask_model(self, system: str, user: str) -> str:
        return generate(self.chat(), system, user)

    def _generate_verified(
        self, question: str, evidence: Sequence[Passage], on_token: TokenHook | None
    ) -> tuple[str, Verdict]:
        system, user = load_prompt("answer", self.settings.prompts_dir).render(
            passages=numbered(evidence), question=question
        )
        text = normalize_citations(generate(self.chat(), system, user, on_token))
        verdict = verify(text, question, evidence)
        if verdict.ok:
            return text, verdict
        retry = f"{user}\n\nYour previous answer was rejected: {'; '.join(verdict.problems)}. Answer again."
        if on_token:
            on_token("\n")
        text = normalize_citations(generate(self.chat(), system, retry, on_token))
        return text, verify(text, question, evidence)

    def _abstain(self, question: str, reason: str, timings: dict[str, int], started: float) -> Answer:
        timings["total"] = ms_since(started)
        return Answer(
            question=question,
            answer=f"The sources do not say: {reason}.",
            abstained=True,
            citations=[],
            disagreements=[],
            model=self.model_name,
            timings_ms=timings,
        )


def ms_since(start: float) -> int:
    return round((time.perf_counter() - start) * 1000)
