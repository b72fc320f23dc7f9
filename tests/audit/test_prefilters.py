"""The cheap tests run before some patterns (a literal the pattern needs) never hide a match.

Hypothesis builds texts from the patterns' own pieces, so that matches are common, and checks
that wherever a pattern matches, its prefilter lets the text through; that the audit's one search
of the whole document finds exactly the texts holding a word; and that XR202's bound from the
characters two labels share never drops a row difflib would keep; and that the scorer's test for
a date-like text (a year of four digits, 年 or 月) passes every text its date patterns read.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.audit.context import AuditContext
from jixiao.audit.rules.completeness import _ANY_LEFTOVER, _LEFTOVER_NEEDS
from jixiao.audit.rules.compliance import _OVER_HUNDRED
from jixiao.audit.rules.cross_reference import _may_reach, _shape
from jixiao.extract.narrative import _THREE_PUBLIC_SENTENCE
from jixiao.extract.templates import load_template
from jixiao.model import Report
from jixiao.scoring.indicator import _DATEISH, _date, _deadline, _month
from jixiao.scoring.profile import detect_profile
from jixiao.scoring.score import score_report

PIECES = ["反映", "情况", "等级", "结论", "。", ".", "…", "：", "（", "(", "）", ")", "每个", "一行", "或", "可", "××", "×", "X", "XX",
          "县", "请", "此处", "按照", "填写", "填报", "如实描述", "200", "字以内", "如有", "如无", "若有", "说明", "在此", " ", "率",
          "执行率", "100", "%", "以上", "及以上", "三公", "经费", "“", "”", "制度", "万元", "18.5", "，", "；", "达到",
          "覆盖率达", "100%", "100 %", "三公经费", "“三公”经费"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join)


@settings(max_examples=3000, deadline=None)
@given(texts)
def test_prefilters_let_every_match_through(text):
    if _ANY_LEFTOVER.search(text):
        assert any(need in text for need in _LEFTOVER_NEEDS)
    if _THREE_PUBLIC_SENTENCE.search(text):
        assert "三公" in text


rate_claims = st.tuples(st.sampled_from(["", "全年", "“双监控”", "资金"]), st.sampled_from(["执行率", "覆盖", "率", "满意度"]),
                        st.sampled_from(["", "达到", "，", "为9", "均"]), st.sampled_from(["100", "10", "1 0 0"]),
                        st.sampled_from(["%", " %", "％", ""]), st.sampled_from(["以上", " 及以上", "以内", "", "左右"])).map("".join)


@settings(max_examples=2000, deadline=None)
@given(rate_claims)
def test_a_rate_over_a_hundred_is_looked_for_only_where_it_can_be(text):
    if _OVER_HUNDRED.search(text):
        assert "以上" in text


WORD_PIECES = ["填", "联", "以上", "率", "分", "表", "\n", "填表", "联系", "以", "上", "", "年", "…", "..."]
documents = st.lists(st.lists(st.sampled_from(WORD_PIECES), max_size=6).map("".join), max_size=12)
word_sets = st.lists(st.sampled_from(["填", "联", "以上", "率", "...", "表人", "上率"]), min_size=1, max_size=3, unique=True)


@settings(max_examples=3000, deadline=None)
@given(documents, word_sets)
def test_the_whole_document_search_finds_exactly_the_texts_with_a_word(texts, words):
    report = Report(source="x.txt", format="text")
    profile = detect_profile(report)
    ctx = AuditContext(report, profile, score_report(report, profile), load_template("department_report"), texts)
    assert ctx.texts_with(*words) == [t for t in texts if any(w in t for w in words)]


# Two labels around a common part (so that high ratios are common), from a few characters (so that repeats are).
_chars = "公务接待费用车辆运行维护项目"
label_pairs = st.tuples(st.text(_chars, max_size=12), *[st.text(_chars, max_size=2)] * 4).map(lambda t: (t[1] + t[0] + t[2], t[3] + t[0] + t[4]))


@settings(max_examples=3000, deadline=None)
@given(label_pairs)
def test_the_shapes_bound_never_drops_a_row_difflib_would_keep(pair):
    a, b = pair
    if SequenceMatcher(None, a, b).quick_ratio() >= 0.8:
        assert _may_reach(a, _shape(a), b, _shape(b))


DATE_PIECES = ["2023", "2024", "202", "12", "1", "0", " ", "年", "月", "日", "-", ".", "/", "底", "末", "前", "以前", "之前", "内", "完成",
               "份", "中旬", "年底", "年末", "年内", "本年度内", "当年", "初", "已", "于", "%", "次", "２０２３", "١٢"]
date_texts = st.lists(st.sampled_from(DATE_PIECES), max_size=10).map("".join)


@settings(max_examples=3000, deadline=None)
@given(date_texts)
def test_a_text_the_date_patterns_read_is_never_skipped_as_dateless(text):
    if _date(text) is not None or _deadline(text) is not None or _month(text) is not None:
        assert _DATEISH.search(text)

