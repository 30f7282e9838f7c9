"""The Markdown report of a canvas: per model, the zones with their cards, opportunity scores, the exchange
balance, and how much rests on customer evidence rather than assumptions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from canvas.core.analysis import evidence_gauge, exchange_balance, one_sided, opportunities, zone_visible
from canvas.core.document import Document
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Card, Side


def markdown_report(
    document: Document, models: Mapping[str, ModelSpec], only: str | None = None, side: Side | None = None
) -> str:
    """The report as Markdown text. `only`: one model id (default: every enabled model that is installed)."""
    canvas = document.canvas
    lines = [f"# {_inline(canvas.title)}", ""]
    if canvas.description:
        lines += [_inline(canvas.description), ""]
    live = document.live_cards()
    customer = sum(1 for card in live if card.rests_on_customer_evidence)
    lines += [
        f"{_count(len(live), 'card')}: {customer} resting on customer evidence, "
        f"{len(live) - customer} on assumptions ({_share(customer, len(live))} customer evidence).",
        "",
    ]
    wanted = [only] if only else list(dict.fromkeys(canvas.models))
    for model_id in wanted:
        spec = models.get(model_id)
        if spec is None:
            lines += [f"## {model_id}", "", "_This model is not installed here, so its view cannot be shown._", ""]
            continue
        lines += _model_section(document, spec, side)
    unplaced = [card for card in live if not document.placements_of(card.id)]
    if unplaced and only is None:
        lines += ["## Not yet placed in any model", "", *_card_table(unplaced), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _model_section(document: Document, spec: ModelSpec, side: Side | None) -> list[str]:
    settings = document.model_settings(spec.id)
    gauge = evidence_gauge(document, spec, settings, side)
    overall = gauge.overall
    seen_from = f" seen from the {side.value} side" if side not in (None, Side.SHARED) else ""
    lines = [f"## {_inline(spec.name)}{seen_from}", ""]
    lines += [
        f"Evidence: {overall.customer_evidence} of {_count(overall.total, 'placed card')} rest on customer "
        f"evidence ({_share(overall.customer_evidence, overall.total)}), {overall.assumptions} on assumptions.",
        "",
    ]
    placements = document.placements_in(spec.id)
    by_zone: dict[str, list[Card]] = {}
    for card_id, placement in placements.items():
        card = document.card(card_id)
        if card is not None:
            by_zone.setdefault(placement.zone, []).append(card)
    network = spec.network is not None
    for zone_id, zone in spec.zones(settings).items():
        cards = by_zone.get(zone_id, [])
        if not cards or not (network or zone_visible(zone.side, side)):
            continue
        ordered = sorted(cards, key=lambda c: (placements[c.id].y, placements[c.id].x, c.title))
        lines += [f"### {_inline(zone.label)}", "", *_card_table(ordered), ""]

    scored = opportunities(document, spec)
    if scored:
        lines += ["### Opportunity scores", "", "| Outcome | Importance | Satisfaction | Score |", "|---|---|---|---|"]
        for found in scored:
            card = found.card
            lines.append(f"| {_cell(card.title)} | {card.importance} | {card.satisfaction} | {found.score:g} |")
        lines.append("")

    if network:
        balances = exchange_balance(document, spec.id)
        if balances:
            lines += ["### Exchange balance", "", "| Actor | Gives | Receives | Net |", "|---|---|---|---|"]
            titles = {card_id: _title(document, card_id) for card_id in balances}
            for card_id, balance in sorted(balances.items(), key=lambda item: (item[1].net, titles[item[0]])):
                lines.append(f"| {_cell(titles[card_id])} | {balance.gives} | {balance.receives} | {balance.net:+d} |")
            lines.append("")
            pairs = one_sided(document, spec.id)
            if pairs:
                lines += ["One-sided relationships (value flows one way only):", ""]
                lines += [f"- {_inline(_title(document, a))} → {_inline(_title(document, b))}" for a, b in pairs]
                lines.append("")
    return lines


def _card_table(cards: Iterable[Card]) -> list[str]:
    rows = ["| Card | Kind | Evidence | Source |", "|---|---|---|---|"]
    for card in cards:
        rows.append(f"| {_cell(card.title)} | {card.kind.value} | {card.evidence.value} | {_cell(card.source)} |")
    return rows


def _title(document: Document, card_id: str) -> str:
    card = document.cards.get(card_id)
    return card.title if card is not None else card_id


def _inline(text: str) -> str:
    """Card text as plain Markdown text: one line, no HTML a viewer would render."""
    return " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|") or " "


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "no cards yet"
