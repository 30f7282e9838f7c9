"""Cards as CSV (export, and interview notes imported from a spreadsheet) and the Markdown report."""

from __future__ import annotations

import csv
import io

import pytest

from canvas.core.edits import EditCard
from canvas.core.frameworks import ModelSpec
from canvas.core.model import Card, CardKind, Evidence, Voice
from canvas.exchange.limits import FileRejected
from canvas.exchange.report import markdown_report
from canvas.exchange.tabular import CARD_COLUMNS, read_interview_notes, write_cards_csv

from .samples import card_titled, workshop


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_card_export_has_a_stable_column_order_and_one_row_per_live_card() -> None:
    canvas = workshop()

    data = write_cards_csv(canvas)

    header = data.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == [*CARD_COLUMNS, "zone:journey", "zone:jtbd", "zone:value-exchange"]
    exported = {row["title"]: row for row in rows(data)}
    assert len(exported) == len(canvas.live_cards())
    job = exported["Pay employees correctly"]
    assert (job["kind"], job["importance"], job["zone:journey"], job["zone:jtbd"]) == (
        "job",
        "9",
        "use.doing",
        "outcomes",
    )
    assert write_cards_csv(canvas) == data


def test_interview_notes_from_a_spreadsheet_become_cards_waiting_in_the_tray() -> None:
    notes = (
        "Title;Notes;Kind;Voice;Evidence;Source;Tags\n"
        'Payroll on Sunday night;"She approves the run at 23:40; salaries land on the first";pain;customer;'
        'observed;interview 3;"payroll; weekend"\n'
        "Unsure which tax table applies;;Question;customer;reported;interview 5;tax\n"
    ).encode("utf-8-sig")

    document = read_interview_notes(notes, "oslo-interviews.csv", "Oslo interviews")

    cards = {card.title: card for card in document.live_cards()}
    sunday = cards["Payroll on Sunday night"]
    assert sunday.notes == "She approves the run at 23:40; salaries land on the first"
    assert (sunday.kind, sunday.voice, sunday.evidence) == (CardKind.PAIN, Voice.CUSTOMER, Evidence.OBSERVED)
    assert sunday.source == "interview 3" and sunday.tags == ("payroll", "weekend")
    assert cards["Unsure which tax table applies"].kind is CardKind.QUESTION
    assert document.canvas.title == "Oslo interviews" and not document.placements


def test_a_bad_row_is_named_by_its_line_and_nothing_is_imported() -> None:
    notes = b'title,notes,importance\nFine,"two\nlines",3\nToo important,,11\n'

    with pytest.raises(FileRejected) as refused:
        read_interview_notes(notes, "notes.csv", "Notes")

    assert [str(problem) for problem in refused.value.problems] == [
        "line 4: importance: Input should be less than or equal to 10"
    ]


def test_cards_exported_to_csv_come_back_the_same_and_formulas_stay_harmless() -> None:
    canvas = workshop()
    card = card_titled(canvas, "Payroll on Sunday night")
    EditCard(card.id, {"title": '=HYPERLINK("http://x")', "tags": ("payroll", "weekend")}).apply(canvas)

    data = write_cards_csv(canvas)
    back = read_interview_notes(data, "cards.csv", "Back again")

    assert "'=HYPERLINK" in data.decode("utf-8-sig")  # a spreadsheet shows it as text, never runs it
    fields = ("title", "notes", "kind", "voice", "evidence", "source", "tags", "emotion", "importance", "satisfaction")

    def content(cards: list[Card]) -> list[tuple[object, ...]]:
        return sorted(tuple(getattr(c, name) for name in fields) for c in cards)

    assert content(back.live_cards()) == content(canvas.live_cards())


def test_the_report_shows_each_model_with_its_zones_scores_balance_and_evidence(models: dict[str, ModelSpec]) -> None:
    canvas = workshop()

    report = markdown_report(canvas, models)

    assert report.startswith("# Payroll onboarding, Oslo workshop\n")
    assert "6 cards: 2 resting on customer evidence, 4 on assumptions (33 % customer evidence)." in report
    assert "## Customer journey map" in report and "### Use · Pains" in report
    assert "| Payroll on Sunday night | pain | observed | interview 3 |" in report
    assert "### Opportunity scores" in report and "| Pay employees correctly | 9 | 4 | 14 |" in report
    assert "### Exchange balance" in report
    assert "| Small-business owner | 1 | 0 | -1 |" in report and "| Bank | 0 | 1 | +1 |" in report
    assert "- Small-business owner → Bank" in report


def test_card_text_cannot_break_the_report_table_or_inject_html(models: dict[str, ModelSpec]) -> None:
    canvas = workshop()
    card = card_titled(canvas, "Payroll on Sunday night")
    EditCard(card.id, {"title": "Pay | day <script>alert(1)</script>\nsecond line"}).apply(canvas)

    report = markdown_report(canvas, models, only="journey")

    assert "| Pay \\| day &lt;script&gt;alert(1)&lt;/script&gt; second line | pain |" in report
