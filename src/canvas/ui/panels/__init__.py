"""Docked panels around the canvas: inspector, canvas list, history."""
