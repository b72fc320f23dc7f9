"""OCR text lines (文本行) recognised on several threads that share one ONNX session, in the original order."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

# ONNX Runtime releases the GIL while a model runs, so two threads calling the one recognition session
# keep both cores of a page busy: the same text line by line (each thread still recognises one line at a
# time with one inference thread), no second copy of the model in memory, about half the wall time.
REC_THREADS = 2
# Threads one OCR may keep busy, when set (an integer ≥ 1): a batch of N workers sets it to its share of
# the cores in each worker, so that the workers' threads together do not outnumber the cores.
THREADS_ENV = "JIXIAO_OCR_THREADS"


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def share(workers: int) -> None:
    """In a worker process, one of `workers` running at once: its OCR keeps at most its share of the cores
    busy, unless JIXIAO_OCR_THREADS already says how many threads."""
    os.environ.setdefault(THREADS_ENV, str(max(1, cores() // max(workers, 1))))


def threads() -> int:
    """How many threads one OCR uses (recognition shares, detection's inference threads): JIXIAO_OCR_THREADS
    when it is set, else REC_THREADS; never more than the cores this process may run on."""
    wanted = os.environ.get(THREADS_ENV, "").strip()
    return max(1, min(int(wanted) if wanted.isdecimal() else REC_THREADS, cores()))


class SharedRecogniser:
    """RapidOCR's text recogniser, its lines dealt out to `n` threads, widest first so that the shares
    take about as long; the results are put back in the order of the lines."""

    def __init__(self, recogniser: Any, n: int) -> None:
        self.recogniser, self.n = recogniser, n

    def __getattr__(self, name: str) -> Any:
        return getattr(self.recogniser, name)

    def __call__(self, args: Any) -> Any:
        from rapidocr.ch_ppocr_rec import TextRecInput, TextRecOutput

        imgs = list(args.img) if isinstance(args.img, list | tuple) else [args.img]
        order = sorted(range(len(imgs)), key=lambda i: -imgs[i].shape[1] / max(imgs[i].shape[0], 1))
        shares = [share for share in (order[k :: self.n] for k in range(self.n)) if share]
        if len(shares) < 2:
            return self.recogniser(args)

        def run(share: list[int]) -> Any:
            return self.recogniser(TextRecInput(img=[imgs[i] for i in share], return_word_box=args.return_word_box))

        # A pool per page, not one kept with the engine: a process forked from one that holds the engine
        # would inherit a pool whose threads are gone.
        with ThreadPoolExecutor(len(shares), thread_name_prefix="jixiao-ocr") as pool:
            outs = list(pool.map(run, shares))
        txts, scores, words = [""] * len(imgs), [0.0] * len(imgs), [None] * len(imgs)
        for share, out in zip(shares, outs, strict=True):
            for j, i in enumerate(share):
                txts[i], scores[i], words[i] = out.txts[j], out.scores[j], out.word_results[j]
        return TextRecOutput(imgs, tuple(txts), tuple(scores), tuple(words), max(out.elapse or 0 for out in outs), outs[0].viser)
