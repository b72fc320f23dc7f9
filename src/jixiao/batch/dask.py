"""The same per-file function on a Dask distributed cluster (`jixiao batch --scheduler tcp://HOST:PORT`).

Dask keeps no state we rely on: results come back to this process, which writes them and the
ledger, exactly as with local workers.  At most one file per worker thread is in flight, so the
wall-clock limit counts from the moment a file starts.  A file over the limit is recorded as
failed and its task cancelled; Python cannot kill a thread, so the worker's thread is free again
only when that call returns — give workers a memory limit (`dask worker --memory-limit`) so that
the nanny restarts a worker that runs away.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from jixiao.batch.runner import POLL, Limits, timeout_reason
from jixiao.errors import JixiaoError

T = TypeVar("T")
R = TypeVar("R")


def connect(address: str) -> Any:
    """A client of the scheduler at `address`, or a Chinese error saying it cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise JixiaoError("在 Dask 集群上运行需要安装 distributed：pip install 'jixiao[dask]'") from None
    _reachable(address)

    try:
        return Client(address, set_as_default=False, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        raise JixiaoError(f"无法连接 Dask 调度器 {address}（{e}）") from None


def _reachable(address: str) -> None:
    """Fail at once, in Chinese, when nothing listens at a tcp:// address (instead of retrying for seconds)."""
    host, _, port = address.split("://", 1)[-1].rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=10).close()
    except (OSError, ValueError) as e:
        raise JixiaoError(f"无法连接 Dask 调度器 {address}（{getattr(e, 'strerror', None) or e}）") from None


def run_dask(items: Iterable[T], work: Callable[[T], R], lost: Callable[[T, str], R], address: str,
             limits: Limits | None = None) -> Iterator[R]:
    """`work(item)` for every item on the cluster at `address`; results as they complete."""
    limits = limits or Limits()

    with connect(address) as client:
        slots = max(sum(client.nthreads().values()), 1)
        pending = iter(items)
        inflight: dict[Any, tuple[T, float]] = {}

        def fill() -> None:
            for item in pending:
                inflight[client.submit(work, item, pure=False)] = (item, time.monotonic())
                if len(inflight) >= slots:
                    return

        fill()
        while inflight:
            done = [future for future in inflight if future.done()]
            if not done:
                time.sleep(POLL)
            for future in done:
                item, _ = inflight.pop(future)
                yield _result(future, item, lost)
            now = time.monotonic()
            for future, (item, started) in list(inflight.items()):
                if now - started > limits.timeout:
                    future.cancel()
                    del inflight[future]
                    yield lost(item, timeout_reason(limits.timeout))
            fill()


def _result(future: Any, item: T, lost: Callable[[T, str], R]) -> R:
    try:
        return future.result()
    except Exception as e:  # the task raised, or its worker died (KilledWorker)
        return lost(item, f"集群上处理出错（{type(e).__name__}：{e}）"[:300])
