"""Loading the catalog: built-ins in a fixed order, the user's models after them, broken files skipped with a
message that names the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas.core.catalog import (
    BUILTIN_ORDER,
    Catalog,
    ModelFileError,
    load_catalog,
    main,
    parse_model,
    read_model,
)
from canvas.core.frameworks import ModelSpec
from canvas.core.model import CardKind, ModelSettings, Side, ZoneLabel
from canvas.paths import builtin_models_dir

KANO = """
id = "kano"
name = "Kano model"
layout = "regions"

[[regions.regions]]
id = "must-be"
label = "Must-be"
question = "What would the customer only notice if it were missing?"
colour = "#fcebe4"
side = "customer"
kinds = ["need"]
col = 0
row = 0

[[regions.regions]]
id = "delighters"
label = "Delighters"
question = "What would surprise them?"
col = 1
row = 0
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtins_load_in_switcher_order_without_problems() -> None:
    catalog = load_catalog(builtin_models_dir(), None)

    assert list(catalog.models) == list(BUILTIN_ORDER)
    assert catalog.problems == []
    assert catalog.source("jtbd") == builtin_models_dir() / "jtbd.toml"
    assert catalog.get("nonexistent") is None


def test_a_users_model_file_appears_after_the_builtins(tmp_path: Path) -> None:
    write(tmp_path, "kano.toml", KANO)
    write(tmp_path, "notes.txt", "not a model")

    catalog = load_catalog(builtin_models_dir(), tmp_path)

    assert list(catalog.models) == [*BUILTIN_ORDER, "kano"]
    kano = catalog.get("kano")
    assert kano is not None and kano.name == "Kano model"
    assert kano.zone_for_kind(CardKind.NEED) == "must-be"
    assert catalog.source("kano") == tmp_path / "kano.toml"
    assert catalog.problems == []


def test_user_models_are_ordered_by_file_name(tmp_path: Path) -> None:
    write(tmp_path, "b.toml", KANO.replace('id = "kano"', 'id = "second"'))
    write(tmp_path, "a.toml", KANO.replace('id = "kano"', 'id = "first"'))

    catalog = load_catalog(builtin_models_dir(), tmp_path)

    assert list(catalog.models)[-2:] == ["first", "second"]


def test_a_broken_user_model_is_skipped_and_named_and_loading_goes_on(tmp_path: Path) -> None:
    write(tmp_path, "a-broken.toml", 'id = "broken"\nname = "Broken\n')
    write(tmp_path, "b-bad-colour.toml", KANO.replace('"#fcebe4"', '"pink"').replace("kano", "pinky"))
    write(tmp_path, "c-kano.toml", KANO)

    catalog = load_catalog(builtin_models_dir(), tmp_path)

    assert "kano" in catalog.models and "pinky" not in catalog.models
    assert len(catalog.problems) == 2
    syntax, colour = catalog.problems
    assert "a-broken.toml" in syntax and "not valid TOML" in syntax and "line 2" in syntax
    assert "b-bad-colour.toml" in colour
    assert "regions → regions → 1 (must-be) → colour: must look like #aabbcc" in colour
    assert colour.endswith("(skipped)")


def test_a_user_model_cannot_take_a_builtin_id(tmp_path: Path) -> None:
    write(tmp_path, "my-journey.toml", KANO.replace('id = "kano"', 'id = "journey"'))

    catalog = load_catalog(builtin_models_dir(), tmp_path)

    journey = catalog.get("journey")
    assert journey is not None and journey.name == "Customer journey map"
    assert catalog.source("journey") == builtin_models_dir() / "journey.toml"
    [problem] = catalog.problems
    assert "my-journey.toml" in problem and "'journey'" in problem and "built-in" in problem


