"""Question → grounded answer: retrieve → evidence → (abstain?) → generate → verify → regenerate once →
keep the supported sentences → fallback or abstain. The model writes; this module decides what is shown.

Verification rules (all must hold, else the answer is regenerated once, with the problems named):
  * the answer cites at least one passage, and every [n] is a passage that was shown to the model;
  * it is a sentence, not a bare "[2]", says more than the question did (a yes or no counts), and does
    not repeat the prompt ("Passages: [1] …");
  * it holds what the question asks for: a figure for "how many", a name for "who", a date for "when",
    a place for "where" (service/questions.py);
  * every sentence is supported by the passages it cites: its figures counting the same thing there,
    its quoted words, its names, most of its words (service/support.py).
After the retry, the answer's supported sentences alone are kept when they pass; otherwise the fallback
quotes the evidence sentence that answers, or the answer says the sources do not say
(service/abstention.py, which also holds the gate that abstains before the model is called).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from .abstention import fallback_answer, turned_away, unmentioned_in_named_articles
from .asked import question_frame
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
from .crosscheck import by_documents, disagreements_of, lead, passages_to_number, subjects_to_lead
from .disagreement_text import describe_disagreements
from .disagreements import find_disagreements
from .evidence import candidate_sentences, select_evidence
from .llm import TokenHook, generate
from .majority import majority_sentence, outvoted
from .matching import about_question
from .models import Answer, Claim, Disagreement, Passage
from .named_answer import named_answer
from .prompts import load_prompt, retry_prompt
from .questions import DESCRIBED, VERDICT_TYPES, asked_type, holds, options, question_type
from .repair import repair
from .retrieve import Retriever
from .settings import Settings
from .support import SentenceSupport, check_text, compatible, frames_of, split_cited, without_meta
from .text import check_query, tokenize
from .verdicts import VerdictAnswerer
from .vocabulary import Vocabulary

YES_NO_QUESTION = re.compile(r"^\s*(is|are|was|were|do|does|did|has|have|had|can|could|will|would)\b", re.I)
YES_NO_ANSWER = re.compile(r"^\W*(yes|no)\b", re.IGNORECASE)
PROMPT_ECHO = re.compile(r"^\s*(Passages|Question|Answer)\s*:|</?passages>", re.MULTILINE)


@dataclass
class Verdict:
    cited: list[int]
    problems: list[str] = field(default_factory=list)  # about the answer as a whole
    sentences: list[SentenceSupport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and all(s.ok for s in self.sentences)

    @property
    def all_problems(self) -> list[str]:
        return self.problems + [p for s in self.sentences for p in s.problems]

    def supported_part(self) -> str:
        """The answer's supported sentences, the others dropped."""
        return " ".join(s.text for s in self.sentences if s.ok)


# --- verification --------------------------------------------------------------------------------


def verify(
    answer: str,
    question: str,
    evidence: Sequence[Passage],
    vocabulary: Vocabulary | None = None,
    frame: Claim | None = None,
) -> Verdict:
    """The whole-answer rules (module doc), and every sentence checked against what it cites
    (service/support.py). `frame`: what a "how many" question counts (asked.question_frame)."""
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
    says_yes_or_no = YES_NO_QUESTION.match(question) and YES_NO_ANSWER.match(answer)
    if not set(tokenize(CITATION.sub(" ", answer))) - set(tokenize(question)) and not says_yes_or_no:
        verdict.problems.append("the answer only restates the question")
    if PROMPT_ECHO.search(answer):
        verdict.problems.append("the answer repeats the prompt")
    asked = asked_type(question)
    if asked and not holds(CITATION.sub(" ", answer), asked, question):
        verdict.problems.append(f"the question asks for {DESCRIBED[asked]} and the answer gives none")
    elif asked == "quantity" and frame is not None and not counts_asked(answer, frame, vocabulary):
        verdict.problems.append(
            f"no figure in the answer counts what the question asks about ({frame.noun or frame.event})"
        )
    if verdict.cited and not unknown:
        verdict.sentences = check_text(answer, evidence, question, vocabulary, frame)
    return verdict


