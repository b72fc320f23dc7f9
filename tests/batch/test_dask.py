"""The same batch on a Dask cluster (a LocalCluster on 127.0.0.1) gives the same ledger as local workers."""

from __future__ import annotations

import json

import dask
import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from jixiao.cli import app
from tests.batch.helpers import corpus, ledger_rows


@pytest.fixture
def cluster():
    # Nothing reaches outside this machine: no dashboard, loopback only, threads in this process.
    with dask.config.set({"distributed.diagnostics.nvml": False, "distributed.admin.system-monitor.gil.enabled": False}), \
            LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
                         dashboard_address=None, worker_dashboard_address=None, scheduler_port=0) as local:
        yield local


def _comparable(out):
    return {path: (sha, status, json.loads(ids), json.loads(problems)) for path, (_, sha, status, ids, _, _, _, problems) in ledger_rows(out).items()}


def test_dask_ledger_equals_the_local_ledger(tmp_path, cluster):
    src = corpus(tmp_path / "in", 8)
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really")
    runner = CliRunner()
    local = runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "local"), "--jobs", "2"])
    assert local.exit_code == 1, local.output  # the broken file fails, the run goes on
    remote = runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "dask"), "--scheduler", cluster.scheduler_address])
    assert remote.exit_code == 1, remote.output
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    expected = _comparable(tmp_path / "local")
    assert len(expected) == 9 and any(ids for _, _, ids, _ in expected.values())
    assert _comparable(tmp_path / "dask") == expected
    again = runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "dask"), "--scheduler", cluster.scheduler_address])
    assert "跳过 9 个" in again.stderr


def test_an_unreachable_scheduler_is_one_chinese_line(tmp_path):
    result = CliRunner().invoke(app, ["batch", str(corpus(tmp_path / "in", 1)), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and "无法连接 Dask 调度器" in result.stderr and "Traceback" not in result.output
