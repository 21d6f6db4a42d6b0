"""Undersigned: draft, co-sign, publish and archive joint statements."""

__version__ = "0.1.0"
