"""Where SUPPORT_SCORE (service/support.py) comes from: the share of an answer sentence's words found in the
passages it cites, for real model answers, against the same sentence paired with a passage it does not
cite.

Dev data: every first answer the packaged model wrote in the recorded cassettes
(tests/cassettes/test_llm_cassettes/*.yaml: the seed gold questions and the other recorded questions),
read back with the numbered passages and the question of its prompt (words taken from the question count
as held, as in the check). "cited": each sentence scored against what it cites;
"wrong": the same sentence against each shown passage it does not cite. Prints the share of each kept at
several thresholds. Not a speed benchmark; no model is run.

    .venv/bin/python bench/support_threshold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from service.asked import question_frame
from service.citations import CITATION
from service.models import Passage
from service.support import SUPPORT_SCORE, check_sentence, split_cited, support_score
from service.vocabulary import Vocabulary

CASSETTES = Path(__file__).resolve().parent.parent / "tests" / "cassettes" / "test_llm_cassettes"
PASSAGE = re.compile(r"^\[(\d+)\] (.+)$", re.MULTILINE)
QUESTION = re.compile(r"^Question: (.+)$", re.MULTILINE)


def streamed_text(body: str) -> str:
    parts = []
    for line in body.splitlines():
        if line.startswith("data: {"):
            delta = json.loads(line[6:])["choices"][0].get("delta", {})
            parts.append(delta.get("content") or "")
    return "".join(parts)


def first_answers():
    """(numbered passages, the model's answer) for every answer prompt that is not a retry."""
    for path in sorted(CASSETTES.glob("*.yaml")):
        for interaction in yaml.safe_load(path.read_text())["interactions"]:
            messages = json.loads(interaction["request"]["body"])["messages"]
            user = messages[-1]["content"]
            if "<passages>" not in user or "previous answer" in user:
                continue
            passages = {int(n): text for n, text in PASSAGE.findall(user.split("</passages>")[0])}
            question = QUESTION.search(user).group(1)
            yield question, passages, streamed_text(interaction["response"]["body"]["string"])


def passes(sentence: str, quote: str, question: str) -> bool:
    """The whole support check (figures, frames, quotes, names, restrictions, words), no embeddings."""
    passage = Passage(n=1, doc_id="d", title="", start=0, end=len(quote), quote=quote)
    return not check_sentence(sentence, [passage], question, Vocabulary(), question_frame(question))[0]


def main() -> None:
    cited_scores, wrong_scores = [], []
    cited_pass, wrong_pass = [], []
    for question, passages, answer in first_answers():
        for sentence, cites in split_cited(answer):
            text = CITATION.sub(" ", sentence)
            shown = [n for n in cites if n in passages]
            if not shown:
                continue
            cited_text = " ".join(passages[n] for n in shown)
            cited_scores.append(support_score(text, cited_text, question))
            wrong_scores += [support_score(text, passages[n], question) for n in passages if n not in cites]
            cited_pass.append(passes(text, cited_text, question))
            wrong_pass += [passes(text, passages[n], question) for n in passages if n not in cites]
    print(f"{len(cited_scores)} answer sentences, {len(wrong_scores)} sentence × uncited passage pairs")
    print("| threshold | cited kept | wrong kept |")
    print("| --: | --: | --: |")
    for threshold in (0.4, 0.5, 0.6, 0.7, 0.8):
        kept = sum(s >= threshold for s in cited_scores) / len(cited_scores)
        wrong = sum(s >= threshold for s in wrong_scores) / len(wrong_scores)
        print(f"| {threshold:.1f} | {kept:.2f} | {wrong:.2f} |")
    cited_rate, wrong_rate = sum(cited_pass) / len(cited_pass), sum(wrong_pass) / len(wrong_pass)
    print(f"whole check at {SUPPORT_SCORE}: cited pass {cited_rate:.2f}, wrong pass {wrong_rate:.2f}")


if __name__ == "__main__":
    main()
