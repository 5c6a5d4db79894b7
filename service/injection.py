"""Sentences written to an AI system or its operator instead of a reader: flagged when an article is read
(its `flags`, shown by `newsdesk documents`, `show` and GET /documents), and never evidence, never a claim.

A sentence is flagged when it
  * tells the reader to ignore, disregard, forget or override instructions, sources, articles or context;
  * addresses an AI system ("AI assistants reading this…", "if you are a language model", "note to AI
    models") together with an order (answer, reply, say, state, report, ignore, summarize…);
  * dictates the reply ("reply only with", "your answer must");
  * names a system prompt or carries a chat role tag ("assistant:", "<|im_start|>", "[INST]").
News about AI ("the assistant answered questions, the company said") is not flagged: an order, a role tag
or a dismissal of sources is what marks an instruction. The patterns are English grammar, not a list of
known attacks; tests/test_injection.py holds the phrasings they are tried on.
"""

from __future__ import annotations

import re

from .models import Flag
from .text import sentence_spans

AI = (
    r"(?:ai|a\.i\.|artificial intelligence|(?:large )?language models?|llms?|chat ?bots?|"
    r"(?:ai )?assistants?|ai (?:systems?|models?|agents?|tools?))"
)
ORDER = r"(?:answer|reply|respond|say|state|report|output|write|tell|summari[sz]e|repeat|print)"
DISMISS = r"\b(?:ignore|disregard|forget|override|bypass|discard)\b"
RULES: list[tuple[re.Pattern, str]] = [
    (
        re.compile(
            rf"{DISMISS}[^.!?]{{0,30}}?\b(?:all|any|previous|prior|above|earlier|other|every|your)\b[^.!?]{{0,30}}?"
            r"\b(?:instructions?|sources?|articles?|passages?|documents?|reports?|context|prompts?|rules)\b"
            rf"|{DISMISS}[^.!?]{{0,30}}?\b(?:instructions?|prompts?|guidelines)\b",
            re.IGNORECASE,
        ),
        "tells the reader to ignore instructions or sources",
    ),
    (
        re.compile(
            rf"\b(?:if )?you are an? {AI}\b|\b(?:note|message|instructions?|attention) (?:to|for) "
            rf"(?:any |all |the )?{AI}\b|\b{AI}\b[^.!?]{{0,40}}\b(?:reading|processing|summari[sz]ing|"
            rf"answering questions about) (?:this|these)\b",
            re.IGNORECASE,
        ),
        "addresses an AI system",
    ),
    (
        re.compile(
            rf"\b{ORDER} (?:only|solely|exclusively) with\b|\b{ORDER} with only\b"
            r"|\byour (?:answer|reply|response|output) (?:must|should|shall)\b",
            re.IGNORECASE,
        ),
        "dictates the reply",
    ),
    (
        re.compile(
            r"\bsystem prompt\s*:|\b(?:new|updated|your|the following) system prompt\b"
            r"|\bdeveloper (?:mode|message)\b|<\|?(?:im_start|im_end|system|assistant|user|endoftext)\|?>"
            r"|\[/?INST\]|<</?SYS>>|^\W*(?:system|assistant|user|human)\s*:",
            re.IGNORECASE,
        ),
        "carries a system prompt or a chat role tag",
    ),
]


def instruction_reason(sentence: str) -> str | None:
    """Why the sentence reads as an instruction to an AI system, or None."""
    return next((reason for pattern, reason in RULES if pattern.search(sentence)), None)


def flags_in(text: str) -> list[Flag]:
    """Every flagged sentence of an article, with its offsets."""
    flags = []
    for start, end in sentence_spans(text):
        if reason := instruction_reason(text[start:end]):
            flags.append(Flag(kind="instructions", start=start, end=end, text=text[start:end], reason=reason))
    return flags
