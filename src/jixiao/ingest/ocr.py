"""OCR backend: RapidOCR text boxes placed into table grids found from the ruling lines of a page."""

from __future__ import annotations

import ctypes
import struct
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from statistics import median

import cv2
import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from jixiao.errors import InputError
from jixiao.ingest import ocr_lines
from jixiao.ingest.document import Block, Cell, SourceDocument, Table
from jixiao.ingest.layout import interleave, is_cjk, join_lines
from jixiao.ingest.limits import Limits, current
from jixiao.ingest.quiet import silence_libraries
from jixiao.ingest.source import Source

MAX_SIDE = 2400  # ruling lines are found on at most ~200 dpi A4; larger scans are scaled down
DET_MAX_SIDE = 1600  # RapidOCR reads a copy of at most this size (~140 dpi A4): fast, and enough for print
# Text lines are recognised one at a time, each scaled to 48 px high and padded to at least this
# width, not in batches of six padded to the widest (RapidOCR's default, at least 320 px): short
# cell texts ("100", "≥95%") cost a fraction, and a batch's buffers no longer pile up in memory.
# (The time is linear in the width; 96 px reads the scan fixtures exactly as 128 did, 64 drops brackets.)
REC_MIN_WIDTH = 96
REC_BATCH = 1
# Text is detected on a copy of at most this size (the lines are then cut from the full image): the
# detector's memory and time grow with the pixels it sees (~500 MB at 1600 px).
DET_LIMIT = 1280
# Recognition: one inference thread per run (a second thread mostly waits for the first: measured
# 0.6–0.7× the CPU time of the default, same text); a page's text lines are shared out to
# `ocr_lines.threads()` such runs at once instead. Detection, one run per page, gets that many
# inference threads, which sleep rather than spin while they wait (RapidOCR sets neither per model).
ONNX_THREADS = 1
MIN_LINE_FRACTION = 0.035  # a ruling line spans at least this share of the page width/height
GRID_TOLERANCE = 8  # px: line positions closer than this are one line
M_ARENA_MAX, M_MMAP_THRESHOLD = -8, -3  # glibc's mallopt parameters
MMAP_THRESHOLD = 8 << 20  # bytes: larger buffers are mapped on their own and go back to the system when freed


@dataclass(slots=True)
class _Box:
    """One recognised text fragment: its text and bounding box in page pixels."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Grid:
    """A ruled table: its line positions and which neighbouring grid cells are separated by a rule."""

    xs: list[int]
    ys: list[int]
    cells: list[tuple[int, int, int, int]]  # row, col, rowspan, colspan

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def read_image(source: Source, limits: Limits | None = None) -> SourceDocument:
    """Read a scanned page image (.png .jpg .tif .bmp; every frame of a multi-page TIFF), one frame
    at a time; frames after the `read_seconds` deadline are skipped and the document marked partial."""
    src, limits = Source.of(source), limits or current()
    doc = SourceDocument(src.name, "image")
    deadline = time.monotonic() + limits.read_seconds
    for number, frame in enumerate(_frames(src, limits), start=1):
        if time.monotonic() > deadline:
            doc.note_partial(f"读取超时：{limits.read_seconds:.0f} 秒内只识别完 {number - 1} 页，其余页已跳过")
            break
        doc.blocks.extend(ocr_page(frame, number))
        doc.pages = number
    return doc


def _frames(src: Source, limits: Limits) -> Iterator[Image.Image]:
    """The image's frames, grayscale and upright, after the size and page-count checks."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(src.openable()) as img:
                if img.width * img.height > limits.image_pixels:
                    raise InputError(src.name, f"图片过大（{img.width}×{img.height} 像素），疑似恶意构造的文件")
                if getattr(img, "n_frames", 1) > limits.pdf_pages:
                    raise InputError(src.name, f"图片页数过多（{img.n_frames} 页，上限 {limits.pdf_pages} 页）")
                for frame in ImageSequence.Iterator(img):
                    if frame.width * frame.height > limits.image_pixels:
                        raise InputError(src.name, f"图片过大（{frame.width}×{frame.height} 像素），疑似恶意构造的文件")
                    yield ImageOps.exif_transpose(frame).convert("L")
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(src.name, "图片像素数过大，疑似解压炸弹，已拒绝读取") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, struct.error, IndexError, KeyError, TypeError, ZeroDivisionError):
        raise InputError(src.name, "图片已损坏或格式无法识别") from None


