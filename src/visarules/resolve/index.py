"""A name index: normalised names → entries, exact and typo-tolerant fuzzy search.

Fuzzy search never scans every name. Candidates come from the query's tokens (words;
character bigrams for Chinese, Japanese and Korean names), looked up with one edit of
tolerance through a deletion neighbourhood (the SymSpell idea: a typo'd token and the
right one share a one-character deletion), rarest tokens first. Only those candidates
are scored with rapidfuzz. This is what lets 110,000 organisations answer in well under a
millisecond, where ``process.extractOne`` over every name takes tens.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz, process

from visarules.resolve.normalize import is_cjk_char

MAX_CANDIDATES = 60  # names scored per query
COMMON_SHARE = 0.02  # a token in more than 2% of names only adds to candidates found otherwise
MIN_TYPO_LENGTH = 4  # shorter tokens must match exactly


def tokens(key: str) -> list[str]:
    """Words of a normalised key; runs of CJK characters become overlapping bigrams."""
    out: list[str] = []
    for word in key.split():
        if any(is_cjk_char(ch) for ch in word):
            out += [a + b for a, b in pairwise(word)] or [word]
        else:
            out.append(word)
    return out


def _deletes(token: str) -> set[str]:
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


def _transposes(token: str) -> set[str]:
    return {token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(len(token) - 1)}


@dataclass
class NameIndex:
    """Keys (normalised names) with the entries they name; several entries may share a key."""

    keys: list[str] = field(default_factory=list)
    entries: list[list[int]] = field(default_factory=list)
    _by_key: dict[str, int] = field(default_factory=dict)
    _postings: dict[str, list[int]] | None = None
    _neighbours: dict[str, list[str]] | None = None
    _sets: dict[str, frozenset[int]] = field(default_factory=dict)

    def add(self, key: str, entry: int) -> None:
        if not key:
            return
        kid = self._by_key.get(key)
        if kid is None:
            kid = self._by_key[key] = len(self.keys)
            self.keys.append(key)
            self.entries.append([])
            self._postings = None
        if entry not in self.entries[kid]:
            self.entries[kid].append(entry)

    def exact(self, key: str) -> list[int]:
        kid = self._by_key.get(key)
        return [] if kid is None else self.entries[kid]

    def _build(self) -> None:
        postings: dict[str, list[int]] = defaultdict(list)
        for kid, key in enumerate(self.keys):
            for token in set(tokens(key)):
                postings[token].append(kid)
        neighbours: dict[str, list[str]] = defaultdict(list)
        for token in postings:
            if len(token) >= MIN_TYPO_LENGTH:
                for variant in _deletes(token):
                    neighbours[variant].append(token)
        self._postings, self._neighbours = dict(postings), dict(neighbours)

    def _as_set(self, token: str) -> frozenset[int]:
        assert self._postings is not None
        if token not in self._sets:
            self._sets[token] = frozenset(self._postings[token])
        return self._sets[token]

    def _similar_tokens(self, token: str) -> list[str]:
        """Vocabulary tokens within one edit (or one transposition) of ``token``."""
        assert self._postings is not None and self._neighbours is not None
        if token in self._postings or len(token) < MIN_TYPO_LENGTH:
            return [token] if token in self._postings else []
        found: set[str] = set()
        for variant in _deletes(token) | _transposes(token) | {token}:
            if variant in self._postings:
                found.add(variant)
            found.update(self._neighbours.get(variant, ()))
        return [t for t in found if abs(len(t) - len(token)) <= 1]

    def candidates(self, key: str) -> list[int]:
        """Key ids sharing the rarest tokens with the query, best overlap first."""
        if self._postings is None:
            self._build()
        assert self._postings is not None
        common = max(50, int(len(self.keys) * COMMON_SHARE))
        options = []
        for token in dict.fromkeys(tokens(key)):
            similar = self._similar_tokens(token)
            if similar:
                options.append(similar)
        postings = self._postings
        # rarest first: they say the most about which name is meant
        options.sort(key=lambda similar: min(len(postings[t]) for t in similar))
        score: dict[int, int] = defaultdict(int)
        for similar in options:
            for token in similar:
                posting = self._postings[token]
                if len(posting) > common and score:
                    # a common word ("university") only ranks what rarer words found
                    members = self._as_set(token)
                    for kid in list(score):
                        if kid in members:
                            score[kid] += 1
                else:
                    for kid in posting:
                        score[kid] += 1
        ranked = sorted(score, key=lambda kid: -score[kid])
        return ranked[:MAX_CANDIDATES]

    def search(self, key: str, limit: int = 5, cutoff: float = 0.0) -> list[tuple[int, float]]:
        """(key id, similarity 0–1) of the closest names, best first."""
        kids = self.candidates(key)
        if not kids:
            return []
        choices = {kid: self.keys[kid] for kid in kids}
        scored = process.extract(
            key,
            choices,
            scorer=fuzz.token_sort_ratio,
            limit=limit,
            score_cutoff=cutoff * 100,
            processor=None,
        )
        return [(kid, score / 100) for _, score, kid in scored]

    def __len__(self) -> int:
        return len(self.keys)


def index_names(named: Iterable[tuple[str, int]]) -> NameIndex:
    index = NameIndex()
    for key, entry in named:
        index.add(key, entry)
    return index
