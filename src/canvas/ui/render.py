"""Pictures of a canvas: a model view as PNG, SVG or PDF with the canvas title, the model's name and a legend, and
`export_picture`, the headless export the CLI calls (it needs no display: Qt runs offscreen).

PNG far out draws the batched overview (10,000 cards in well under a second); SVG and PDF always draw every card
with vector text.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from canvas.core.catalog import load_catalog
from canvas.core.model import Side
from canvas.paths import builtin_models_dir, user_models_dir
from canvas.ui.scene.legend import legend_height, paint_legend
from canvas.ui.scene.scene import CanvasScene

Format = Literal["png", "svg", "pdf"]
FORMATS: tuple[Format, ...] = ("png", "svg", "pdf")
#: A PNG holds at most this many pixels (the demo journey at full size: 3,040 × 2,000), and its longest side at
#: most MAX_PNG_SIDE: a larger canvas is scaled down. Encoding costs ~0.1 s per million pixels.
MAX_PNG_PIXELS = 6_200_000
MAX_PNG_SIDE = 5000
#: Below this scale a PNG shows the overview: cards drawn one by one would be too small to read anyway.
PNG_DETAIL_SCALE = 0.5
MARGIN = 48.0
PNG_QUALITY = 50
TITLE_H = 96.0
SIDE_WORDS = {Side.CUSTOMER: "from the customer's side", Side.ORGANIZATION: "from the organization's side"}


@dataclass(frozen=True)
class _Page:
    """Where title, picture and legend go on one page, in scene units (1 unit = 1 px at zoom 1)."""

    source: QRectF
    size: QSizeF
    picture: QRectF
    legend: QRectF | None


def _page(scene: CanvasScene, legend: bool, title: str) -> _Page:
    source = scene.content_rect().adjusted(-16.0, -16.0, 16.0, 16.0)
    title_width = QFontMetricsF(scene.look.page_title_font).horizontalAdvance(title) + 24.0
    width = max(source.width(), title_width, 900.0) + 2 * MARGIN
    picture = QRectF(MARGIN, MARGIN + TITLE_H, width - 2 * MARGIN, source.height())
    legend_rect = None
    bottom = picture.bottom() + MARGIN
    if legend:
        height = legend_height(picture.width(), scene.look, scene.spec)
        legend_rect = QRectF(MARGIN, picture.bottom() + 28.0, picture.width(), height)
        bottom = legend_rect.bottom() + MARGIN
    return _Page(source, QSizeF(width, bottom), picture, legend_rect)


def subtitle(scene: CanvasScene) -> str:
    spec = scene.spec
    name = spec.name if spec is not None else scene.model
    side = SIDE_WORDS.get(scene.side) if scene.side is not None else None
    return f"{name} · seen {side}" if side else name


def _paint_page(painter: QPainter, scene: CanvasScene, page: _Page, title: str, *, detail: bool) -> None:
    style = scene.look
    painter.fillRect(QRectF(0.0, 0.0, page.size.width(), page.size.height()), style.background)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setPen(style.ink_pen)
    painter.setFont(style.page_title_font)
    painter.drawText(QRectF(MARGIN, MARGIN - 6.0, page.picture.width(), 42.0), Qt.AlignmentFlag.AlignVCenter, title)
    painter.setPen(style.muted_pen)
    painter.setFont(style.page_subtitle_font)
    painter.drawText(
        QRectF(MARGIN, MARGIN + 38.0, page.picture.width(), 28.0), Qt.AlignmentFlag.AlignVCenter, subtitle(scene)
    )
    was_detailed = scene.cards.detail
    scene.set_detail(detail)
    try:
        target = QRectF(page.picture.x(), page.picture.y(), page.source.width(), page.source.height())
        with scene.cards.uncached():
            scene.render(painter, target, page.source, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        scene.set_detail(was_detailed)
    if page.legend is not None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(style.header_rule)
        painter.drawLine(page.legend.topLeft(), page.legend.topRight())
        paint_legend(painter, page.legend.adjusted(0.0, 6.0, 0.0, 0.0), style, scene.spec)


def render_view(scene: CanvasScene, out: Path, fmt: Format, title: str, legend: bool = True) -> Path:
    """Write the scene's current model view to `out` as a PNG, SVG or PDF page and return the path."""
    if fmt not in FORMATS:
        raise ValueError(f"cannot write a picture as '{fmt}': choose one of {', '.join(FORMATS)}")
    out = Path(out)
    page = _page(scene, legend, title)
    if fmt == "png":
        width, height = page.size.width(), page.size.height()
        scale = min(1.0, MAX_PNG_SIDE / max(width, height), math.sqrt(MAX_PNG_PIXELS / (width * height)))
        image = QImage(
            math.ceil(page.size.width() * scale), math.ceil(page.size.height() * scale), QImage.Format.Format_RGB32
        )
        image.fill(QColor(scene.look.background))
        painter = QPainter(image)
        painter.scale(scale, scale)
        _paint_page(painter, scene, page, title, detail=scale >= PNG_DETAIL_SCALE)
        painter.end()
        # The stubs say bytes, but PySide6 6.11 accepts only a str format at run time. Quality 50 compresses as
        # well as the default here and saves a 1,700 × 5,000 picture in 0.8 s instead of 1.05 s.
        if not image.save(str(out), "PNG", PNG_QUALITY):  # type: ignore[call-overload]
            raise OSError(f"could not write the picture {out}: check that the folder exists and is writable")
    elif fmt == "svg":
        generator = QSvgGenerator()
        generator.setFileName(str(out))
        generator.setSize(QSize(math.ceil(page.size.width()), math.ceil(page.size.height())))
        generator.setViewBox(QRectF(0.0, 0.0, page.size.width(), page.size.height()))
        generator.setTitle(title)
        generator.setDescription(subtitle(scene))
        painter = QPainter(generator)
        _paint_page(painter, scene, page, title, detail=True)
        painter.end()
    else:
        _write_pdf(out, [(scene, title)], legend)
    return out


