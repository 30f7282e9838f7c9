"""The canvas's look, built once per scene: colours per card kind, evidence and voice markers, fonts, pens, glyphs.

Nothing here is created while painting: items read prepared brushes, pens, fonts and paths from a `Style`.
`Style.standard()` is the everyday look; `Style.presentation()` has larger type and stronger contrast for a projector.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QStaticText

from canvas.core.layout import CARD_W
from canvas.core.model import CardKind, Evidence, Side, Voice
from canvas.ui.scene.text import static_text

#: Font families in order of preference; the first one installed wins (DejaVu Sans ships with fontconfig).
FONT_FAMILIES = ["Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "Cantarell", "DejaVu Sans"]

#: Kind -> (accent, tint, label). Accent draws borders and markers, tint fills observed cards, label names the kind.
KIND_COLOURS: dict[CardKind, tuple[str, str, str]] = {
    CardKind.SITUATION: ("#2f6fd0", "#dbe7fb", "Situation"),
    CardKind.NEED: ("#7048c8", "#e8e0fa", "Need"),
    CardKind.PAIN: ("#c63f2b", "#fbdcd5", "Pain"),
    CardKind.GAIN: ("#2b8748", "#d8f0df", "Gain"),
    CardKind.JOB: ("#a5680c", "#f7e6c8", "Job"),
    CardKind.OUTCOME: ("#0d8680", "#d0efec", "Outcome"),
    CardKind.QUOTE: ("#56647a", "#e3e8ef", "Quote"),
    CardKind.IDEA: ("#a07800", "#faefc2", "Idea"),
    CardKind.ACTOR: ("#3a48a6", "#dfe3f7", "Actor"),
    CardKind.TOUCHPOINT: ("#0c7aa3", "#d3ecf6", "Touchpoint"),
    CardKind.QUESTION: ("#ad3878", "#f7dbeb", "Question"),
}

#: Chrome colours, matched to the shell's theme (ui/theme.py) so the canvas and the window read as one product.
INK = "#1d2530"
MUTED = "#5a6576"
FAINT = "#9aa3b0"
ACCENT = "#2d5bd3"
BACKGROUND = "#eef1f5"
PAPER = "#ffffff"
HIGHLIGHT = "#f0b000"
WARNING = "#d9480f"
POSITIVE = "#2b8748"
NEGATIVE = "#c63f2b"


def relative_luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1…21); body text needs at least 4.5."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(colour: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """`colour`, darkened just enough to reach `minimum` contrast on `background`."""
    result = QColor(colour)
    while contrast_ratio(result, background) < minimum and result.lightness() > 0:
        result = result.darker(108)
    return result


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0…1) of the way towards `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
        a.alphaF() + (b.alphaF() - a.alphaF()) * amount,
    )


def _pen(colour: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(False)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _font(size: float, weight: QFont.Weight = QFont.Weight.Normal, *, caps: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, round(size)))
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if caps:
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6)
    return font


@dataclass(frozen=True)
class KindLook:
    """Everything a card of one kind paints with, per evidence level."""

    kind: CardKind
    label: str
    accent: QColor
    tint: QColor
    label_colour: QColor
    label_pen: QPen
    #: Overview rectangles (zoomed far out): a mid tone that reads at a few pixels, and its dimmed twin.
    overview: QBrush
    overview_dim: QBrush
    fills: dict[Evidence, QBrush]
    borders: dict[Evidence, QPen]
    accent_brush: QBrush
    accent_pen: QPen
    #: The kind's name, laid out once in the label font.
    label_text: QStaticText


def _kind_look(
    kind: CardKind, accent_hex: str, tint_hex: str, label: str, border_width: float, font: QFont
) -> KindLook:
    accent, tint = QColor(accent_hex), QColor(tint_hex)
    paper = QColor(PAPER)
    # Assumed cards are pale with a dashed edge: they should look less solid than what we saw with customers.
    # (A hatch pattern read well but cost six times a plain fill per card.)
    fills = {
        Evidence.OBSERVED: QBrush(tint),
        Evidence.REPORTED: QBrush(paper),
        Evidence.ASSUMED: QBrush(mix(tint, paper, 0.55)),
    }
    dashed = _pen(accent, border_width, Qt.PenStyle.CustomDashLine)
    dashed.setDashPattern([4.0, 3.0])
    borders = {
        Evidence.OBSERVED: _pen(accent, border_width),
        Evidence.REPORTED: _pen(accent, border_width),
        Evidence.ASSUMED: dashed,
    }
    overview = mix(tint, accent, 0.55)
    return KindLook(
        kind=kind,
        label=label,
        accent=accent,
        tint=tint,
        label_colour=readable_on(accent, tint),
        label_pen=QPen(readable_on(accent, tint)),
        overview=QBrush(overview),
        overview_dim=QBrush(mix(overview, QColor(BACKGROUND), 0.7)),
        fills=fills,
        borders=borders,
        accent_brush=QBrush(accent),
        accent_pen=_pen(accent, 1.3),
        label_text=static_text(label, font),
    )


def _person_glyph(size: float) -> QPainterPath:
    """A small person (head and shoulders): the customer's voice."""
    path = QPainterPath()
    head = size * 0.36
    path.addEllipse(QRectF((size - head) / 2, 0.0, head, head))
    shoulders = QPainterPath()
    shoulders.moveTo(0.0, size)
    shoulders.cubicTo(0.0, size * 0.42, size, size * 0.42, size, size)
    shoulders.closeSubpath()
    return path.united(shoulders)


