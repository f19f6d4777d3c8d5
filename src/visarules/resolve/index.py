"""A name index: normalised names → entries, exact and typo-tolerant fuzzy search.

Fuzzy search never scans every name. Candidates come from the query's tokens (words;
character bigrams for Chinese, Japanese and Korean names), looked up with one edit of
tolerance through a deletion neighbourhood (the SymSpell idea: a typo'd token and the
right one share a one-character deletion), weighted by rarity (IDF). Only the rarest
tokens bring names in; common ones ("university", "of") only rank them. The few best are
scored with rapidfuzz. Postings are numpy arrays, so a query costs microseconds of
array work whatever the index size; ``process.extractOne`` over every name costs tens of
milliseconds at ROR's size (bench/resolve_speed.py measures both).

Words run together or split apart ("Capetown", "Tsing Hua") are respelled from the index's
own vocabulary: a word it lacks is split where both halves stand side by side in a name,
and two words are joined when the index knows them only as one.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from visarules.resolve.normalize import is_cjk_char

MAX_CANDIDATES = 40  # names scored per query
ADMIT_MAX = 800  # a token naming more names than this only ranks candidates found otherwise
MIN_TYPO_LENGTH = 4  # shorter tokens must match exactly
RETRY_BELOW = 0.9  # a best score below this widens the search to one-edit neighbours
UNKNOWN_WORD = 0.9  # each word the index has never seen lowers a score this much
MIN_PART = 2  # shortest half of a split word: "oftokyo" is "of tokyo"; one letter is noise


def tokens(key: str) -> list[str]:
    """Words of a normalised key; runs of CJK characters become overlapping bigrams."""
    if key.isascii():
        return key.split()
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


def _typo_similarity(a: str, b: str) -> float:
    """0.92 for one edit (or transposition) in a name of 6+ characters, 0.9 for two in 16+."""
    edits = DamerauLevenshtein.distance(a, b, score_cutoff=2)
    if edits == 1 and len(a) >= 6:
        return 0.92
    if edits == 2 and len(a) >= 16:
        return 0.9
    return 0.0


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _members(sorted_ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Which of ``values`` are in the sorted array ``sorted_ids``."""
    where = np.searchsorted(sorted_ids, values)
    where[where == len(sorted_ids)] = 0
    return np.asarray(sorted_ids[where] == values)


@dataclass
class _Postings:
    """Token → sorted key ids, stored as one array with offsets (CSR)."""

    slot: dict[str, int]
    offsets: list[int]  # Python ints: indexing numpy scalars one at a time is slow
    ids: np.ndarray
    idf: list[float]
    neighbours: dict[str, list[str]]

    def of(self, token: str) -> np.ndarray:
        s = self.slot[token]
        return self.ids[self.offsets[s] : self.offsets[s + 1]]