@lru_cache(maxsize=1)
def _engine():
    """The RapidOCR engine, created once; it uses the ONNX models shipped inside the wheel."""
    import onnxruntime

    silence_libraries()  # before RapidOCR attaches its own console handler
    onnxruntime.set_default_logger_severity(3)  # errors only; onnxruntime writes to stderr itself
    from rapidocr import RapidOCR

    silence_libraries()
    engine = RapidOCR(params={
        "Global.log_level": "error", "Global.use_cls": False, "Global.max_side_len": DET_MAX_SIDE,
        "Rec.rec_img_shape": [3, 48, REC_MIN_WIDTH], "Rec.rec_batch_num": REC_BATCH, "Det.limit_type": "max", "Det.limit_side_len": DET_LIMIT,
        "EngineConfig.onnxruntime.intra_op_num_threads": ONNX_THREADS, "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })
    n = ocr_lines.threads()
    # Both models loaded now rather than on first use: loaded between the first page's detection and
    # recognition, the recogniser lands on top of the detector's freed buffers (measured: 680 MB peak, not 520).
    engine.text_det = _detector(engine.cfg, n)
    engine._load_rec_model()
    _tune_malloc()
    if n > 1:
        engine.text_rec = ocr_lines.SharedRecogniser(engine.text_rec, n)
    return engine


def _detector(cfg, threads: int):
    """RapidOCR's text detector (its shipped model) on an ONNX Runtime session with `threads` inference
    threads that do not spin while they wait for work (RapidOCR's own session sets neither)."""
    from omegaconf import flag_override
    from onnxruntime import GraphOptimizationLevel, InferenceSession, SessionOptions
    from rapidocr.ch_ppocr_det import TextDetector
    from rapidocr.inference_engine.base import FileInfo, InferSession

    det = cfg.Det
    model = InferSession.get_model_url(FileInfo(det.engine_type, det.ocr_version, det.task_type, det.lang_type, det.model_type))
    options = SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False
    options.graph_optimization_level = GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    path = Path(cfg.Global.model_root_dir) / Path(model["model_dir"]).name
    with flag_override(det, "allow_objects", True):  # RapidOCR takes a ready session from its config
        det.session = InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    return TextDetector(det)


def ocr_page(image: Image.Image | np.ndarray, page: int) -> list[Block]:
    """OCR one page image into paragraphs and tables in reading order."""
    gray = _deskew(_gray(image))
    # The ruling lines are looked for on a second thread while the text is detected (OpenCV releases
    # the GIL; detection keeps one core busy): a thread per page, so a forked process inherits none.
    with ThreadPoolExecutor(1, thread_name_prefix="jixiao-grid") as pool:
        found = pool.submit(find_grids, gray)
        boxes = _recognise(gray)
        grids = found.result()
    del gray
    _release_memory()
    loose = [b for b in boxes if not any(_in_bbox(b, g.bbox) for g in grids)]
    lines = [_line_dict(line) for line in _group_lines(loose)]
    return interleave(lines, [(g.ys[0], _table(g, boxes, page)) for g in grids], lines, page)


def _release_memory() -> None:
    """Give the buffers freed by a page's recognition back to the system (glibc only), so that a long
    scan's memory does not grow page by page."""
    trim = _glibc("malloc_trim")
    if trim is not None:
        trim(0)


def _tune_malloc() -> None:
    """glibc: the recognition threads allocate from the main heap, not from an arena each whose freed
    buffers stay with the process; buffers of 8 MB and more (the detector's) are mapped and unmapped, not
    cut from the heap. Measured on the 14-page scan with two threads: peak 707 MB as glibc has it, 579–607 MB
    with one arena, 455 MB with both (one thread, neither: 521 MB), for ~0.15–0.3 s more system time a page."""
    mallopt = _glibc("mallopt")
    if mallopt is not None:
        mallopt(M_ARENA_MAX, 1)
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


@lru_cache(maxsize=2)
def _glibc(name: str):
    """A function of glibc, or None where the C library has none."""
    try:
        return getattr(ctypes.CDLL("libc.so.6"), name)
    except (OSError, AttributeError):
        return None


def _gray(image: Image.Image | np.ndarray) -> np.ndarray:
    """A grayscale uint8 array, scaled down so that its longer side is at most MAX_SIDE."""
    arr = np.asarray(image.convert("L") if isinstance(image, Image.Image) else image)
    if arr.ndim == 3:
        arr = cv2.cvtColor(arr, cv2.COLOR_RGB2GRAY)
    scale = MAX_SIDE / max(arr.shape)
    if scale < 1:
        arr = cv2.resize(arr, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(arr, dtype=np.uint8)


def _binary(gray: np.ndarray) -> np.ndarray:
    return cv2.adaptiveThreshold(~gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -10)


def _deskew(gray: np.ndarray) -> np.ndarray:
    """The page turned level, judged by its long horizontal rules (a scan is often a degree or two off)."""
    h, w = gray.shape
    long_runs = cv2.morphologyEx(_binary(gray), cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (w // 20, 1)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(long_runs)
    angles = []
    for i in range(1, n):  # label 0 is the background
        x, y, bw, bh = stats[i, :4]
        if bw > w // 4:  # its pixels looked up within its own bounding box, not over the whole page
            ys, xs = np.nonzero(labels[y : y + bh, x : x + bw] == i)
            angles.append(float(np.degrees(np.arctan(np.polyfit(xs + x, ys + y, 1)[0]))))
    if not angles or abs(angle := float(np.median(angles))) < 0.1:
        return gray
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, turn, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _recognise(gray: np.ndarray) -> list[_Box]:
    result = _engine()(gray)
    if result.boxes is None:
        return []
    out = []
    for quad, text in zip(result.boxes, result.txts):
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        if text.strip():
            out.append(_Box(text.strip(), min(xs), min(ys), max(xs), max(ys)))
    return out


def find_grids(gray: np.ndarray) -> list[_Grid]:
    """Ruled tables on the page: horizontal and vertical lines found by morphology, grouped by region."""
    binary = _binary(gray)
    h, w = binary.shape
    horiz = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (int(w * MIN_LINE_FRACTION), 1))
    )
    vert = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(h * MIN_LINE_FRACTION)))
    )
    # Bridge breaks of a few pixels in scanned lines.
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 3)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 5)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(horiz | vert)
    grids = []
    for x, y, bw, bh, _ in stats[1:n]:
        grid = _grid(horiz[y : y + bh, x : x + bw], vert[y : y + bh, x : x + bw], x, y)
        if grid is not None:
            grids.append(grid)
    return grids


