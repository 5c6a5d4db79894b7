"""`ask` end to end against a plain LangChain RAG chain, in one process, on the same questions and the same
chat model object: time to first token (TTFT) and total. Ratio newsdesk ÷ plain = the cost of grounding.

The plain chain (langchain-core only): a BaseRetriever over the same Chroma collection
(`desk.store.dense_search(desk.embedder.embed_one(q), 4)`) | ChatPromptTemplate | the same chat model
(`service.llm.get_chat_model(settings)`, the in-process llama.cpp model by default) | StrOutputParser,
streamed to time its first token. No evidence selection, no verification, no disagreement check.

Per question the sides rotate (A B C, then B C A, …) so the machine's noise hits all. Every model call is
counted by a LangChain callback handler on the chat model and classified by its system prompt (answer,
regenerate, judge = the assertion-contradiction check, plain), and llama.cpp's `Llama.generate` is wrapped
to record, per call, the prompt tokens, how many of them were reused from the KV cache (its prefix match
with the previous call), the prompt-eval time and the generated tokens.

Sides: plain, newsdesk (the current code) and, by default, judge-first: the same Answerer with the
assertion judge run BEFORE the answer is generated, the order before 60e8ff2 (a subclass that asks the
judge first, remembers its verdicts and then runs the current Answerer.answer; service/ is unchanged). Only
questions whose evidence holds an official-confirmation assertion call the judge: of the 10, question 8.

    .venv/bin/python bench/ask_vs_langchain.py               # questions 1, 2, 8; plain, newsdesk, judge-first
    .venv/bin/python bench/ask_vs_langchain.py --n 10        # all 10 questions of shared/eval
    .venv/bin/python bench/ask_vs_langchain.py --questions 8 --rounds 3   # the judged one, 3 times
    .venv/bin/python bench/ask_vs_langchain.py --variant     # plain vs newsdesk only
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from typing import Any

from common import Run, eval_questions, fresh_dir, median, seed_copies, settings_for, table
from langchain_core.callbacks import BaseCallbackHandler, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnablePassthrough

from service.abstention import abstain_reason
from service.answer import Answerer
from service.assertions import find_assertion_disagreements
from service.desk import Desk
from service.llm import get_chat_model, model_name
from service.models import Answer

PLAIN_SYSTEM = "Answer the question using only the context. Be brief."
PLAIN_USER = "Context:\n{context}\n\nQuestion: {question}"
KINDS = ("answer", "regenerate", "judge", "plain", "other")


# --- the plain chain -------------------------------------------------------------------------------


class ChromaRetriever(BaseRetriever):
    """The same Chroma collection and embedder as the Desk, dense only."""

    desk: Any
    k: int = 4

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun):
        hits = self.desk.store.dense_search(self.desk.embedder.embed_one(query), self.k)
        return [Document(page_content=c.text, metadata={"doc_id": c.doc_id}) for c, _ in hits]


def plain_chain(desk: Desk, chat: Any):
    prompt = ChatPromptTemplate.from_messages([("system", PLAIN_SYSTEM), ("human", PLAIN_USER)])
    context = ChromaRetriever(desk=desk) | (lambda docs: "\n\n".join(d.page_content for d in docs))
    return {"context": context, "question": RunnablePassthrough()} | prompt | chat | StrOutputParser()


# --- counting and timing model calls ---------------------------------------------------------------


class CallLog(BaseCallbackHandler):
    """One record per chat-model call: its kind, and (filled by the Llama.generate wrapper) tokens."""

    def __init__(self):
        self.calls: list[dict] = []
        self.last_prompt: dict[tuple[str, str], list[int]] = {}
        self.side = ""

    def on_chat_model_start(self, serialized, messages, **kwargs) -> None:
        system = next((m.content for m in messages[0] if m.type == "system"), "")
        user = next((m.content for m in messages[0] if m.type == "human"), "")
        if system.startswith("You answer questions"):
            kind = "regenerate" if "Your previous answer was rejected" in user else "answer"
        elif system.startswith("You check whether"):
            kind = "judge"
        elif system == PLAIN_SYSTEM:
            kind = "plain"
        else:
            kind = "other"
        self.calls.append({"kind": kind, "side": self.side, "start": time.perf_counter()})

    def on_llm_end(self, response, **kwargs) -> None:
        self.calls[-1]["end"] = time.perf_counter()


def instrument_llama(llama: Any, log: CallLog) -> None:
    """Wrap this Llama's generate (instance attribute): prompt tokens, KV prefix reused, eval times."""
    original = llama.generate

    def generate(tokens, *args, **kwargs):
        tokens = list(tokens)
        previous = list(llama._input_ids) if llama.n_tokens > 0 else []
        prefix = 0
        for a, b in zip(previous, tokens, strict=False):
            if a != b:
                break
            prefix += 1
        call = log.calls[-1] if log.calls else {}
        key = (call.get("side", ""), call.get("kind", ""))
        same_kind = log.last_prompt.get(key, [])
        same_prefix = 0
        for a, b in zip(same_kind, tokens, strict=False):
            if a != b:
                break
            same_prefix += 1
        log.last_prompt[key] = tokens
        call.update(prompt=len(tokens), reused=prefix, reusable=max(prefix, same_prefix), generated=0)
        start = time.perf_counter()
        gen = original(tokens, *args, **kwargs)
        sent = None
        try:
            while True:
                token = gen.send(sent)
                if call["generated"] == 0:
                    call["prompt_eval_s"] = time.perf_counter() - start
                call["generated"] += 1
                sent = yield token
        except StopIteration:
            return
        finally:
            call["generate_s"] = time.perf_counter() - start - call.get("prompt_eval_s", 0.0)

    llama.generate = generate