def test_two_user_files_with_one_id_keep_the_first(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", KANO)
    write(tmp_path, "b.toml", KANO.replace("Kano model", "Kano again"))

    catalog = load_catalog(builtin_models_dir(), tmp_path)

    kano = catalog.get("kano")
    assert kano is not None and kano.name == "Kano model"
    [problem] = catalog.problems
    assert "b.toml" in problem and "another of your model files" in problem


def test_a_missing_user_folder_is_not_a_problem(tmp_path: Path) -> None:
    catalog = load_catalog(builtin_models_dir(), tmp_path / "nowhere")

    assert catalog.problems == [] and list(catalog.models) == list(BUILTIN_ORDER)


def test_a_user_folder_that_is_a_file_is_reported(tmp_path: Path) -> None:
    not_a_folder = write(tmp_path, "models", "oops")

    catalog = load_catalog(builtin_models_dir(), not_a_folder)

    [problem] = catalog.problems
    assert str(not_a_folder) in problem and "folder" in problem


def test_files_over_one_megabyte_are_refused_unread(tmp_path: Path) -> None:
    write(tmp_path, "huge.toml", KANO + "\n# padding\n" * 100_000)

    catalog = load_catalog(builtin_models_dir(), tmp_path)

    assert "kano" not in catalog.models
    [problem] = catalog.problems
    assert "huge.toml" in problem and "1 MB" in problem


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(KANO.replace("surprise", "surprisé").encode("latin-1"))

    with pytest.raises(ModelFileError, match=r"latin1\.toml: is not UTF-8"):
        read_model(path)


def test_a_broken_builtin_is_reported_not_raised(tmp_path: Path) -> None:
    write(tmp_path, "journey.toml", "id = 'journey'\n")

    catalog = load_catalog(tmp_path, None)

    assert catalog.models == {}
    [problem] = catalog.problems
    assert "journey.toml" in problem and "name: is missing" in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('id = \n\nname = "x"\n', r"x\.toml: is not valid TOML: .*line 1, column 6"),
        ('id = "Big Id"\nname = "X"\nlayout = "network"\n[network]\n', r"id: may use only lowercase"),
        ('id = "x"\nname = "X"\nlayout = "network"\n', r"layout is 'network', so the model needs a \[network\]"),
        ('id = "x"\nname = "X"\nlayout = "maze"\n', r"layout: must be one of 'grid', 'regions' or 'network'"),
        ('id = "x"\nname = "X"\nlayout = "network"\ncolor = "#ffffff"\n[network]\n', r"color: is not a setting"),
        ('id = "x"\nname = ""\nlayout = "network"\n[network]\n', r"name: must not be empty"),
    ],
)
def test_parse_model_explains_problems_in_plain_words(text: str, expected: str) -> None:
    with pytest.raises(ModelFileError, match=expected):
        parse_model(text, "x.toml")


def test_several_problems_are_listed_one_per_line() -> None:
    text = 'id = "x"\nname = "X"\nlayout = "grid"\n[grid]\nemotion_row = "feeling"\n'

    with pytest.raises(ModelFileError) as raised:
        parse_model(text, "x.toml")

    assert str(raised.value).splitlines() == [
        "x.toml: 2 problems:",
        "  - grid → columns: is missing",
        "  - grid → rows: is missing",
    ]


def test_grid_rules_from_the_spec_come_through_readably() -> None:
    text = """
id = "x"
name = "X"
layout = "grid"
[grid]
emotion_row = "mood"
[[grid.columns]]
id = "a"
label = "A"
[[grid.rows]]
id = "r"
label = "R"
"""
    with pytest.raises(ModelFileError, match=r"x\.toml: grid: emotion_row 'mood' is not one of the rows"):
        parse_model(text, "x.toml")


def test_with_models_adds_models_carried_in_an_imported_file() -> None:
    catalog = load_catalog(builtin_models_dir(), None)
    kano = parse_model(KANO, "imported.scanvas")
    journey = catalog.get("journey")
    assert journey is not None
    altered_journey = journey.model_copy(update={"name": "Their journey"})

    widened = catalog.with_models([kano, altered_journey])

    assert list(widened.models) == [*BUILTIN_ORDER, "kano"]
    assert widened.source("kano") is None
    assert widened.get("journey") == journey
    [problem] = widened.problems
    assert "'journey'" in problem and "installed" in problem
    assert "kano" not in catalog.models, "the original catalog is left as it was"


