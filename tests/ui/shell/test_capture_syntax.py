"""Quick capture's little syntax: a facilitator types kind, tags, voice and evidence without leaving the line."""

from __future__ import annotations

from canvas.core.model import CardKind, Evidence, Voice
from canvas.ui.capture import Captured, Defaults, parse_capture


def test_plain_text_is_the_title_and_nothing_else() -> None:
    assert parse_capture("Payroll runs on Sunday night") == Captured("Payroll runs on Sunday night")


def test_a_kind_prefix_tags_voice_and_evidence_are_read_and_left_out_of_the_title() -> None:
    captured = parse_capture("pain: Payroll runs on Sunday night #payroll @org !obs")
    assert captured == Captured(
        "Payroll runs on Sunday night", CardKind.PAIN, Voice.ORGANIZATION, Evidence.OBSERVED, ("payroll",)
    )


def test_three_letters_name_a_kind_but_ambiguous_or_unknown_prefixes_stay_text() -> None:
    assert parse_capture("opp: nothing").kind is None
    assert parse_capture("out: Fewer late payments").kind is CardKind.OUTCOME
    assert parse_capture("Note: call back").title == "Note: call back"
    assert parse_capture("qu: which one").kind is None


def test_a_line_in_quotes_is_a_customer_quote() -> None:
    captured = parse_capture("“I never know if it went through”")
    assert (captured.title, captured.kind, captured.voice) == (
        "I never know if it went through",
        CardKind.QUOTE,
        Voice.CUSTOMER,
    )


def test_alt_keys_cycle_the_defaults_and_remember_that_the_kind_was_chosen() -> None:
    defaults = Defaults()
    assert defaults.next_kind(1).kind is CardKind.NEED and defaults.next_kind(1).kind_chosen
    assert defaults.next_kind(-1).kind is CardKind.QUESTION
    assert defaults.other_voice().voice is Voice.ORGANIZATION
    assert [d.evidence for d in (defaults.next_evidence(), defaults.next_evidence().next_evidence())] == [
        Evidence.OBSERVED,
        Evidence.REPORTED,
    ]