def instrument_embedder(desk: Desk, log: CallLog) -> list[dict]:
    """Record every Embedder.embed call (embed_one goes through it): texts, seconds, side."""
    calls: list[dict] = []
    embedder = desk.embedder
    original = embedder.embed

    def embed(texts, on_batch=None):
        start = time.perf_counter()
        out = original(texts, on_batch)
        calls.append({"texts": list(texts), "s": time.perf_counter() - start, "side": log.side})
        return out

    embedder.embed = embed  # instance attribute: embed_one's self.embed(...) finds it too
    return calls


# --- before 60e8ff2: the judge first ------------------------------------------------------------------


class JudgeFirst(Answerer):
    """Answerer.answer with the assertion judge's model calls made BEFORE the answer is generated, the
    order before 60e8ff2: the judge is asked first and its verdicts remembered, then the current
    Answerer.answer runs and reads them back without a model call. Every other step is the current code."""

    def answer(
        self, question, evidence, claims, on_token=None, timings=None, started=None, **kwargs
    ) -> Answer:
        self.verdicts: dict[tuple[str, str], bool] = {}
        vocabulary = self.vocabulary
        checked = self.settings.abstain_on_missing_terms
        if not abstain_reason(question, evidence, checked, vocabulary=vocabulary):
            find_assertion_disagreements(
                kwargs.get("sentences", ()),
                self.retriever.embedder.embed,
                self.judge(),
                must_include={(p.doc_id, p.start) for p in evidence},
                limit=2,
            )
        return super().answer(question, evidence, claims, on_token, timings, started, **kwargs)

    def judge(self):
        ask = super().judge()
        verdicts = self.verdicts

        def remembered(first: str, second: str) -> bool:
            if (first, second) not in verdicts:
                verdicts[(first, second)] = ask(first, second)
            return verdicts[(first, second)]

        return remembered


# --- one side, one question ------------------------------------------------------------------------------


def run_ours(desk: Desk, question: str, log: CallLog) -> dict:
    first: list[float] = []
    before = len(log.calls)
    start = time.perf_counter()
    answer = desk.ask(question, on_token=lambda token: first or first.append(time.perf_counter()))
    total = time.perf_counter() - start
    return {
        "ttft": (first[0] - start) if first else float("nan"),
        "total": total,
        "calls": log.calls[before:],
        "answer": answer.answer,
        "abstained": answer.abstained,
        "fallback": answer.model.startswith("extractive"),
        "timings": answer.timings_ms,
    }


def run_plain(chain: Any, question: str, log: CallLog) -> dict:
    first: float | None = None
    before = len(log.calls)
    parts = []
    start = time.perf_counter()
    for token in chain.stream(question):
        if token and first is None:
            first = time.perf_counter()
        parts.append(token)
    total = time.perf_counter() - start
    return {
        "ttft": (first or float("nan")) - start,
        "total": total,
        "calls": log.calls[before:],
        "answer": "".join(parts),
    }