# --- the pipeline --------------------------------------------------------------------------------


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


def counts_asked(answer: str, frame: Claim, vocabulary: Vocabulary | None) -> bool:
    """Some figure of the answer counts what the question asks ("5,000 workers" does not answer "how many
    engineers"); a figure the answer gives no frame (\"1,000 [1].\") is taken as the asked one."""
    if not (frame.noun or frame.event):
        return True
    sentences = [CITATION.sub(" ", s) for s, _ in split_cited(answer)]
    framed = [c for s in sentences for c in frames_of(s)]
    unframed = numbers_in(answer) - {n for c in framed for n in numbers_in(c.value)}
    vocabulary = vocabulary or Vocabulary()
    return bool(unframed) or any(compatible(frame, c, vocabulary, places=False) for c in framed)


SHAPED = VERDICT_TYPES | {"order"}  # answered in a shape of their own (verdicts.py)


@dataclass
class Found:
    """The disagreements an answer shows, and what changes its lead sentence: the different answers the
    documents give, by subject (cross-check), or a figure most documents do not give (outvoted)."""

    disagreements: list[Disagreement]
    subjects: list = field(default_factory=list)
    outlier: tuple | None = None


@dataclass
class Answerer:
    settings: Settings
    retriever: Retriever
    chat: Callable[[], object]  # returns the chat model; called only when the model is needed
    model_name: str
    article_text: Callable[[str], str]
    claims_of: Callable[[Sequence[str]], list[Claim]]  # the claims of these documents (from the index)
    vocabulary: Vocabulary
    published_of: Callable[[str], str | None] = lambda _doc_id: None  # an article's published date

    def ask(self, question: str, k: int | None = None, on_token: TokenHook | None = None) -> Answer:
        started = time.perf_counter()
        question = check_query(question, self.settings.max_query_chars)
        evidence, sentences, documents = self.evidence(question, k)
        claims = self.claims_of(documents)
        timings = {"retrieve": ms_since(started)}
        return self.answer(question, evidence, claims, on_token, timings, started, sentences=sentences)

    def evidence(
        self, question: str, k: int | None = None
    ) -> tuple[list[Passage], list[tuple[Passage, str]], list[str]]:
        """(numbered evidence, every sentence of the retrieved chunks with its context, their documents)."""
        results = self.retriever.search(question, k or self.settings.ask_k)
        sentences = candidate_sentences(results)
        evidence = select_evidence(
            question, sentences, self.retriever.embedder, self.settings, self.retriever.idf()
        )
        dates = {doc_id: self.published_of(doc_id) for doc_id in {p.doc_id for p in evidence}}
        evidence = [p.model_copy(update={"published": dates[p.doc_id]}) for p in evidence]
        return evidence, sentences, list(dict.fromkeys(r.doc_id for r in results))

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
        texts = cache(article_text or self.article_text)  # read by the gate, the cross-check, the subjects
        check = self.settings.abstain_on_missing_terms
        reason, missing = turned_away(question, evidence, check, (), self.vocabulary, texts)
        kind = question_type(question)
        may_be_no = reason and kind in VERDICT_TYPES and not options(question)
        if may_be_no and (named := unmentioned_in_named_articles(question, missing, evidence, texts)):
            return self._not_in_named_articles(question, kind, *named, texts, timings, started)
        if reason:
            return self._abstain(question, reason, timings, started)
        generating = time.perf_counter()
        frame = question_frame(question) if kind == "quantity" else None
        text, from_model, reason = self._draft(question, kind, evidence, claims, frame, on_token)
        timings["generate"] = ms_since(generating)
        if text is None and kind not in SHAPED:
            return self._abstain(question, reason, timings, started)
        # after the answer, so its first token is not kept waiting by the judge's calls
        found = self._disagreements(
            question, kind, text or "", claims, evidence, sentences, by_document, frame, texts
        )
        if text is None and not found.disagreements:  # an unsettled verdict, and no disagreement to show
            return self._abstain(question, reason, timings, started)
        differ, extra = describe_disagreements(found.disagreements, evidence)
        numbered = [*evidence, *extra]
        if found.subjects:  # the documents' answers lead, by subject (crosscheck.lead)
            numbered += passages_to_number(found.subjects, numbered)
            text = lead(found.subjects, text or "", numbered)
        elif found.outlier:  # a figure most documents do not give never leads
            text = majority_sentence(*found.outlier, numbered)
        model = self.model_name if from_model else f"extractive fallback (after {self.model_name})"
        text, shown = f"{text or ''} {differ}".strip(), found.disagreements
        return self._cited(question, kind, text, numbered, texts, model, timings, started, shown)

    def _draft(
        self,
        question: str,
        kind: str,
        evidence: Sequence[Passage],
        claims: Sequence[Claim],
        frame: Claim | None,
        on_token: TokenHook | None,
    ) -> tuple[str | None, bool, str]:
        """(the answer text or None, whether it is the model's own, why there is none). Verdict and order
        questions get their own shape (verdicts.py); others the model's verified answer, else the
        extractive fallback."""
        if kind in SHAPED:
            shaped = self.verdicts().answer(kind, question, evidence, on_token)
            return shaped.text, True, shaped.reason
        text, verdict = self._generate_verified(question, evidence, frame, on_token)
        if verdict.ok:
            return text, True, ""
        fallback = fallback_answer(question, evidence, self.vocabulary, frame, claims)
        asked = asked_type(question)
        what = f"{DESCRIBED[asked]} that answers it" if asked else "a sentence that answers it"
        return fallback, False, f"no passage gives {what}"

    def _disagreements(
        self,
        question: str,
        kind: str,
        text: str,
        claims: Sequence[Claim],
        evidence: Sequence[Passage],
        sentences: Sequence[tuple[Passage, str]],
        by_document: dict[str, list[Passage]] | None,
        frame: Claim | None,
        article_text: Callable[[str], str],
    ) -> Found:
        """Where the sources differ about what was asked or answered (module doc of each finder)."""
        window = self.settings.conflict_window_days
        disagreements = relevant_disagreements(question, text, claims, evidence, self.vocabulary, window)
        disagreements += find_assertion_disagreements(
            sentences,
            self.retriever.embedder.embed,
            self.judge(),
            must_include={(p.doc_id, p.start) for p in evidence},
            limit=2,
        )
        subjects = subjects_to_lead(
            question,
            by_document or by_documents(evidence),
            self._ask_model,
            self.settings,
            article_text,
            self.vocabulary,
            model_answer=text,
        )
        if subjects:
            return Found(disagreements_of(subjects) + disagreements, subjects)
        if kind in SHAPED:  # a verdict is not a figure to outvote
            return Found(disagreements)
        if outlier := outvoted(text, frame, claims, self.vocabulary, window):
            taken = {(c.doc_id, c.start) for c in outlier[0].claims}
            disagreements = [d for d in disagreements if not {(c.doc_id, c.start) for c in d.claims} & taken]
            disagreements.insert(0, outlier[0])
        return Found(disagreements, outlier=outlier)

    def verdicts(self) -> VerdictAnswerer:
        return VerdictAnswerer(self._generate_json, self.settings.prompts_dir, self.vocabulary)

    def _generate_json(self, system: str, user: str, schema: dict, on_token: TokenHook | None) -> str:
        return generate(self.chat(), system, user, on_token, schema=schema)

    def judge(self):
        return llm_judge(self._ask_model, self.settings.prompts_dir)

    def _ask_model(self, system: str, user: str) -> str:
        return generate(self.chat(), system, user)

    def _generate_verified(
        self, question: str, evidence: Sequence[Passage], frame: Claim | None, on_token: TokenHook | None
    ) -> tuple[str, Verdict]:
        """The model's answer, verified; once rejected, asked again with its problems named; then the
        supported sentences alone of the second answer, else of the first, when they pass; else the name
        either gives, alone (named_answer.py)."""
        system, user = load_prompt("answer", self.settings.prompts_dir).render(
            passages=numbered(evidence), question=question
        )
        first = self._verified(self._generate(system, user, on_token), question, evidence, frame)
        if first[1].ok:
            return first
        retry = retry_prompt(user, first[0], "; ".join(first[1].all_problems))
        if on_token:
            on_token("\n")
        second = self._verified(self._generate(system, retry, on_token), question, evidence, frame)
        if second[1].ok:
            return second
        for text, verdict in (second, first):
            kept = verdict.supported_part()
            if (
                kept
                and kept != text
                and (trimmed := verify(kept, question, evidence, self.vocabulary, frame)).ok
            ):
                return kept, trimmed
        named = named_answer(question, [second[0], first[0]], evidence)
        if named and (checked := verify(named, question, evidence, self.vocabulary, frame)).ok:
            return named, checked
        return second

    def _generate(self, system: str, user: str, on_token: TokenHook | None) -> str:
        return without_meta(normalize_citations(generate(self.chat(), system, user, on_token)))

    def _verified(
        self, text: str, question: str, evidence: Sequence[Passage], frame: Claim | None
    ) -> tuple[str, Verdict]:
        """The answer verified; when a sentence fails, with the citations that repair it added
        (support.repair: one more citation never makes a sentence less supported)."""
        verdict = verify(text, question, evidence, self.vocabulary, frame)
        if verdict.ok or not verdict.sentences:
            return text, verdict
        repaired = repair(text, verdict.sentences, evidence, question, self.vocabulary, frame)
        if repaired == text:
            return text, verdict
        return repaired, verify(repaired, question, evidence, self.vocabulary, frame)

    def _not_in_named_articles(
        self,
        question: str,
        kind: str,
        terms: list[str],
        named: list[Passage],
        article_text: Callable[[str], str],
        timings: dict,
        started: float,
    ) -> Answer:
        """ "No: the articles it names do not mention “Ada Morrow” [1][2]." (checked in code, no model)"""
        listed = " or ".join(f"“{t}”" for t in terms)
        cites = "".join(f"[{p.n}]" for p in named)
        which = "the articles it names do not" if len(named) > 1 else "the article it names does not"
        text = f"No: {which} mention {listed} {cites}."
        model = "none: the articles the question names, read whole"
        return self._cited(question, kind, text, named, article_text, model, timings, started)

    def _cited(
        self,
        question: str,
        kind: str,
        text: str,
        passages: Sequence[Passage],
        article_text: Callable[[str], str],
        model: str,
        timings: dict,
        started: float,
        disagreements: Sequence[Disagreement] = (),
    ) -> Answer:
        """The answer with its citations numbered in order of use, each quote checked against its article."""
        text, citations = renumber(text, passages)
        check_quotes(citations, article_text)
        timings["total"] = ms_since(started)
        return Answer(
            question=question,
            answer=text,
            abstained=False,
            citations=citations,
            disagreements=list(disagreements),
            question_type=kind,
            model=model,
            timings_ms=timings,
        )

    def _abstain(self, question: str, reason: str, timings: dict[str, int], started: float) -> Answer:
        timings["total"] = ms_since(started)
        return Answer(
            question=question,
            answer=f"The sources do not say: {reason}.",
            abstained=True,
            question_type=question_type(question),
            citations=[],
            disagreements=[],
            model=self.model_name,
            timings_ms=timings,
        )


def ms_since(start: float) -> int:
    return round((time.perf_counter() - start) * 1000)
