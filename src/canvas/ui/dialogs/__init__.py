"""Dialogs: the shortcut sheet, About, journey stages, and messages to the person."""
