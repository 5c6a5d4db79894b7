"""Evaluations: scoring newsdesk against gold data. Each module returns a typed report (Pydantic); the
CLI (service/cli/evaluate.py) renders the tables.

  seeds          the gold questions on the seed articles
  disagreements  `newsdesk disagreements` against a hand-made gold list
  multihop       MultiHop-RAG: retrieval, answers from gold evidence, the full pipeline
  ramdocs        RAMDocs: questions whose documents conflict
"""
