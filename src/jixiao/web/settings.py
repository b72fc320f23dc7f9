"""Settings of `jixiao serve`: database URL, data folder, session secret, workers, upload limit, letter heading."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from jixiao.store.db import sqlite_url
from jixiao.store.uploads import MAX_UPLOAD_BYTES


@dataclass(slots=True)
class Settings:
    """Where things live and how much work runs at once; environment variables fill what is not given."""

    data_dir: Path
    db_url: str | None = None
    secret: str | None = None
    workers: int = 2
    file_timeout: float = 600.0
    max_upload: int = MAX_UPLOAD_BYTES
    org: str | None = None
    org_short: str = "财"
    https_only: bool = False
    process: bool = True

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        self.files_dir.mkdir(parents=True, exist_ok=True)
        self.db_url = self.db_url or os.environ.get("JIXIAO_DB") or sqlite_url(self.data_dir)
        self.secret = self.secret or os.environ.get("JIXIAO_SECRET") or self._stored_secret()
        self.org = self.org or os.environ.get("JIXIAO_ORG") or "县财政局"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    def _stored_secret(self) -> str:
        """One random session key per data folder, kept in `secret.key` (shared by all server workers)."""
        path = self.data_dir / "secret.key"
        if not path.exists():
            try:
                with path.open("x", encoding="utf-8") as f:
                    f.write(secrets.token_urlsafe(48))
                path.chmod(0o600)
            except FileExistsError:  # another worker wrote it first
                pass
        return path.read_text(encoding="utf-8").strip()
