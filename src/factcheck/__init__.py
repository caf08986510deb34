"""Executable fact-check of SoftBank's December 2024 pledge, as told by one French article.

Data flows one way: ``data/`` → :mod:`factcheck.data` (typed records) → :mod:`factcheck.checks`
(findings) → :mod:`factcheck.ratings` (verdicts) → the book, the ClaimReview markup and the exports.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
