"""The layer that runs the book: which files each kernel opened, which notebooks are stale, execution,
the Sphinx hooks, and the orchestration of validate → execute → build.

The fact-check core (``data``, ``checks``, ``ratings``, ``tracker``, ...), the kernel layer (``notebook``) and the
words (``render``) import nothing from here, nor from Sphinx; ``tests/test_architecture.py`` keeps it so.
"""
