"""Uploads: hashes recognise repeated content, zips unpack safely, type, size and format checks refuse with a reason."""

from __future__ import annotations

import io
import zipfile

import pytest

from jixiao.store.tables import Task
from jixiao.store.uploads import accept
from tests.web.server import SEEDS


@pytest.fixture
def files(tmp_path):
    path = tmp_path / "files"
    path.mkdir()
    return path


def _task(store) -> int:
    with store.write() as s:
        task = Task(year=2024, name="上传")
        s.add(task)
        s.flush()
        return task.id


def test_same_content_twice_is_one_version(store, files):
    task = _task(store)
    data = sorted(SEEDS.glob("*.txt"))[0].read_bytes()
    first = accept(store, files, task, io.BytesIO(data), "报告.txt", None, None)
    again = accept(store, files, task, io.BytesIO(data), "改了名字.txt", None, None)
    assert not first[0].duplicate and again[0].duplicate and again[0].version_id == first[0].version_id
    assert len(list(files.iterdir())) == 1 and next(files.iterdir()).name != "报告.txt"


def test_a_zip_becomes_one_upload_per_report(store, files):
    task = _task(store)
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for p in seeds:
            z.writestr(f"各单位/{p.name}", p.read_bytes())
        z.writestr("说明.exe", b"MZ")
        z.writestr("__MACOSX/._x.txt", b"junk")
    results = accept(store, files, task, io.BytesIO(buffer.getvalue()), "报送.zip", None, None)
    assert sorted(r.name for r in results if r.version_id) == sorted(p.name for p in seeds)
    assert [r.error for r in results if r.error] == ["说明.exe：不支持的文件类型，已跳过"]
    assert len(list(files.iterdir())) == 2


def test_bad_uploads_are_refused_with_a_reason(store, files):
    task = _task(store)
    cases = [
        (b"MZ\x90\x00" + bytes(200), "程序.exe", "不支持的文件类型"),
        (b"%PDF-1.4 not really", "伪装.docx", "实为PDF"),
        (b"", "空.txt", "文件为空"),
        (b"x" * 2048, "大.txt", "超过上传大小上限"),
        (b"PK\x03\x04broken", "坏.zip", "损坏"),
    ]
    for data, name, reason in cases:
        result = accept(store, files, task, io.BytesIO(data), name, None, None, limit=1024)
        assert result[0].error and name in result[0].error and reason in result[0].error, result[0].error
    assert list(files.iterdir()) == []
