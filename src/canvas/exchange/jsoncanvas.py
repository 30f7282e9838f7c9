"""What JSON Canvas 1.0 (Obsidian's open `.canvas` format, jsoncanvas.org) and our canvases share: the vocabulary.

Node types, sides, ends and colours as the 1.0 spec names them, the colours the six presets stand for, and how
a zone travels as a group node (so a view we export comes back into the same zones).
"""

from __future__ import annotations

import re

NODE_TYPES = ("text", "file", "link", "group")
SIDES = ("top", "right", "bottom", "left")
ENDS = ("none", "arrow")
BACKGROUND_STYLES = ("cover", "ratio", "repeat")

#: The six preset colours, as Obsidian's default theme shows them: red, orange, yellow, green, cyan, purple.
PRESET_COLOURS: dict[str, str] = {
    "1": "#fb464c",
    "2": "#e9973f",
    "3": "#e0de71",
    "4": "#44cf6e",
    "5": "#53dfdd",
    "6": "#a882ff",
}
HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

#: Group nodes we export for zones are named "sc-zone:<model>:<zone>", so an import can put cards back.
ZONE_GROUP_PREFIX = "sc-zone:"


def card_colour(colour: str) -> str | None:
    """A JSON Canvas colour (preset "1"–"6", "#rgb" or "#rrggbb") as a card colour "#rrggbb"; None if invalid."""
    if colour in PRESET_COLOURS:
        return PRESET_COLOURS[colour]
    if not HEX_COLOUR.match(colour):
        return None
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits.lower()}"


def canvas_colour(colour: str) -> str:
    """A card colour as JSON Canvas writes it: the preset number when it is one of the six, else the hex."""
    for preset, value in PRESET_COLOURS.items():
        if value == colour.lower():
            return preset
    return colour.lower()


def zone_group_id(model: str, zone: str) -> str:
    return f"{ZONE_GROUP_PREFIX}{model}:{zone}"


def parse_zone_group_id(node_id: str) -> tuple[str, str] | None:
    """(model, zone) of a group node we exported for a zone, or None for any other node id."""
    if not node_id.startswith(ZONE_GROUP_PREFIX):
        return None
    model, _, zone = node_id[len(ZONE_GROUP_PREFIX) :].partition(":")
    return (model, zone) if model and zone else None
