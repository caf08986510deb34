"""The layer that runs the book: which files each kernel opened, which notebooks are stale, execution,
the Sphinx hooks, and the orchestration of validate → execute → build.

The fact-check core (``data``, ``checks``, ``ratings``, ``display``, ``tracker``, ...) imports nothing from
here, nor from Jupyter or Sphinx; ``tests/test_architecture.py`` keeps it so.
"""
