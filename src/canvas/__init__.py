"""Sensemaking Canvas: customer situations laid out against several sensemaking models."""

__version__ = "0.1.0"