def _building_glyph(size: float) -> QPainterPath:
    """A small square badge with windows: the organization's voice."""
    path = QPainterPath()
    path.addRoundedRect(QRectF(0.0, 0.0, size, size), 1.5, 1.5)
    window = size * 0.2
    for col in (0.22, 0.58):
        for row in (0.2, 0.55):
            hole = QPainterPath()
            hole.addRect(QRectF(size * col, size * row, window, window))
            path = path.subtracted(hole)
    return path


def _warning_glyph(size: float) -> QPainterPath:
    """A triangle: this card competes with another one kept from a merge conflict."""
    path = QPainterPath()
    path.moveTo(size / 2, 0.0)
    path.lineTo(size, size * 0.9)
    path.lineTo(0.0, size * 0.9)
    path.closeSubpath()
    bar = QPainterPath()
    bar.addRect(QRectF(size * 0.44, size * 0.3, size * 0.12, size * 0.32))
    dot = QPainterPath()
    dot.addRect(QRectF(size * 0.44, size * 0.68, size * 0.12, size * 0.1))
    return path.subtracted(bar).subtracted(dot)


def _star_glyph(size: float) -> QPainterPath:
    """A five-pointed star: a top opportunity."""
    import math

    path = QPainterPath()
    centre = QPointF(size / 2, size / 2)
    for i in range(10):
        radius = size / 2 if i % 2 == 0 else size / 4.6
        angle = -math.pi / 2 + i * math.pi / 5
        point = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        if i == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


@dataclass(frozen=True)
class Metrics:
    """Card geometry inside the 200 × 84 card (layout.CARD_W × CARD_H)."""

    radius: float = 7.0
    pad: float = 10.0
    title_top: float = 25.0
    title_lines: int = 3
    compact_lines: int = 3
    glyph: float = 10.0
    dot: float = 6.0