def test_builtin_models_mark_their_sides() -> None:
    catalog = load_catalog(builtin_models_dir(), None)
    journey, blueprint = catalog.get("journey"), catalog.get("service-blueprint")
    assert journey is not None and blueprint is not None

    assert journey.zones()["use.backstage"].side is Side.ORGANIZATION
    assert journey.zones()["use.pains"].side is Side.CUSTOMER
    zones = blueprint.zones()
    assert [zones[f"use.{row}"].side for row in ("customer", "frontstage", "backstage", "support")] == [
        Side.CUSTOMER,
        Side.SHARED,
        Side.ORGANIZATION,
        Side.ORGANIZATION,
    ]


def test_check_command_reports_each_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "kano.toml", KANO)
    bad = write(tmp_path, "bad.toml", "id = ")

    status = main(["--check", str(good), str(bad)])

    out, err = capsys.readouterr()
    assert status == 1
    assert "kano.toml: ok — 'Kano model' (regions, 2 zones)" in out
    assert "bad.toml: is not valid TOML" in err


def test_catalog_knows_membership() -> None:
    catalog = Catalog(
        models={"m": ModelSpec.model_validate({"id": "m", "name": "M", "layout": "network", "network": {}})}
    )

    assert "m" in catalog and "n" not in catalog


def test_a_model_file_from_a_newer_format_version_says_so() -> None:
    text = 'version = 2\nid = "x"\nname = "X"\nlayout = "network"\n[network]\n'

    with pytest.raises(ModelFileError, match="written for version 2 of the model format; this app reads version 1"):
        parse_model(text, "x.toml")


def test_wrong_types_and_bounds_are_named_for_what_they_should_be() -> None:
    text = """
id = "x"
name = "X"
layout = "regions"
[[regions.regions]]
id = "push"
label = "Push"
kinds = "pain"
col = -1
row = "two"
"""
    with pytest.raises(ModelFileError) as raised:
        parse_model(text, "x.toml")

    assert str(raised.value).splitlines() == [
        "x.toml: 3 problems:",
        '  - regions → regions → 1 (push) → kinds: must be a list, like ["a", "b"], not \'pain\'',
        "  - regions → regions → 1 (push) → col: must be at least 0, not -1",
        "  - regions → regions → 1 (push) → row: must be a whole number, not 'two'",
    ]


def test_a_models_zones_follow_its_settings_and_are_its_own() -> None:
    catalog = load_catalog(builtin_models_dir(), None)
    journey = catalog.get("journey")
    assert journey is not None and journey.grid is not None
    stages = ModelSettings(model="journey", columns=(ZoneLabel(id="payday", label="Payday"),))
    renamed = ModelSettings(model="journey", columns=(ZoneLabel(id="payday", label="Pay day"),))

    assert "use.pains" in journey.zones() and "payday.pains" not in journey.zones()
    assert journey.zones(stages)["payday.pains"].label.startswith("Payday · ")
    assert journey.zones(renamed)["payday.pains"].label.startswith("Pay day · ")
    journey.zones().clear()  # each answer is the caller's own
    assert "use.pains" in journey.zones()
    # A copy with other rows answers for itself, not with the zones its original made.
    fewer = journey.model_copy(update={"grid": journey.grid.model_copy(update={"rows": journey.grid.rows[:1]})})
    assert len(fewer.zones()) == len(journey.grid.columns) < len(journey.zones())
    # Specs that asked for their zones compare as specs (a file's copy of a model against the installed one).
    one, other = ModelSpec.model_validate(journey.model_dump()), ModelSpec.model_validate(journey.model_dump())
    assert one.zones() == other.zones() == journey.zones()
    assert one == other == journey and fewer != journey
