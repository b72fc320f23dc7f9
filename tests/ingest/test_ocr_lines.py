"""OCR text lines shared out to threads: the same text in the same order as one thread gives."""

from __future__ import annotations

import os
import threading

import cv2
import numpy as np
from rapidocr.ch_ppocr_rec import TextRecInput, TextRecOutput

from jixiao.ingest import ocr, ocr_lines


def _line(text: str) -> np.ndarray:
    """A printed text line as RapidOCR cuts it from a page: a BGR crop, 48 px high."""
    width = 30 + 22 * len(text)
    image = np.full((48, width, 3), 255, np.uint8)
    cv2.putText(image, text, (8, 36), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2)
    return image


class _Tagging:
    """A stand-in recogniser: each line's 'text' is its own first pixel value. With `meet` set, a call
    waits (at most 10 s) until that many calls are running at once."""

    def __init__(self, meet: int = 1) -> None:
        self.barrier = threading.Barrier(meet, timeout=10)
        self.threads: set[str] = set()
        self.calls: list[list[int]] = []

    def __call__(self, args: TextRecInput) -> TextRecOutput:
        self.barrier.wait()  # raises BrokenBarrierError if the shares do not run at the same time
        self.threads.add(threading.current_thread().name)
        imgs = [args.img] if isinstance(args.img, np.ndarray) else args.img
        tags = [int(img[0, 0, 0]) for img in imgs]
        self.calls.append(tags)
        return TextRecOutput(imgs, tuple(str(t) for t in tags), [t / 100 for t in tags], tuple(None for _ in tags), 0.0)


def test_lines_come_back_in_their_order_from_two_threads():
    imgs = [np.full((48, 40 + 30 * (i % 5), 3), i, np.uint8) for i in range(11)]
    inner = _Tagging(meet=2)
    out = ocr_lines.SharedRecogniser(inner, 2)(TextRecInput(img=imgs))
    assert out.txts == tuple(str(i) for i in range(11))
    assert out.scores == tuple(i / 100 for i in range(11))
    assert len(inner.calls) == 2 and len(inner.threads) == 2
    assert sorted(inner.calls[0] + inner.calls[1]) == list(range(11))
    widths = {i: img.shape[1] for i, img in enumerate(imgs)}
    assert widths[inner.calls[0][0]] == max(widths.values())  # the widest line is dealt out first


def test_a_single_line_is_not_shared_out():
    inner = _Tagging()
    out = ocr_lines.SharedRecogniser(inner, 2)(TextRecInput(img=np.full((48, 90, 3), 7, np.uint8)))
    assert out.txts == ("7",) and len(inner.calls) == 1


def test_shared_session_reads_exactly_what_one_thread_reads():
    engine = ocr._engine()
    recogniser = getattr(engine.text_rec, "recogniser", engine.text_rec)
    lines = [_line(t) for t in ("2024", "100%", "12.5", "98.72%", "total 54", "380.20 410.64 405.38", "9")]
    alone = recogniser(TextRecInput(img=lines))
    shared = ocr_lines.SharedRecogniser(recogniser, 2)(TextRecInput(img=lines))
    assert shared.txts == alone.txts and shared.scores == alone.scores
    assert "100%" in shared.txts and "2024" in shared.txts


def test_threads_never_exceed_the_cores(monkeypatch):
    monkeypatch.delenv(ocr_lines.THREADS_ENV, raising=False)
    assert ocr_lines.threads() == min(ocr_lines.REC_THREADS, len(os.sched_getaffinity(0)))
    monkeypatch.setenv(ocr_lines.THREADS_ENV, "64")
    assert ocr_lines.threads() == len(os.sched_getaffinity(0))


def test_the_thread_setting_of_the_environment(monkeypatch):
    for value, expected in (("1", 1), ("0", 1), ("two", min(ocr_lines.REC_THREADS, ocr_lines.cores())), ("", min(ocr_lines.REC_THREADS, ocr_lines.cores()))):
        monkeypatch.setenv(ocr_lines.THREADS_ENV, value)
        assert ocr_lines.threads() == expected


def test_a_worker_takes_its_share_of_the_cores(monkeypatch):
    monkeypatch.setenv(ocr_lines.THREADS_ENV, "")  # recorded, so that what share() sets is undone after the test
    monkeypatch.delenv(ocr_lines.THREADS_ENV)
    ocr_lines.share(2)
    assert ocr_lines.threads() == max(1, ocr_lines.cores() // 2)
    monkeypatch.setenv(ocr_lines.THREADS_ENV, "1")
    ocr_lines.share(1)  # the setting already there is kept
    assert ocr_lines.threads() == 1


def test_detection_runs_on_the_ocr_threads_without_spinning():
    options = ocr._engine().text_det.session.session.get_session_options()
    assert options.intra_op_num_threads == ocr_lines.threads()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