def _grid(horiz: np.ndarray, vert: np.ndarray, x0: int, y0: int) -> _Grid | None:
    """The cell grid of one connected ruling region, or None when it is not a table."""
    ys = _positions(horiz.sum(axis=1))
    xs = _positions(vert.sum(axis=0))
    if len(ys) < 2 or len(xs) < 2:
        return None
    cells = _merged_cells(horiz, vert, xs, ys)
    if len(cells) < 2:
        return None  # a frame around text, not a table
    return _Grid([x + x0 for x in xs], [y + y0 for y in ys], cells)


def _positions(profile: np.ndarray) -> list[int]:
    """Centres of the line bands in a projection profile of a mask that holds only ruling lines."""
    out: list[int] = []
    band: list[int] = []
    for i in np.flatnonzero(profile):
        if band and i - band[-1] > GRID_TOLERANCE:
            out.append(int(np.mean(band)))
            band = []
        band.append(int(i))
    if band:
        out.append(int(np.mean(band)))
    return out


def _merged_cells(horiz: np.ndarray, vert: np.ndarray, xs: list[int], ys: list[int]) -> list[tuple[int, int, int, int]]:
    """Grid slots joined wherever no rule separates them, as (row, col, rowspan, colspan)."""
    parent = {(r, c): (r, c) for r in range(len(ys) - 1) for c in range(len(xs) - 1)}

    def find(k: tuple[int, int]) -> tuple[int, int]:
        while parent[k] != k:
            k = parent[k]
        return k

    t = GRID_TOLERANCE
    for r, c in list(parent):
        if c + 1 < len(xs) - 1 and not _ruled(vert[ys[r] : ys[r + 1], max(xs[c + 1] - t, 0) : xs[c + 1] + t], 0):
            parent[find((r, c + 1))] = find((r, c))
        if r + 1 < len(ys) - 1 and not _ruled(horiz[max(ys[r + 1] - t, 0) : ys[r + 1] + t, xs[c] : xs[c + 1]], 1):
            parent[find((r + 1, c))] = find((r, c))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for k in parent:
        groups.setdefault(find(k), []).append(k)
    cells = []
    for members in groups.values():
        rows, cols = [r for r, _ in members], [c for _, c in members]
        cells.append((min(rows), min(cols), max(rows) - min(rows) + 1, max(cols) - min(cols) + 1))
    return sorted(cells)


