"""The defaults, for real: the packaged chat model assembled from its PyPI parts, loaded in-process by
llama.cpp, answering over the seeds indexed with the packaged embedder. Slow (~15 s), and it proves that a
fresh install answers offline with nothing configured."""

import re

import pytest

from service.desk import Desk
from service.llm import DEFAULT_SHA256, default_model_path

from .test_answer import assert_grounded


@pytest.mark.real_model
def test_default_model_answers_sappers_with_a_verified_citation(shared_desk):
    path = default_model_path(shared_desk.settings.cache_dir)
    assert path.read_bytes()[:4] == b"GGUF"
    assert (path.with_name(path.name + ".ok")).read_text().split()[0] == DEFAULT_SHA256

    answer = Desk(shared_desk.settings).ask("How many sappers went to Kursk?")
    assert not answer.abstained
    assert "1,000" in answer.answer
    # the model's own answer, or (when it leaves the figure out twice) the fallback's sentence
    assert any(re.search(r"1,000 (North Korean )?(sappers|deminers)", c.quote) for c in answer.citations)
    for citation in answer.citations:
        assert shared_desk.document(citation.doc_id).text[citation.start : citation.end] == citation.quote
    assert_grounded(answer)


@pytest.mark.real_model
def test_default_model_answers_yes_or_no_with_its_verdict_and_citation(shared_desk):
    """The in-process model under llama.cpp's grammar (the JSON schema as response_format): an explicit
    verdict, then the claims it rests on, each cited and checked."""
    question = "Did the NIS and Shoigu give the same number of military construction workers?"
    answer = Desk(shared_desk.settings).ask(question)
    assert not answer.abstained, answer.answer
    assert re.match(r"(Yes|No): \S.* \[\d+\]", answer.answer), answer.answer
    assert answer.model.startswith("qwen2.5"), "the model's own verdict, not a fallback"
    for citation in answer.citations:
        assert shared_desk.document(citation.doc_id).text[citation.start : citation.end] == citation.quote
    assert_grounded(answer)
