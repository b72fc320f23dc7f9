"""Headless LibreOffice conversion (.doc/.wps/.et → .docx/.xlsx for reading, .docx → .pdf for writing).

One private profile per run, a plain ASCII copy of the input, a wall-clock limit that ends the
whole LibreOffice session, and a Chinese `InputError` when the conversion gives nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from jixiao.errors import InputError

TIMEOUT_S = 180


def find() -> str | None:
    """The soffice executable, or None when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")

def convert(soffice: str, path: Path, tmp: Path, target: str) -> Path:
    """Run LibreOffice with a private profile; the converted file, or an `InputError` saying why not."""
    source = tmp / ("input" + path.suffix.lower())
    shutil.copyfile(path, source)  # a plain ASCII name avoids LibreOffice's trouble with odd file names
    out_dir = tmp / "out"
    cmd = [
        soffice,
        f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(out_dir),
        str(source),
    ]
    env = {**os.environ, "HOME": str(tmp)}
    try:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True
        )
    except OSError as e:
        raise InputError(str(path), f"无法启动 LibreOffice（{e.strerror or e}）") from None
    try:
        proc.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice forks soffice.bin: end the whole session
        proc.wait()
        raise InputError(str(path), f"LibreOffice 转换超时（超过 {TIMEOUT_S} 秒），文件可能已损坏") from None
    result = out_dir / f"input.{target}"
    if not result.is_file() or result.stat().st_size == 0:
        raise InputError(str(path), "LibreOffice 无法转换该文件：文件可能已损坏、已加密或不是 Office/WPS 文档")
    return result