@dataclass
class NameIndex:
    """Keys (normalised names) with the entries they name; several entries may share a key."""

    keys: list[str] = field(default_factory=list)
    entries: list[list[int]] = field(default_factory=list)
    _by_key: dict[str, int] = field(default_factory=dict)
    _postings: _Postings | None = None
    # words recur across queries ("university", "institute"): their neighbours are kept
    _similar: dict[tuple[str, bool], list[str]] = field(default_factory=dict)
    _adjacent: dict[tuple[str, str], bool] = field(default_factory=dict)

    def add(self, key: str, entry: int) -> None:
        if not key:
            return
        kid = self._by_key.get(key)
        if kid is None:
            kid = self._by_key[key] = len(self.keys)
            self.keys.append(key)
            self.entries.append([])
            self._postings = None
            self._similar.clear()
            self._adjacent.clear()
        if entry not in self.entries[kid]:
            self.entries[kid].append(entry)

    def exact(self, key: str) -> list[int]:
        kid = self._by_key.get(key)
        return [] if kid is None else self.entries[kid]

    def prepare(self) -> None:
        """Build the fuzzy-search structures now rather than on the first fuzzy query.

        The index lives as long as the process: its hundreds of thousands of objects are then
        frozen out of the garbage collector's reach, which otherwise walks them all on every
        full collection (and, after a fork, unshares their pages)."""
        if self._postings is None:
            self._postings = self._build()
            gc.freeze()

    def _build(self) -> _Postings:
        lists: dict[str, list[int]] = defaultdict(list)
        for kid, key in enumerate(self.keys):
            for token in set(tokens(key)):
                lists[token].append(kid)
        slot = {token: i for i, token in enumerate(lists)}
        sizes = np.fromiter((len(v) for v in lists.values()), dtype=np.int64, count=len(lists))
        offsets = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        ids = np.fromiter(
            (kid for v in lists.values() for kid in v), dtype=np.int32, count=int(offsets[-1])
        )
        idf = np.log((len(self.keys) + 1) / sizes).tolist()
        neighbours: dict[str, list[str]] = defaultdict(list)
        for token in lists:
            if len(token) >= MIN_TYPO_LENGTH:
                for variant in _deletes(token):
                    neighbours[variant].append(token)
        return _Postings(slot, offsets.tolist(), ids, idf, dict(neighbours))

    def _similar_tokens(self, postings: _Postings, token: str, widen: bool = False) -> list[str]:
        """Vocabulary tokens within one edit (or one transposition) of ``token``; a token in the
        vocabulary stands for itself unless ``widen`` ("Colombia" may be "Columbia")."""
        cached = self._similar.get((token, widen))
        if cached is None:
            cached = self._similar[(token, widen)] = self._find_similar(postings, token, widen)
        return cached

    def _find_similar(self, postings: _Postings, token: str, widen: bool) -> list[str]:
        if len(token) < MIN_TYPO_LENGTH or (token in postings.slot and not widen):
            return [token] if token in postings.slot else []
        found: set[str] = {token} if token in postings.slot else set()
        for variant in _deletes(token) | _transposes(token):
            if variant in postings.slot:
                found.add(variant)
            found.update(postings.neighbours.get(variant, ()))
        found.update(postings.neighbours.get(token, ()))
        return [t for t in found if abs(len(t) - len(token)) <= 1]

    def _ready(self) -> _Postings:
        self.prepare()
        assert self._postings is not None
        return self._postings

    def with_word(self, word: str) -> list[int]:
        """Key ids of the names that hold ``word``."""
        postings = self._ready()
        return postings.of(word).tolist() if word in postings.slot else []

    def respaced(self, key: str) -> list[tuple[str, str]]:
        """The key with a word the index lacks split into two it holds side by side
        ("capetown" → "cape town"), or with two words joined into one it holds, when it never
        holds them side by side ("tsing hua" → "tsinghua"); each with the words put in. A
        word one edit from a known one is a typo, not two words ("universty")."""
        postings = self._ready()
        known = postings.slot
        words = key.split()
        out: list[tuple[str, str]] = []
        for n, word in enumerate(words):
            if (
                word in known
                or (not word.isascii() and any(is_cjk_char(ch) for ch in word))
                or self._one_edit_from_known(postings, word)
            ):
                continue
            for i in range(MIN_PART, len(word) - MIN_PART + 1):
                head, tail = word[:i], word[i:]
                if head in known and tail in known and self._side_by_side(head, tail):
                    put = f"{head} {tail}"
                    out.append((" ".join([*words[:n], put, *words[n + 1 :]]), put))
        for n, (head, tail) in enumerate(pairwise(words)):
            joined = head + tail
            if (
                joined in known
                and len(head) >= MIN_PART
                and len(tail) >= MIN_PART
                and not (head in known and tail in known and self._side_by_side(head, tail))
            ):
                out.append((" ".join([*words[:n], joined, *words[n + 2 :]]), joined))
        return out

    def _one_edit_from_known(self, postings: _Postings, word: str) -> bool:
        # its neighbours are the fuzzy search's anyway; some are two edits off ("network")
        return any(
            DamerauLevenshtein.distance(word, other, score_cutoff=1) <= 1
            for other in self._similar_tokens(postings, word)
        )

    def _side_by_side(self, head: str, tail: str) -> bool:
        """Whether some name holds ``head tail``, adjacent and in that order (both are known)."""
        found = self._adjacent.get((head, tail))
        if found is None:
            postings = self._ready()
            fewer, more = sorted((postings.of(head), postings.of(tail)), key=len)
            phrase = f" {head} {tail} "
            found = self._adjacent[(head, tail)] = any(
                phrase in f" {self.keys[kid]} " for kid in fewer[_members(more, fewer)].tolist()
            )
        return found

    def candidates(self, key: str, widen: bool = False) -> list[int]:
        """Key ids sharing the rarest tokens with the query, by summed rarity (IDF)."""
        return self._candidates(list(dict.fromkeys(tokens(key))), widen)

    def _candidates(self, words: list[str], widen: bool) -> list[int]:
        postings = self._ready()
        groups: list[tuple[int, float, list[np.ndarray]]] = []
        for token in words:
            similar = self._similar_tokens(postings, token, widen)
            if similar:
                arrays = [postings.of(t) for t in similar]
                weight = max(postings.idf[postings.slot[t]] for t in similar)
                groups.append((sum(len(a) for a in arrays), weight, arrays))
        if not groups:
            return []
        groups.sort(key=lambda g: g[0])
        admit = sum(1 for g in groups if g[0] <= ADMIT_MAX) or 1
        # Rare tokens: their names, each scored by the summed rarity of the tokens it shares.
        rare = [
            (w, a[0] if len(a) == 1 else _sorted_unique(np.concatenate(a)))
            for _, w, a in groups[:admit]
        ]
        ids = np.concatenate([names for _, names in rare])
        weights = np.concatenate([np.full(len(names), w) for w, names in rare])
        order = np.argsort(ids, kind="stable")
        ids, weights = ids[order], weights[order]
        starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
        found = ids[starts]
        score = np.add.reduceat(weights, starts)
        # Common tokens only add to the names already found.
        for _, weight, arrays in groups[admit:]:
            hit = np.zeros(len(found), dtype=bool)
            for posting in arrays:
                hit |= _members(posting, found)
            score += weight * hit
        top = min(MAX_CANDIDATES, len(found))
        best = np.argpartition(-score, top - 1)[:top] if top < len(found) else np.arange(top)
        best = best[np.argsort(-score[best], kind="stable")]
        return [int(kid) for kid in found[best]]

    def search(self, key: str, limit: int = 5, cutoff: float = 0.0) -> list[tuple[int, float]]:
        """(key id, similarity 0–1) of the closest names, best first.

        Similarity is rapidfuzz's token-sort ratio, raised for a single typo in a long enough
        name (one edit in "phyiscs" is a typo, not a 14% difference), and lowered for each
        word of 4+ letters that is neither in the index nor one edit from one ("Wakanda" in
        "Wakanda University of Technology" names nothing the index knows). When nothing
        comes close, the search is repeated with every word widened to its one-edit
        neighbours ("Colombia University" may be "Columbia")."""
        postings = self._ready()
        words = list(dict.fromkeys(tokens(key)))
        unknown = sum(
            1 for t in words if len(t) >= MIN_TYPO_LENGTH and not self._similar_tokens(postings, t)
        )
        found = self._score(key, self._candidates(words, widen=False), limit)
        if not unknown and (not found or found[0][1] < RETRY_BELOW):
            widened = self._score(key, self._candidates(words, widen=True), limit)
            found = sorted({**dict(widened), **dict(found)}.items(), key=lambda p: -p[1])[:limit]
        penalty = UNKNOWN_WORD**unknown
        return [(kid, score * penalty) for kid, score in found if score * penalty >= cutoff]

    def _score(self, key: str, kids: list[int], limit: int) -> list[tuple[int, float]]:
        if not kids:
            return []
        scored = process.extract(
            key,
            {kid: self.keys[kid] for kid in kids},
            scorer=fuzz.token_sort_ratio,
            limit=limit,
            processor=None,
        )
        return [
            (kid, max(score / 100, _typo_similarity(key, self.keys[kid])))
            for _, score, kid in scored
        ]

    def __len__(self) -> int:
        return len(self.keys)