def before_vs_now(questions: list[str], numbers: list[int], results: dict[str, list[dict]]) -> None:
    """judge-first (the order before 60e8ff2) against the current code, question by question."""
    rows, saved, ratios = [], [], []
    for i, question in enumerate(questions):
        old, now = results["judge-first"][i], results["newsdesk"][i]
        judged = sum(c["kind"] == "judge" for c in now["calls"])
        rows.append(
            [
                numbers[i],
                question[:50] + ("…" if len(question) > 50 else ""),
                judged,
                f"{old['ttft']:.1f}",
                f"{now['ttft']:.1f}",
                f"{round(old['ttft'] - now['ttft'], 1) + 0.0:+.1f}",  # + 0.0: no "-0.0"
                f"{old['ttft'] / now['ttft']:.2f}×",
                f"{old['total']:.1f}",
                f"{now['total']:.1f}",
                "yes" if old["answer"] == now["answer"] else "no",
            ]
        )
        if judged:
            saved.append(old["ttft"] - now["ttft"])
            ratios.append(old["ttft"] / now["ttft"])
    print("\n### Before (judge-first, as before 60e8ff2) vs now (answer first, then the judge)\n")
    print(
        table(
            [
                "#",
                "question",
                "judge calls",
                "judge-first TTFT s",
                "now TTFT s",
                "TTFT saved s",
                "TTFT speed-up",
                "judge-first total s",
                "now total s",
                "same answer",
            ],
            rows,
        )
    )
    if saved:
        print(
            f"\nOn the {len(saved)} question(s) that call the judge: median TTFT saved {median(saved):.1f} s,"
            f" median speed-up {median(ratios):.2f}×. On the others both orders do the same work."
        )
    else:
        print("\nNo question here called the judge (question 8 does): both orders did the same work.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--n", type=int, help="the first N questions (of the 10 in shared/eval)")
    parser.add_argument(
        "--variant",
        nargs="*",
        default=["judge-first"],
        choices=["judge-first"],
        help="extra sides (default: judge-first; none: `--variant` alone)",
    )
    parser.add_argument("--show-answers", action="store_true")
    parser.add_argument(
        "--questions",
        type=int,
        nargs="*",
        help="1-based numbers of the questions to run (default 1 2 8; 8 is the one that calls the judge)",
    )
    parser.add_argument("--rounds", type=int, default=1, help="run the question set this many times")
    args = parser.parse_args()

    run = Run("ask() vs a plain LangChain RAG chain (same process, same chat model)")
    run.header()
    settings = settings_for(fresh_dir("ask-vs-langchain/index"))
    desk = Desk(settings)
    desk.index([seed_copies(fresh_dir("ask-vs-langchain/seeds"), 1)])
    chat = get_chat_model(settings)
    assert desk.chat() is chat
    start = time.perf_counter()
    llama = chat.load() if hasattr(chat, "load") else None
    load_s = time.perf_counter() - start
    log = CallLog()
    chat.callbacks = [log]
    if llama is not None:
        instrument_llama(llama, log)
    chain = plain_chain(desk, chat)
    embeds = instrument_embedder(desk, log)
    sides: dict[str, Any] = {
        "plain": lambda q: run_plain(chain, q, log),
        "newsdesk": lambda q: run_ours(desk, q, log),
    }
    if "judge-first" in args.variant:
        variant = Desk(settings)
        for name in ("embedder", "store", "retriever"):
            variant.__dict__[name] = getattr(desk, name)
        variant.__dict__["answerer"] = JudgeFirst(
            settings=settings,
            retriever=desk.retriever,
            chat=desk.chat,
            model_name=model_name(settings),
            article_text=lambda doc_id: desk.store.get_document(doc_id).text,
            claims_of=desk.claims_of,
            vocabulary=desk.vocabulary,
        )
        sides["judge-first"] = lambda q: run_ours(variant, q, log)
    print(
        f"Chat model: {model_name(settings)} ({type(chat).__name__}), loaded once in {load_s:.1f} s "
        f"(not in the times below); embedder warmed by indexing the seeds.\n"
    )
    desk.search("warm up the retriever")  # BM25 view built before timing

    every = eval_questions()
    numbers = args.questions or (list(range(1, args.n + 1)) if args.n else [1, 2, 8])
    chosen = [every[i - 1] for i in numbers]
    questions = chosen * args.rounds
    numbers = numbers * args.rounds
    names = list(sides)
    results: dict[str, list[dict]] = defaultdict(list)
    for i, question in enumerate(questions):
        order = names[i % len(names) :] + names[: i % len(names)]  # rotate: A B (C), B (C) A, …
        for name in order:
            log.side = name
            if llama is not None:
                llama.reset()  # no side may reuse the KV cache of another side's call on the same question
            before = len(embeds)
            results[name].append(sides[name](question))
            results[name][-1]["embeds"] = embeds[before:]

    per_q = []
    for i, question in enumerate(questions):
        p, o = results["plain"][i], results["newsdesk"][i]
        kinds = Counter(c["kind"] for c in o["calls"])
        judge = sum(c.get("end", c["start"]) - c["start"] for c in o["calls"] if c["kind"] == "judge")
        v = results["judge-first"][i] if "judge-first" in results else None
        per_q.append(
            [
                numbers[i],
                question[:50] + ("…" if len(question) > 50 else ""),
                f"{p['ttft']:.1f}",
                f"{o['ttft']:.1f}",
                f"{p['total']:.1f}",
                f"{o['total']:.1f}",
                f"{o['timings'].get('retrieve', 0) / 1000:.1f}",
                f"{judge:.1f}",
                f"{o['timings'].get('generate', 0) / 1000:.1f}",
                len(o["calls"]),
                " ".join(f"{k}×{kinds[k]}" for k in KINDS if kinds[k]),
                "abstained" if o["abstained"] else ("fallback" if o["fallback"] else "model"),
                *([f"{v['ttft']:.1f}", f"{v['total']:.1f}"] if v else []),
            ]
        )
    headers = [
        "#",
        "question",
        "plain TTFT s",
        "newsdesk TTFT s",
        "plain total s",
        "newsdesk total s",
        "newsdesk retrieve+evidence s",
        "newsdesk judge s",
        "newsdesk answer s",
        "newsdesk model calls",
        "calls by kind",
        "newsdesk answer by",
    ]
    if "judge-first" in results:
        headers += ["judge-first TTFT s", "judge-first total s"]
    print(table(headers, per_q))

    summary = []
    plain = results["plain"]
    for name in names:
        r = results[name]
        ttft = median([x["ttft"] for x in r if x["ttft"] == x["ttft"]])
        total = median([x["total"] for x in r])
        calls = sum(len(x["calls"]) for x in r) / len(r)
        texts = [t for x in r for e in x["embeds"] for t in e["texts"]]
        distinct = sum(len({t for e in x["embeds"] for t in e["texts"]}) for x in r) / len(r)
        embed_calls = sum(len(x["embeds"]) for x in r) / len(r)
        embed_s = sum(e["s"] for x in r for e in x["embeds"]) / len(r)
        ratio_ttft = median(
            [a["ttft"] / b["ttft"] for a, b in zip(r, plain, strict=True) if a["ttft"] == a["ttft"]]
        )
        ratio_total = median([a["total"] / b["total"] for a, b in zip(r, plain, strict=True)])
        summary.append(
            [
                name,
                f"{ttft:.1f}",
                f"{total:.1f}",
                f"{ratio_ttft:.2f}",
                f"{ratio_total:.2f}",
                f"{calls:.1f}",
                f"{embed_calls:.1f}",
                f"{len(texts) / len(r):.0f}",
                f"{distinct:.0f}",
                f"{embed_s:.1f}",
            ]
        )
    print(
        f"\n### Summary over {len(questions)} questions (medians; ratios are per question, then the median)\n"
    )
    print(
        table(
            [
                "side",
                "TTFT s",
                "total s",
                "TTFT ÷ plain",
                "total ÷ plain",
                "model calls / question",
                "embed() calls / q",
                "texts embedded / q",
                "distinct texts / q",
                "embedding s / q",
            ],
            summary,
        )
    )

    rows = []
    for name in names:
        by_kind: dict[str, list[dict]] = defaultdict(list)
        for x in results[name]:
            for c in x["calls"]:
                by_kind[c["kind"]].append(c)
        for kind, calls in by_kind.items():
            n = len(calls)
            prompt = sum(c.get("prompt", 0) for c in calls)
            reused = sum(c.get("reused", 0) for c in calls)
            reusable = sum(c.get("reusable", 0) for c in calls)
            eval_s = sum(c.get("prompt_eval_s", 0.0) for c in calls)
            gen = sum(c.get("generated", 0) for c in calls)
            gen_s = sum(c.get("generate_s", 0.0) for c in calls)
            wall = sum(c.get("end", c["start"]) - c["start"] for c in calls)
            evaluated = prompt - reused
            rows.append(
                [
                    name,
                    kind,
                    n,
                    f"{prompt / n:.0f}",
                    f"{reused / n:.0f}",
                    f"{reusable / n:.0f}",
                    f"{evaluated / eval_s:.0f}" if eval_s else "–",
                    f"{eval_s / n:.1f}",
                    f"{gen / n:.0f}",
                    f"{gen / gen_s:.1f}" if gen_s else "–",
                    f"{wall / n:.1f}",
                ]
            )
    print("\n### Model calls (llama.cpp, per call averages)\n")
    headers = [
        "side",
        "kind",
        "calls",
        "prompt tokens",
        "reused from KV cache",
        "reusable (same-kind prefix)",
        "prompt tok/s",
        "prompt eval s",
        "generated tokens",
        "gen tok/s",
        "wall s",
    ]
    print(table(headers, rows))
    print(
        "\n(reused: the prefix llama.cpp kept from the previous call (the KV cache is reset before each side"
        " of each question, so no side profits from another); reusable: the longest prefix shared with the"
        " previous call of the same side and kind, i.e. what a KV cache kept per prompt could have skipped.)"
    )
    if "judge-first" in sides:
        before_vs_now(questions, numbers, results)
    if args.show_answers:
        for i, question in enumerate(questions):
            print(f"\n**{question}**")
            for name in names:
                print(f"- {name}: {results[name][i]['answer'].strip()}")
    run.footer()


if __name__ == "__main__":
    main()
