"""The extractors' cheap first tests never hide a match.

A table's texts are searched joined, and only where that finds something are the cells looked at
one by one; a paragraph is matched against the heading numbers only when its first character can
start one.  Hypothesis builds texts from the patterns' own pieces, so that matches are common, and
checks that wherever the full search matches, the first test lets the text through.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.extract import _FORM_YEAR, _cell_grade, narrative
from jixiao.extract.basic_data import _AUTHORIZED
from jixiao.extract.grid import Grid
from jixiao.extract.labels import _SECTION_ROWS
from jixiao.extract.narrative import Paragraph, grade
from jixiao.extract.sections import _LEVELS, _NUMBER_STARTS
from jixiao.extract.self_eval_table import BUDGET_COLUMNS, BUDGET_WORD, FIGURE_WORDS, INDICATOR_COLUMNS, NAME_WORD
from jixiao.extract.summary_table import _NAME_HEADERS, _NAME_WORDS
from jixiao.ingest.document import Cell, Table

PIECES = ["一级指标", "二级", "指标", "三级指标", "名称", "数值", "单位", "计量单位", "分值", "得分", "（分）", "(", ")", "自评", "实际", "完成",
          "年度", "指标值", "目标值", "偏差", "年初预算", "全年预算", "预算数", "执行数", "执行率", "决算数", "2024", "年", "实际在职人数",
          "等级", "评价结果", "：", ":", "为", "“", "优", "良好", "合格", "差", "95", "%", " ", "\n", "合计"]
cell_texts = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)
rows = st.lists(st.lists(cell_texts, min_size=1, max_size=5), min_size=1, max_size=4)


def _grid(texts: list[list[str]]) -> Grid:
    return Grid.of(0, Table([Cell(text, r, c) for r, row in enumerate(texts) for c, text in enumerate(row)]))


@settings(max_examples=500, deadline=None)
@given(rows)
def test_a_table_with_a_year_header_or_a_grade_in_a_cell_is_found_by_its_joined_text(texts):
    grid = _grid(texts)
    if any(_FORM_YEAR.search(grid.key(r, c)) for r in range(grid.n_rows) for c in grid.distinct(r)):
        assert _FORM_YEAR.search(grid.all_keys())
    cell_by_cell = grade([Paragraph(0, None, text) for _, _, text in grid.cell_texts()])
    assert _cell_grade(grid) == cell_by_cell


heading_starts = st.text(alphabet="一二十（(）)、.．1２٣①⑳⑴ 第章节 ", max_size=6)


@settings(max_examples=1000, deadline=None)
@given(heading_starts)
def test_a_paragraph_any_heading_number_matches_passes_the_first_character_test(text):
    if any(rx.match(text) for _, rx in _LEVELS):
        assert text[0] in _NUMBER_STARTS or text[0].isdecimal()


header_keys = st.lists(st.sampled_from(["三级", "二级", "一级", "指标", "名称", "绩效", "分值", "权重", "得分", "自评", "实际", "评分", "参考", "标准", "满分值", "（分）", "年初", "全年", "调整后", "预算", "数", "执行", "评价",
                                        "维度", "编制", "核定", "人数", "三公", "经费", "（", "万元", "）"]), max_size=5).map("".join)


@settings(max_examples=1500, deadline=None)
@given(header_keys)
def test_a_header_label_holds_the_word_its_table_is_first_searched_for(key):
    roles = dict(INDICATOR_COLUMNS) | {f"budget.{role}": p for role, p in BUDGET_COLUMNS}
    if re.search(roles["name"], key):
        assert NAME_WORD in key
    if re.search(roles["weight"], key) or re.search(roles["score"], key):
        assert any(word in key for word in FIGURE_WORDS)
    if re.search(roles["budget.full_year"], key) or re.search(roles["budget.initial"], key):
        assert BUDGET_WORD in key
    if key in _NAME_HEADERS:
        assert any(word in key for word in _NAME_WORDS)
    if re.search(_AUTHORIZED, key):
        assert "编制" in key


clause = st.tuples(st.sampled_from(["", "本年", "基本支出", "项目支出", "编制", "编制人数", "实有人员", "预算执行率", "资金执行", "自评", "合计得分",
                                     "总分", "评价得分", "履职效能指标", "经自评，", "指标"]),
                   st.sampled_from(["", "得分", "为", "共计", ":", " "]), st.sampled_from(["12", "3.5", "95"]),
                   st.sampled_from(["", "万元", "元", "人", "分", "%"]), st.sampled_from(["", "，", "。"])).map("".join)
prose = st.lists(clause, max_size=4).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(prose, min_size=1, max_size=3))
def test_the_prose_finders_find_the_same_with_and_without_their_paragraph_test(texts):
    paras = [Paragraph(i, None, text) for i, text in enumerate(texts)]
    finders = [narrative.staffing_authorized, narrative.execution_score, narrative.total_score, narrative.level1_scores,
               lambda ps: narrative.spending(ps, "基本支出"), lambda ps: narrative.spending(ps, "项目支出")]
    with_test = [finder(paras) for finder in finders]
    searched = narrative._search
    narrative._search = lambda ps, pattern, needs="": searched(ps, pattern)
    try:
        assert [finder(paras) for finder in finders] == with_test
    finally:
        narrative._search = searched


section_labels = st.lists(st.sampled_from(["存在", "的", "主要", "问题", "及原因", "改进", "措施", "下一步", "整改", "建议", "有关", "工作"]),
                          min_size=1, max_size=4).map("".join)


@settings(max_examples=1000, deadline=None)
@given(section_labels)
def test_a_form_row_of_problems_or_measures_holds_the_word_its_tables_are_first_searched_for(key):
    for pattern, words in _SECTION_ROWS:
        if pattern.search(key):
            assert any(word in key for word in words)