@dataclass(frozen=True)
class Style:
    """Fonts, pens, brushes and glyph paths for the canvas. Build once (`standard()` / `presentation()`)."""

    presentation: bool
    kinds: dict[CardKind, KindLook]
    metrics: Metrics
    title_font: QFont
    #: Line spacing of the title font, in card units.
    title_line: float
    compact_font: QFont
    label_font: QFont
    chip_font: QFont
    header_font: QFont
    row_header_font: QFont
    question_font: QFont
    invitation_font: QFont
    side_font: QFont
    flow_font: QFont
    legend_font: QFont
    legend_title_font: QFont
    page_title_font: QFont
    page_subtitle_font: QFont
    ink: QColor
    muted: QColor
    faint: QColor
    accent: QColor
    background: QColor
    paper: QColor
    ink_pen: QPen
    muted_pen: QPen
    faint_pen: QPen
    paper_brush: QBrush
    shadow_brush: QBrush
    selection_pen: QPen
    selection_halo: QPen
    highlight_pen: QPen
    highlight_brush: QBrush
    focus_pen: QPen
    vote_brush: QBrush
    warning_brush: QBrush
    warning_colour: QColor
    positive: QColor
    negative: QColor
    chip_brushes: dict[str, QBrush]
    chip_text: dict[str, QColor]
    chip_pens: dict[str, QPen]
    zone_border: QColor
    zone_dim_brush: QBrush
    far_label_brush: QBrush
    header_rule: QPen
    visibility_pen: QPen
    curve_pen: QPen
    curve_zero_pen: QPen
    curve_fill: QColor
    flow_pens: dict[tuple[bool, bool], QPen]
    #: Per (tangible, one-sided): the arrow head's fill and the label's text and outline.
    flow_heads: dict[tuple[bool, bool], QBrush]
    flow_text: dict[tuple[bool, bool], QPen]
    flow_label_brush: QBrush
    person: QPainterPath
    building: QPainterPath
    warning: QPainterPath
    star: QPainterPath
    #: The other side's cards: clearly secondary, yet their titles stay readable.
    dim_opacity: float = 0.45
    side_names: dict[Side, str] = field(default_factory=dict)
    #: Zone tints worked out so far by zone colour (`zone_tints`): the zones of a row or a column share one.
    _tints: dict[str | None, tuple[QColor, QColor]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def standard(cls) -> Style:
        return _built(presentation=False)

    @classmethod
    def presentation_mode(cls) -> Style:
        """Larger type, stronger borders and darker ink, for a projector."""
        return _built(presentation=True)

    def kind(self, kind: CardKind) -> KindLook:
        return self.kinds[kind]

    def voice_glyph(self, voice: Voice) -> QPainterPath:
        return self.person if voice is Voice.CUSTOMER else self.building

    def zone_fill(self, colour: str | None) -> QColor:
        """A zone's tint, softened towards the paper so cards stand out on it."""
        base = QColor(colour) if colour else QColor("#f1f3f6")
        return mix(base, self.paper, 0.35)

    def zone_edge(self, colour: str | None) -> QColor:
        base = QColor(colour) if colour else QColor("#e3e7ed")
        return mix(base, QColor(INK), 0.12)

    def zone_tints(self, colour: str | None) -> tuple[QColor, QColor]:
        """A zone's fill and edge (`zone_fill`, `zone_edge`), worked out once per colour."""
        found = self._tints.get(colour)
        if found is None:
            found = self._tints[colour] = (self.zone_fill(colour), self.zone_edge(colour))
        return found


@cache
def _built(*, presentation: bool) -> Style:
    """Each look is built once per process (a style is frozen, and building one took ~9 ms of opening a window)."""
    return _build(presentation=presentation)


def _build(*, presentation: bool) -> Style:
    scale = 1.18 if presentation else 1.0
    border = 2.0 if presentation else 1.4
    ink = QColor("#0f141b" if presentation else INK)
    muted = QColor("#3d4756" if presentation else MUTED)
    label_font = _font(8.6 * min(scale, 1.1), QFont.Weight.Bold, caps=True)
    title_font = _font(12.5 * scale, QFont.Weight.Medium)
    kinds = {kind: _kind_look(kind, *KIND_COLOURS[kind], border_width=border, font=label_font) for kind in CardKind}
    selection = _pen(ACCENT, 3.0)
    halo = _pen(QColor(45, 91, 211, 70), 8.0)
    highlight = _pen(HIGHLIGHT, 3.0)
    focus = _pen(ACCENT, 4.5)
    flow_pens: dict[tuple[bool, bool], QPen] = {}
    for tangible in (True, False):
        for one_sided in (False, True):
            pen = _pen(WARNING if one_sided else "#47546a", 2.2 if tangible else 1.8)
            if not tangible:
                pen.setStyle(Qt.PenStyle.CustomDashLine)
                pen.setDashPattern([5.0, 4.0])
            flow_pens[(tangible, one_sided)] = pen
    visibility = _pen("#8c96a6", 1.6, Qt.PenStyle.CustomDashLine)
    visibility.setDashPattern([8.0, 6.0])
    zero = _pen("#b9c0cb", 1.2, Qt.PenStyle.CustomDashLine)
    zero.setDashPattern([4.0, 4.0])
    chips = {
        "positive": (QColor("#dcf2e2"), QColor("#1d6535")),
        "negative": (QColor("#fbdcd5"), QColor("#9c2d1d")),
        "neutral": (QColor("#e7ebf1"), QColor("#3d4756")),
        "opportunity": (QColor("#fdefc4"), QColor("#6e5200")),
        "top": (QColor("#f0b000"), QColor("#1d2530")),
        "one-sided": (QColor("#ffe1d0"), QColor("#9a330a")),
    }
    return Style(
        presentation=presentation,
        kinds=kinds,
        metrics=Metrics(),
        title_font=title_font,
        title_line=QFontMetricsF(title_font).lineSpacing(),
        # Projected, cards are mostly read at the compact level (the model fills the screen's width): larger.
        compact_font=_font(22.0 if presentation else 19.0, QFont.Weight.DemiBold),
        label_font=label_font,
        chip_font=_font(9.5 * min(scale, 1.1), QFont.Weight.DemiBold),
        header_font=_font(19.0 * scale, QFont.Weight.Bold),
        row_header_font=_font(16.0 * scale, QFont.Weight.Bold),
        question_font=_font(11.0 * scale),
        invitation_font=_font(13.0 * scale),
        side_font=_font(9.0 * scale, QFont.Weight.Bold, caps=True),
        flow_font=_font(11.5 * scale, QFont.Weight.DemiBold),
        legend_font=_font(12.0),
        legend_title_font=_font(13.0, QFont.Weight.Bold),
        page_title_font=_font(30.0, QFont.Weight.Bold),
        page_subtitle_font=_font(17.0),
        ink=ink,
        muted=muted,
        faint=QColor(FAINT),
        accent=QColor(ACCENT),
        background=QColor(BACKGROUND),
        paper=QColor(PAPER),
        ink_pen=QPen(ink),
        muted_pen=QPen(muted),
        faint_pen=QPen(QColor("#7c8696")),
        paper_brush=QBrush(QColor(PAPER)),
        shadow_brush=QBrush(QColor(16, 24, 40, 26)),
        selection_pen=selection,
        selection_halo=halo,
        highlight_pen=highlight,
        highlight_brush=QBrush(QColor(240, 176, 0, 60)),
        focus_pen=focus,
        vote_brush=QBrush(QColor("#27303d")),
        warning_brush=QBrush(QColor(WARNING)),
        warning_colour=QColor(WARNING),
        positive=QColor(POSITIVE),
        negative=QColor(NEGATIVE),
        chip_brushes={name: QBrush(fill) for name, (fill, _) in chips.items()},
        chip_text={name: text for name, (_, text) in chips.items()},
        chip_pens={name: QPen(text) for name, (_, text) in chips.items()},
        zone_border=QColor("#d5dbe3"),
        zone_dim_brush=QBrush(QColor(238, 241, 245, 200)),
        far_label_brush=QBrush(QColor(255, 255, 255, 215)),
        header_rule=_pen("#c9d0da", 1.0),
        visibility_pen=visibility,
        curve_pen=_pen("#b03a5e", 3.0),
        curve_zero_pen=zero,
        curve_fill=QColor(176, 58, 94, 28),
        flow_pens=flow_pens,
        flow_heads={key: QBrush(pen.color()) for key, pen in flow_pens.items()},
        flow_text={key: QPen(pen.color(), 1.0) for key, pen in flow_pens.items()},
        flow_label_brush=QBrush(QColor(255, 255, 255, 235)),
        # Glyphs are built where a card draws them (card coordinates), so painting needs no translation.
        person=_person_glyph(10.0).translated(10.0, 8.0),
        building=_building_glyph(10.0).translated(10.0, 8.0),
        warning=_warning_glyph(12.0).translated(CARD_W - 36.0, 6.5),
        star=_star_glyph(18.0).translated(CARD_W - 13.0, -10.0),
        side_names={Side.CUSTOMER: "Customer side", Side.ORGANIZATION: "Organization side", Side.SHARED: ""},
    )
