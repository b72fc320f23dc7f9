"""One error handler: Chinese lines and exit codes, Ctrl-C, internal errors, the debug log, quiet libraries."""

from __future__ import annotations

import json
import logging
from decimal import Decimal

import pytest
from pydantic import BaseModel

from jixiao.batch import files, logs
from jixiao.cli import app
from jixiao.scoring.score import number
from tests.cli.helpers import runner, write


@pytest.fixture(autouse=True)
def _restore_logging():
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for h in root.handlers:
        h.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    logs._configured.clear()
    logging.captureWarnings(False)


def _raise(error: BaseException):
    def boom(*args, **kwargs):
        logging.getLogger("somelibrary").warning("library noise that must not reach the terminal")
        raise error

    return boom


def test_ctrl_c_is_a_clean_message_and_exit_130(tmp_path, monkeypatch):
    monkeypatch.setattr("jixiao.outcome.process", _raise(KeyboardInterrupt()))
    result = runner.invoke(app, ["parse", str(write(tmp_path / "r.txt"))])
    assert result.exit_code == 130 and "已中断" in result.stderr and "Traceback" not in result.output


def test_an_internal_error_is_one_line_and_its_traceback_goes_to_the_debug_log_only(tmp_path, monkeypatch):
    monkeypatch.setattr("jixiao.outcome.process", _raise(RuntimeError("unexpected state")))
    monkeypatch.chdir(tmp_path)
    path = str(write(tmp_path / "r.txt"))
    quiet = runner.invoke(app, ["parse", path])
    assert quiet.exit_code == 3 and "内部错误（RuntimeError" in quiet.stderr and "--debug" in quiet.stderr
    assert "Traceback" not in quiet.output and "library noise" not in quiet.output
    assert not (tmp_path / "jixiao-debug.log").exists()
    debug = runner.invoke(app, ["--debug", "parse", path])
    assert debug.exit_code == 3 and "Traceback" not in debug.output and "library noise" not in debug.output
    log = (tmp_path / "jixiao-debug.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: unexpected state" in log and "library noise" in log
    custom = tmp_path / "logs" / "run.log"
    custom.parent.mkdir()
    assert runner.invoke(app, ["--debug-log", str(custom), "parse", path]).exit_code == 3
    assert "RuntimeError" in custom.read_text(encoding="utf-8")


def test_memory_error_while_writing_json_is_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(files.json, "dumps", _raise(MemoryError()))
    monkeypatch.setattr(BaseModel, "model_dump_json", _raise(MemoryError()))  # the report's JSON is written by pydantic first
    result = runner.invoke(app, ["parse", str(write(tmp_path / "r.txt")), "-f", "json"])
    assert result.exit_code == 2 and "输出 JSON 时内存不足" in result.stderr and "Traceback" not in result.output


def test_json_numbers_are_always_valid_json():
    text = files.dumps({"a": float("nan"), "b": [float("inf"), 1.5], "c": {"d": -float("inf")}})
    assert json.loads(text) == {"a": None, "b": [None, 1.5], "c": {"d": None}}
    assert [number(Decimal(x)) for x in ("NaN", "Infinity", "-Infinity", "2.50", "3")] == [None, None, None, 2.5, 3]
    assert number(Decimal("1E+40")) == 10**40  # too many digits to round to 4 places: kept whole


def test_log_records_go_to_the_debug_log_or_nowhere(tmp_path, capsys):
    logs.configure(None)
    assert [type(h) for h in logging.getLogger().handlers] == [logging.NullHandler]
    logging.getLogger("jixiao").warning("a reading library's complaint")
    assert capsys.readouterr().err == ""
    logs.configure(tmp_path / "debug.log")
    logging.getLogger("jixiao").debug("model loaded")
    for h in logging.getLogger().handlers:
        h.flush()
    assert "model loaded" in (tmp_path / "debug.log").read_text(encoding="utf-8")
