"""Generalization, second audit: genres the first one (test_unseen.py) did not cover.

tests/fixtures/unseen2/clean_* are correct drafts written for this test (not derived from the seeds
or the clean corpus): regulations (第一章/第一条/（一）/1.), a 规划 with targets and a text table, a
news report with protocol-ordered leader lists and a quotation over several paragraphs, a statistics
report with acronyms, URLs and e-mail, a 批复 and a 函 with 文号/附件/抄送/联系人, a 述职报告 with
colloquial reduplication, and a Markdown draft with headings, lists, bold, code and links. No rule
may fire on them. bad_* drafts carry an answer key in the format of tests/fixtures/unseen/*.yaml.
The silence and answer-key checks for both sets run in test_unseen.py.
"""

from __future__ import annotations

from test_unseen import UNSEEN2, drafts

CLEAN_DRAFTS, BAD_DRAFTS = drafts(UNSEEN2, "clean"), drafts(UNSEEN2, "bad")


def test_the_new_genres_are_all_there():
    names = {p.stem for p in CLEAN_DRAFTS}
    assert {"clean_regulation", "clean_plan", "clean_news_report", "clean_statistics_report"} <= names
    assert {"clean_request_reply", "clean_work_review", "clean_markdown_draft"} <= names
    assert any(p.suffix == ".md" for p in CLEAN_DRAFTS + BAD_DRAFTS)
    assert BAD_DRAFTS
