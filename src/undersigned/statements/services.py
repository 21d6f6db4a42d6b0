"""Writes for statements."""
