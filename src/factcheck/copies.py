"""Copies found by their text: two sources that share a long identical passage are one report, not two.

A syndicated copy counts as its original (``sources.original_publisher``). This module finds the copies
whose original is not named: every pair of sources whose stored passages share a run of at least
:data:`MIN_WORDS` words, compared modulo case, white space and quote-mark style, outside quoted speech
(two independent reports may quote the same speaker word for word), while the two name different originals.

Pure: it takes texts and originals, and returns frozen records. Runs are found with word shingles: each
window of :data:`MIN_WORDS` words is hashed once, windows shared by two sources are checked word for word,
and adjacent shared windows on the same diagonal are merged into one run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass

MIN_WORDS = 40
SHOWN_WORDS = 8

_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00a0": " ", "\u202f": " "})
# Quoted speech, within one paragraph (an unclosed quote runs to the end of its paragraph, as a quote
# continued in the next paragraph does): curly, straight and French quotation marks. Apostrophes and single
# quotes stay: they are too often part of a word to mark speech.
_SPEECH = re.compile(r"\u201c[^\u201d\n]*(?:\u201d|$)|\"[^\"\n]*(?:\"|$)|\u00ab[^\u00bb\n]*(?:\u00bb|$)", re.M)


@dataclass(frozen=True)
class SharedPassage:
    """Two sources whose texts share ``length`` words in a row outside quoted speech."""

    source_id: str
    other_source_id: str
    first_words: str  # the shared passage's first words, as the first source prints them
    length: int  # in words


def shared_passages(texts: Mapping[str, str], originals: Mapping[str, str],
                    explained: Collection[tuple[str, str]] = (), min_words: int = MIN_WORDS
                    ) -> tuple[SharedPassage, ...]:
    """Every pair of sources that share ``min_words`` words or more in a row yet name different originals.

    ``texts``: each source's stored text, by source id. ``originals``: each source's original outlet (a
    source missing here is its own original). ``explained``: pairs known to share text independently (in
    either order), which are not reported. One record per pair, for its longest shared run; pairs come in
    the order of ``texts``, the earlier source first.
    """
    order = {sid: n for n, sid in enumerate(texts)}
    skip = {frozenset(pair) for pair in explained}
    compared, shown = {}, {}
    windows: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for sid, text in texts.items():
        shown[sid] = without_speech(text).split()
        compared[sid] = [word.casefold() for word in shown[sid]]
        for start in range(len(shown[sid]) - min_words + 1):
            windows[hash(tuple(compared[sid][start:start + min_words]))].append((sid, start))
    # (a, b) -> diagonal (start in b - start in a) -> starts in a
    matches: dict[tuple[str, str], dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    for hits in windows.values():
        if len(hits) < 2:
            continue
        for n, (a, i) in enumerate(hits):
            for b, j in hits[n + 1:]:
                if a == b or originals.get(a, a) == originals.get(b, b) or frozenset((a, b)) in skip:
                    continue
                if order[a] > order[b]:
                    a, i, b, j = b, j, a, i
                if compared[a][i:i + min_words] == compared[b][j:j + min_words]:  # not a hash collision
                    matches[(a, b)][j - i].add(i)
    found = []
    for (a, b), diagonals in matches.items():
        start, length = max(((run_start, run_length) for starts in diagonals.values()
                             for run_start, run_length in _runs(sorted(starts), min_words)),
                            key=lambda run: (run[1], -run[0]))
        first = " ".join(shown[a][start:start + SHOWN_WORDS])
        found.append(SharedPassage(a, b, first, length))
    return tuple(sorted(found, key=lambda p: (order[p.source_id], order[p.other_source_id])))


def without_speech(text: str) -> str:
    """The text with quoted speech dropped (the words around a quote then follow each other, as in a copy that
    kept the quote while the words compared are the reporter's own)."""
    return _SPEECH.sub(" ", text.translate(_MARKS))


def _runs(starts: list[int], size: int):
    """Consecutive window starts on one diagonal make one run of shared words: (start, length)."""
    run_start = previous = starts[0]
    for start in starts[1:]:
        if start != previous + 1:
            yield run_start, previous - run_start + size
            run_start = start
        previous = start
    yield run_start, previous - run_start + size
