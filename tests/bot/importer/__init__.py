"""Tests of `python -m bot import`.

A package, so that its conftest does not shadow tests/bot/conftest.py for `from conftest`.
"""
