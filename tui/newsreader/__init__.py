"""newsreader: a keyboard-driven terminal reader for names and quotes in news text."""

__version__ = "0.1.0"
