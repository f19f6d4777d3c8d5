"""visarules: visa law as executable, cited rules."""

__version__ = "0.1.0"
