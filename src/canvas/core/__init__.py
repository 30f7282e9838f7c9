"""The domain: cards, placements, links, model specs, edits as data, layout geometry and analysis. No Qt, no SQL."""