def _write_pdf(out: Path, pages: Sequence[tuple[CanvasScene, str]], legend: bool, switch: Sequence[str] = ()) -> None:
    """One page per entry (or per model in `switch`, flipping the first scene), sized to its picture; vector text."""
    writer = QPdfWriter(str(out))
    writer.setResolution(72)  # one scene unit = one point
    writer.setCreator("Sensemaking Canvas")
    painter: QPainter | None = None
    jobs = [(pages[0][0], pages[0][1], model) for model in switch] if switch else [(s, t, None) for s, t in pages]
    for index, (scene, title, model) in enumerate(jobs):
        if model is not None:
            scene.flip_to(model, animate=False)
        page = _page(scene, legend, title)
        layout = QPageLayout(
            QPageSize(page.size, QPageSize.Unit.Point, "canvas"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0.0, 0.0, 0.0, 0.0),
        )
        writer.setPageLayout(layout)
        if painter is None:
            painter = QPainter(writer)
        elif index:
            writer.newPage()
        _paint_page(painter, scene, page, title, detail=True)
    if painter is not None:
        painter.end()
    if not out.exists():
        raise OSError(f"could not write the picture {out}: check that the folder exists and is writable")


def _application() -> QApplication:
    """The running QApplication, or a new offscreen one (exports need no display)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # A picture needs no window, even where there is a display (and an empty setting must not reach the xcb plugin).
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication(["canvas-export"])


def export_picture(
    store_path: Path, canvas_id: str, model: str | None, side: str | None, fmt: Format, out_path: Path
) -> Path:
    """Render one model of a stored canvas (PDF with no model: every model of the canvas, one page each) from
    `side` ("customer", "organization" or None for both) to `out_path`. Headless; the store is only read."""
    from canvas.exchange.carried import carried_models
    from canvas.store.repository import open_store

    if fmt not in FORMATS:
        raise ValueError(f"cannot write a picture as '{fmt}': choose one of {', '.join(FORMATS)}")
    seen_from = None
    if side is not None:
        try:
            seen_from = Side(side)
        except ValueError:
            raise ValueError(f"'{side}' is not a side: choose customer or organization") from None
    _application()
    catalog = load_catalog(builtin_models_dir(), user_models_dir())
    store = open_store(store_path, create=False)
    try:
        document = store.load(store.find_canvas(canvas_id))
        catalog.learn(carried_models(store))
    finally:
        store.close()
    models = [m for m in document.canvas.models if m in catalog] if model is None else [model]
    if not models:
        raise ValueError(f"the canvas '{document.canvas.title}' has no model this installation knows")
    for wanted in models:
        if wanted not in catalog:
            known = ", ".join(catalog.models)
            raise ValueError(f"there is no model '{wanted}' (known models: {known})")
    scene = CanvasScene(catalog)
    scene.show_document(document, models[0], seen_from)
    out_path = Path(out_path)
    if fmt == "pdf" and model is None:
        _write_pdf(out_path, [(scene, document.canvas.title)], legend=True, switch=models)
        return out_path
    return render_view(scene, out_path, fmt, document.canvas.title)