def _ruled(strip: np.ndarray, axis: int) -> bool:
    """Whether a rule runs along most of a border strip between two grid cells."""
    if strip.size == 0:
        return False
    covered = strip.max(axis=1 - axis) > 0
    return bool(covered.mean() > 0.6)


def _in_bbox(box: _Box, bbox: tuple[int, int, int, int]) -> bool:
    x0, top, x1, bottom = bbox
    return x0 <= box.cx <= x1 and top <= box.cy <= bottom


def _table(grid: _Grid, boxes: list[_Box], page: int) -> Table:
    owner = {}
    for cell in grid.cells:
        r, c, rs, cs = cell
        owner.update({(rr, cc): cell for rr in range(r, r + rs) for cc in range(c, c + cs)})
    contents: dict[tuple[int, int, int, int], list[_Box]] = {cell: [] for cell in grid.cells}
    for box in boxes:
        if _in_bbox(box, grid.bbox):
            key = (_slot(grid.ys, box.cy), _slot(grid.xs, box.cx))
            contents[owner[key]].append(box)
    cells = [Cell(join_lines([_line_text(line) for line in _group_lines(contents[k])]), *k) for k in grid.cells]
    return Table(cells, page)


def _slot(edges: list[int], value: float) -> int:
    return max(0, min(len(edges) - 2, int(np.searchsorted(edges, value)) - 1))


def _group_lines(boxes: list[_Box]) -> list[list[_Box]]:
    """Boxes grouped into text lines by their vertical centres, each line left to right."""
    lines: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: b.cy):
        line = lines[-1] if lines else None
        if line and abs(box.cy - median(b.cy for b in line)) < 0.5 * median(b.bottom - b.top for b in line):
            line.append(box)
        else:
            lines.append([box])
    return [sorted(line, key=lambda b: b.x0) for line in lines]


def _line_text(line: list[_Box]) -> str:
    """Fragments left to right: a space at a wide gap or between two non-CJK words, else nothing."""
    out = line[0].text
    for prev, box in pairwise(line):
        wide = box.x0 - prev.x1 > box.bottom - box.top
        out += " " if wide or not (is_cjk(out[-1]) or is_cjk(box.text[0])) else ""
        out += box.text
    return out


def _line_dict(line: list[_Box]) -> dict:
    """A line in the shape pdfplumber uses, so the PDF paragraph grouping applies to OCR too."""
    return {
        "text": _line_text(line),
        "x0": min(b.x0 for b in line),
        "x1": max(b.x1 for b in line),
        "top": min(b.top for b in line),
        "bottom": max(b.bottom for b in line),
    }
