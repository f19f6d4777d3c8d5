"""Institution names in any language → a registry entry (ROR id), with a score.

Order of work: exact key (name, alias, label in any language), then acronym
(country-scoped: "NUS", "UCL" and "USTC" mean different places in different
countries), then a place's other name ("Madras" for Chennai, data/place_names.yaml:
correct words, read before typos), then typo-tolerant fuzzy search (index.py). What that
does not find is respelled, words joined or split ("Capetown"), and looked up again,
exactly and then fuzzily (the places renamed too). Last, a single word gets the
institutions whose names hold it ("Sorbonne"). Below the threshold the answer is *no
match*, never a guess; equally good different institutions are *ambiguous*, with the
candidates listed, except that an institution wins over its own branch campuses and units
(ROR's parent links, or a related organisation named after it: "HKUST" is the Hong Kong
campus, not Guangzhou's).

Registries: the curated one shipped in ``data/`` (well-known institutions with their
tiers), or a full ROR data dump imported with ``visarules registry import``
(ror.py). Either way the tiers come from the editorial ``data/tiers.yaml``.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from visarules import yamldata
from visarules.resolve.index import NameIndex
from visarules.resolve.normalize import PARENTHESIS, compact, has_cjk, is_cjk_char, normalize

MATCH_THRESHOLD = 0.90  # below this score the registry gives no match
SHORT_QUERY = 10  # a query shorter than this needs SHORT_THRESHOLD: one letter off "Tokyo"
SHORT_THRESHOLD = 0.95  # is "UTokyo", another name
AMBIGUITY_MARGIN = 0.02  # two institutions this close in a fuzzy match: ambiguous, no guess
EXACT = 1.0
RESPELLED = 0.98  # an exact name once words are joined or split, or a place renamed
ACRONYM = 0.97
EMBEDDED = 0.95  # a known name found inside a longer string
CORE_WORD = 0.93  # one word that is all of a name but "university", "of" ...: "Sorbonne"
IN_NAME = 0.8  # one word that is only part of a name: a candidate, never a match
MIN_CJK_NAME = 4  # shorter CJK runs inside a longer string are too often common words
DEPARTMENT_WORDS = frozenset(
    [
        "department",
        "dept",
        "school",
        "faculty",
        "college",
        "laboratory",
        "lab",
        "division",
        "centre",
        "center",
        "graduate",
        "program",
        "programme",
        "unit",
        "group",
    ]
)
COUNTRY_MISMATCH = 0.93  # a fuzzy match in another country than the hint counts for less
MIN_FUZZY_LENGTH = 5  # shorter strings (acronyms, fragments) must match exactly
MIN_WORD = 4  # a shorter single word is not looked for inside names
MAX_HOLDERS = 200  # a word in more institutions' names than this is common, not distinctive
MAX_RESPELLINGS = 8  # alternatives tried per string
MAIN_NOTE = "chosen over its own branch campus or unit (in candidates)"
CORE_NOTE = "the one distinctive word of its name"
PLACE_NOTE = "a place name, not an institution's"
MAX_NAME_LENGTH = 200  # longer strings are not names
REGISTRY_ENV = "VISARULES_REGISTRY"
PARALLEL_MIN = 2_000  # new distinct strings below which one process is faster than forking


@dataclass(frozen=True)
class Tier:
    id: str
    name: str
    description: str
    provenance: str
    members: frozenset[str] = frozenset()  # ROR ids, tier implications expanded
    inherited_by_children: bool = False  # an institute of a national research organisation


@dataclass(frozen=True)
class Institution:
    id: str  # https://ror.org/...
    name: str
    country: str
    types: tuple[str, ...]
    tiers: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    status: str = "active"
    parents: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # ROR "related" links: a branch campus may be one

    def names(self) -> Iterable[str]:
        yield self.name
        yield from self.aliases
        for values in self.labels.values():
            yield from values

    def to_dict(self, score: float) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "types": list(self.types),
            "status": self.status,
            "score": round(score, 3),
            "tiers": list(self.tiers),
        }


def name_keys(inst: Institution) -> Iterable[str]:
    """The normalised forms under which an institution is found."""
    for text in inst.names():
        yield normalize(text)
        if text.endswith("대학교"):  # Korean universities go by "…대": 연세대학교 → 연세대
            yield normalize(text[: -len("학교")])
        if has_cjk(text):
            yield compact(text)
            yield _in_script(text)


SCRIPT_KEY = "="  # marks keys that keep Traditional characters, so that they meet only their like


def _in_script(text: str) -> str:
    """A CJK key that keeps Traditional characters."""
    return SCRIPT_KEY + compact(text, simplify=False)


class Respelling(NamedTuple):
    key: str
    words: str  # the words put in: a name found by the respelling holds them
    country: str | None  # the only country the respelling may name


@dataclass(frozen=True)
class Match:
    institution: Institution
    score: float


@dataclass(frozen=True)
class InstitutionResolution:
    query: str
    match: Match | None
    candidates: tuple[Match, ...] = ()
    reason: str | None = None  # "no_match", "ambiguous", "empty", "not_a_name"
    note: str | None = None  # how the string was read, when not as written

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "match": self.match.institution.to_dict(self.match.score) if self.match else None,
            "candidates": [c.institution.to_dict(c.score) for c in self.candidates],
            "reason": self.reason,
            "note": self.note,
        }


class InstitutionRegistry:
    def __init__(
        self,
        institutions: Sequence[Institution],
        tiers: Mapping[str, Tier],
        *,
        name: str,
        version: str,
        source: str,
        keys: Iterable[tuple[str, int]] | None = None,
        acronym_keys: Iterable[tuple[str, int]] | None = None,
        places: Iterable[str] = (),
    ) -> None:
        self.tiers = dict(tiers)
        self.institutions = _with_tiers(institutions, self.tiers)
        self.name, self.version, self.source = name, version, source
        self._by_id = {inst.id: i for i, inst in enumerate(self.institutions)}
        # where the institutions are (city, region, country), and data/place_names.yaml
        self.places = frozenset(normalize(p) for p in places) | frozenset(place_variants())
        self._up = self._belongs_to()
        if keys is None:
            keys = ((key, i) for i, inst in enumerate(self.institutions) for key in name_keys(inst))
        if acronym_keys is None:
            acronym_keys = (
                (compact(a), i) for i, inst in enumerate(self.institutions) for a in inst.acronyms
            )
        self.names = NameIndex()
        for key, i in keys:
            self.names.add(key, i)
        self._acronyms: dict[str, list[int]] = defaultdict(list)
        for key, i in acronym_keys:
            if key and i not in self._acronyms[key]:
                self._acronyms[key].append(i)
        self._cache: dict[tuple[str, str | None], InstitutionResolution] = {}

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "institutions": len(self.institutions),
            "source": self.source,
        }

    def get(self, ror_id: str) -> Institution | None:
        i = self._by_id.get(ror_id)
        return None if i is None else self.institutions[i]

    def resolve(self, text: str, country: str | None = None) -> InstitutionResolution:
        """Resolve one string; repeats are answered from a cache."""
        cache_key = (text, country.upper() if country else None)
        found = self._cache.get(cache_key)
        if found is None:
            found = self._cache[cache_key] = self._resolve(text, cache_key[1])
        return found

    def resolve_many(
        self,
        texts: Sequence[str],
        countries: Sequence[str | None] | None = None,
        workers: int = 1,
    ) -> list[InstitutionResolution]:
        """Resolve a column of strings: each distinct one once, in ``workers`` processes when
        there are many new ones (this process and forked ones that share the index)."""
        if countries is None:
            pairs: list[tuple[str, str | None]] = [(t, None) for t in texts]
        else:
            pairs = [(t, c.upper() if c else None) for t, c in zip(texts, countries, strict=True)]
        cache = self._cache
        todo = [pair for pair in dict.fromkeys(pairs) if pair not in cache]
        if workers > 1 and len(todo) >= PARALLEL_MIN and "fork" in mp.get_all_start_methods():
            self.names.prepare()
            global _FORKED
            _FORKED = self
            try:
                with mp.get_context("fork").Pool(workers - 1) as pool:
                    theirs = [todo[i::workers] for i in range(1, workers)]
                    pending = pool.map_async(_resolve_chunk, theirs)
                    todo = todo[0::workers]  # this process takes its share meanwhile
                    for pair in todo:
                        cache[pair] = self._resolve(*pair)
                    for chunk, answers in zip(theirs, pending.get(), strict=True):
                        for pair, answer in zip(chunk, answers, strict=True):
                            cache[pair] = self._unpack(pair[0], answer)
            finally:
                _FORKED = None
        for pair in todo:
            if pair not in cache:
                cache[pair] = self._resolve(*pair)
        return [cache[pair] for pair in pairs]

    def _pack(self, res: InstitutionResolution) -> _Packed:
        """A resolution as indices and scores: cheap to send between processes."""
        match = (self._by_id[res.match.institution.id], res.match.score) if res.match else None
        others = [(self._by_id[m.institution.id], m.score) for m in res.candidates]
        return match, others, res.reason, res.note

    def _unpack(self, text: str, packed: _Packed) -> InstitutionResolution:
        match, others, reason, note = packed
        return InstitutionResolution(
            text,
            self._match(*match) if match else None,
            tuple(self._match(i, s) for i, s in others),
            reason,
            note,
        )

    def _resolve(self, text: str, country: str | None) -> InstitutionResolution:
        found = self._resolve_one(text, country)
        if found.match is not None or found.reason != "no_match":
            return found
        # An affiliation line: "Dept. of Physics, Tsinghua University, Beijing 100084". Its
        # parts are looked up exactly: a fuzzy search per part would cost more than it finds.
        best: InstitutionResolution | None = None
        for part in _parts(text):
            shorter = self._resolve_one(part, country, fuzzy=False)
            if shorter.match and (best is None or shorter.match.score > best.match.score):  # type: ignore[union-attr]
                best = shorter
        if best is not None:
            return InstitutionResolution(text, best.match, best.candidates, note=best.note)
        # A name inside a longer string: "清华大学计算机系", "서울대학교 공과대학".
        return self._embedded(text, country) or found

    def _embedded(self, text: str, country: str | None) -> InstitutionResolution | None:
        """The longest run of words (or of CJK characters) that is exactly a known name."""
        windows: list[str] = []
        words = normalize(text).split()
        # a department or faculty named beside the institution: "Dept. of EECS UC Berkeley"
        cue = bool(set(words) & DEPARTMENT_WORDS)
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                window = " ".join(words[i : i + n])
                # two words need two more around them ("Max Planck Institute" is not the
                # Max Planck Society); one word only if it is a CJK or Hangul name
                if _cjk_word(window) or (cue and (n >= 3 or (n == 2 and len(words) >= 4))):
                    windows.append(window)
        for chars in {compact(text, simplify=False), compact(text)} if has_cjk(text) else ():
            for n in range(len(chars) - 1, MIN_CJK_NAME - 1, -1):
                windows += [chars[i : i + n] for i in range(len(chars) - n + 1)]
        for window in windows:
            hits = self.names.exact(SCRIPT_KEY + window) or self.names.exact(window)
            if hits:
                found = self._choose(text, [(i, EMBEDDED) for i in hits], country)
                if found.match is not None:
                    return found
        return None

    def _resolve_one(
        self, text: str, country: str | None, fuzzy: bool = True
    ) -> InstitutionResolution:
        key = normalize(text)
        if not key:
            return InstitutionResolution(text, None, reason="empty")
        if len(key) > MAX_NAME_LENGTH:
            return InstitutionResolution(text, None, reason="not_a_name")
        exact = (
            (self.names.exact(_in_script(text)) if has_cjk(text) else [])
            or self.names.exact(key)
            or self.names.exact(compact(text))
        )
        if exact:
            return self._choose(text, [(i, EXACT) for i in exact], country)
        by_acronym = self._acronyms.get(compact(text), [])
        if by_acronym:
            if country and all(self.institutions[i].country != country for i in by_acronym):
                # "NUM" in Mongolia is not the NUM of Malaysia
                return InstitutionResolution(text, None, reason="no_match")
            return self._choose(text, [(i, ACRONYM) for i in by_acronym], country)
        renamed = self._renamed(key)
        found = self._respelled(text, renamed, country)
        if found is not None:
            return found
        found = InstitutionResolution(text, None, reason="no_match")
        scored: dict[int, float] = {}  # institution → best fuzzy score
        read_as: dict[int, str] = {}  # institution → the respelling that scored it best
        searched = fuzzy and len(key) >= MIN_FUZZY_LENGTH
        if searched:
            found = self._fuzzy(text, key, [Respelling(key, "", None)], country, scored, read_as)
            if found.match is not None:
                return found
        # words run together or split apart: only when the string as written finds nothing
        respaced = [Respelling(alt, put, None) for alt, put in self.names.respaced(key)]
        respelled = self._respelled(text, respaced[:MAX_RESPELLINGS], country)
        if respelled is not None:
            return respelled
        if searched and found.reason == "no_match" and (renamed or respaced):
            alts = [*respaced, *renamed][:MAX_RESPELLINGS]
            found = self._fuzzy(text, key, alts, country, scored, read_as)
        if fuzzy and found.reason == "no_match" and len(key) >= MIN_WORD and " " not in key:
            return self._one_word(text, key, country) or found
        return found

    def _renamed(self, key: str) -> list[Respelling]:
        """The key with a place's other name ("Madras" for Chennai), for that country only."""
        words = key.split()
        found: list[Respelling] = []
        variants, starts = place_variants(), _place_starts()
        if starts.isdisjoint(words):
            return found
        for i, word in enumerate(words):
            if word not in starts:
                continue
            for n in range(1, len(words) - i + 1):
                for other, where in variants.get(" ".join(words[i : i + n]), ()):
                    alt = " ".join([*words[:i], other, *words[i + n :]])
                    found.append(Respelling(alt, other, where))
        return found[:MAX_RESPELLINGS]

    def _respelled(
        self, text: str, alts: Sequence[Respelling], country: str | None
    ) -> InstitutionResolution | None:
        """The institutions one of ``alts`` names exactly, if any."""
        if not alts:
            return None
        read_as = {
            i: alt.key
            for alt in alts
            for i in self.names.exact(alt.key)
            if alt.country is None or self.institutions[i].country == alt.country
        }
        if not read_as:
            return None
        found = self._choose(text, [(i, RESPELLED) for i in read_as], country)
        return _read_as(
            found, read_as.get(self._by_id[found.match.institution.id]) if found.match else None
        )

    def _fuzzy(
        self,
        text: str,
        key: str,
        alts: Sequence[Respelling],
        country: str | None,
        scored: dict[int, float],
        read_as: dict[int, str],
    ) -> InstitutionResolution:
        """Fuzzy search for each of ``alts``, added to ``scored``; then the decision."""
        for alt in alts:
            self._search(alt, country, scored, read_as)
        needed = SHORT_THRESHOLD if len(key) < SHORT_QUERY else MATCH_THRESHOLD
        found = self._decide(text, scored, needed, country)
        if found.match is None or not read_as:
            return found
        return _read_as(found, read_as.get(self._by_id[found.match.institution.id]))

    def _search(
        self,
        alt: Respelling,
        country: str | None,
        scored: dict[int, float],
        read_as: dict[int, str],
    ) -> None:
        key, words, where = alt
        held = f" {words} " if words else ""
        for kid, similarity in self.names.search(key, limit=8, cutoff=0.7):
            if held and held not in f" {self.names.keys[kid]} ":
                continue  # a name found despite the respelling, not by it
            for i in self.names.entries[kid]:
                found_in = self.institutions[i].country
                if where and found_in != where:
                    continue
                score = similarity
                if country and found_in != country:
                    score *= COUNTRY_MISMATCH
                if score > scored.get(i, 0.0):
                    scored[i] = score
                    if held:
                        read_as[i] = key

    def _decide(
        self,
        text: str,
        scored: Mapping[int, float],
        needed: float,
        country: str | None,
    ) -> InstitutionResolution:
        ranked = sorted(scored.items(), key=lambda pair: -pair[1])
        if not ranked or ranked[0][1] < needed:
            return InstitutionResolution(
                text, None, tuple(self._match(i, s) for i, s in ranked[:3]), reason="no_match"
            )
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUITY_MARGIN:
            close = [(i, s) for i, s in ranked if ranked[0][1] - s < AMBIGUITY_MARGIN]
            main = self._main_among([i for i, _ in close])
            if main is None or scored[main] < needed:
                return InstitutionResolution(
                    text, None, tuple(self._match(i, s) for i, s in close[:5]), reason="ambiguous"
                )
            others = tuple(self._match(i, s) for i, s in close if i != main)[:3]
            return InstitutionResolution(
                text, self._match(main, scored[main]), others, note=MAIN_NOTE
            )
        return self._choose(text, ranked, country)

    def _one_word(self, text: str, word: str, country: str | None) -> InstitutionResolution | None:
        """One word: the institutions whose names hold it. It names one of them only when no
        other (but its own branches and units) holds it, it is all of one of its names but
        for words such as "university" and "of" ("Sorbonne Université"), and it is not a
        place ("Oxford", "Lagos")."""
        not_core, not_names = institution_words()
        if word in not_names or any(is_cjk_char(ch) for ch in word):
            return None
        holders: dict[int, bool] = {}  # institution → the word is the whole core of a name
        for kid in self.names.with_word(word):
            core = [w for w in self.names.keys[kid].split() if w not in not_core] == [word]
            for i in self.names.entries[kid]:
                holders[i] = holders.get(i, False) or core
            if len(holders) > MAX_HOLDERS:
                return None  # a common word ("technical"), not a distinctive one
        if not holders:
            return None
        if country:
            # the hint picks among those in its country; abroad, one word is too little
            holders = {
                i: core for i, core in holders.items() if self.institutions[i].country == country
            } or dict.fromkeys(holders, False)
        heads = {i for i in holders if not (self._ancestors(i) & holders.keys())}
        # the word as a whole core first, then institutions that are no unit of another, the
        # well-known (in more tiers), shorter names
        ranked = sorted(
            holders,
            key=lambda i: (
                not holders[i],
                i not in heads,
                bool(self.institutions[i].parents),
                -len(self.institutions[i].tiers),
                len(self.institutions[i].name),
            ),
        )
        found = tuple(self._match(i, CORE_WORD if holders[i] else IN_NAME) for i in ranked)
        if word in self.places:
            return InstitutionResolution(text, None, found[:3], "no_match", PLACE_NOTE)
        if heads == {ranked[0]} and holders[ranked[0]]:
            return InstitutionResolution(text, found[0], found[1:4], note=CORE_NOTE)
        reason = "ambiguous" if len(heads) > 1 else "no_match"
        return InstitutionResolution(text, None, found[:5], reason)

    def _belongs_to(self) -> dict[int, tuple[int, ...]]:
        """Whom each institution belongs to in the registry: its ROR parents, and a ROR-related
        institution whose name its own extends, as a branch campus's does ("The Hong Kong
        University of Science and Technology (Guangzhou)")."""
        up: dict[int, tuple[int, ...]] = {}
        for i, inst in enumerate(self.institutions):
            heads = [self._by_id[p] for p in inst.parents if p in self._by_id]
            own = normalize(inst.name) if inst.related else ""
            for rid in inst.related:
                j = self._by_id.get(rid)
                if j is None:
                    continue
                other = self.institutions[j]
                if any(own.startswith(normalize(n) + " ") for n in (other.name, *other.aliases)):
                    heads.append(j)
            if heads:
                up[i] = tuple(heads)
        return up

    def _ancestors(self, i: int) -> set[int]:
        found: set[int] = set()
        todo = list(self._up.get(i, ()))
        while todo:
            j = todo.pop()
            if j not in found:
                found.add(j)
                todo += self._up.get(j, ())
        return found

    def _main_among(self, tied: Sequence[int]) -> int | None:
        """The one of ``tied`` that all the others belong to, if there is one."""
        among = set(tied)
        heads = [i for i in among if not (self._ancestors(i) & among)]
        if len(heads) == 1 and all(heads[0] in self._ancestors(i) for i in among - {heads[0]}):
            return heads[0]
        return None

    def _match(self, i: int, score: float) -> Match:
        return Match(self.institutions[i], score)

    def _choose(
        self, text: str, scored: Sequence[tuple[int, float]], country: str | None
    ) -> InstitutionResolution:
        if country:
            in_country = [(i, s) for i, s in scored if self.institutions[i].country == country]
            scored = in_country or list(scored)
        best = max(s for _, s in scored)
        top = [i for i, s in scored if s == best]
        if len(top) > 1:
            # an active institution wins over the defunct ones it replaced
            active = [i for i in top if self.institutions[i].status == "active"]
            top = active if len(active) == 1 else top
        note = None
        if len(top) > 1 and (main := self._main_among(top)) is not None:
            top, note = [main], MAIN_NOTE
        if len(top) > 1:
            return InstitutionResolution(
                text, None, tuple(self._match(i, best) for i in top[:5]), reason="ambiguous"
            )
        others = tuple(self._match(i, s) for i, s in scored if i != top[0])[:3]
        return InstitutionResolution(text, self._match(top[0], best), others, note=note)


_ACRONYM_SHAPE = re.compile(r"[A-Z][A-Za-z0-9&./-]{1,11}")


def is_acronym(alias: str) -> bool:
    """One word, mostly capitals: "UCL", "HKUST", "IISc", "TU/e", "IIT-B" (not "McGill")."""
    upper = sum(c.isupper() for c in alias)
    lower = sum(c.islower() for c in alias)
    return bool(_ACRONYM_SHAPE.fullmatch(alias)) and upper >= 2 and upper > lower


def _cjk_word(word: str) -> bool:
    return len(word) >= MIN_CJK_NAME and all(is_cjk_char(ch) for ch in word)


_SEPARATORS = re.compile(r"[,;|、，；]")


def _parts(text: str) -> list[str]:
    """The string without its parenthesis, then each of its comma-separated segments."""
    bare = " ".join(PARENTHESIS.sub(" ", text).split())
    parts = [bare] if bare and bare != text.strip() else []
    segments = [seg.strip() for seg in _SEPARATORS.split(bare)]
    if len(segments) > 1:
        parts += [seg for seg in segments if len(seg) >= 2 and seg not in parts]
    return parts


def _read_as(found: InstitutionResolution, alt: str | None) -> InstitutionResolution:
    """Say which respelling found the match, if one did."""
    if alt is None:
        return found
    return replace(found, note=f'read as "{alt}"' + (f"; {found.note}" if found.note else ""))


_Packed = tuple[tuple[int, float] | None, list[tuple[int, float]], str | None, str | None]
_FORKED: InstitutionRegistry | None = None  # the registry a forked worker resolves against


def _resolve_chunk(pairs: list[tuple[str, str | None]]) -> list[_Packed]:
    registry = _FORKED
    assert registry is not None
    return [registry._pack(registry._resolve(text, country)) for text, country in pairs]


def _with_tiers(
    institutions: Sequence[Institution], tiers: Mapping[str, Tier]
) -> list[Institution]:
    """Attach tiers by ROR id; institutes inherit the tiers their parent passes on."""
    by_id = {inst.id: inst for inst in institutions}
    own = {
        inst.id: {t for t, tier in tiers.items() if inst.id in tier.members} | set(inst.tiers)
        for inst in institutions
    }
    inheritable = {t for t, tier in tiers.items() if tier.inherited_by_children}

    def inherited(ror_id: str, seen: frozenset[str]) -> set[str]:
        found: set[str] = set()
        for parent in by_id[ror_id].parents if ror_id in by_id else ():
            if parent in by_id and parent not in seen:
                found |= (own[parent] & inheritable) | inherited(parent, seen | {parent})
        return found

    out = []
    for inst in institutions:
        names = own[inst.id] | (inherited(inst.id, frozenset({inst.id})) if inst.parents else set())
        unknown = names - set(tiers)
        if unknown:
            raise ValueError(f"{inst.id}: unknown tiers {sorted(unknown)}")
        out.append(_replace_tiers(inst, tuple(sorted(names))))
    return out


def _replace_tiers(inst: Institution, tiers: tuple[str, ...]) -> Institution:
    return inst if inst.tiers == tiers else replace(inst, tiers=tiers)


def institution_from_dict(raw: Mapping[str, Any]) -> Institution:
    return Institution(
        id=raw["id"],
        name=raw["name"],
        country=raw["country"],
        types=tuple(raw.get("types", ())),
        aliases=tuple(raw.get("aliases", ())),
        acronyms=tuple(raw.get("acronyms", ())),
        labels={lang: tuple(values) for lang, values in (raw.get("labels") or {}).items()},
        status=raw.get("status", "active"),
        parents=tuple(raw.get("parents", ())),
        related=tuple(raw.get("related", ())),
    )


def implied_tiers(tiers: Mapping[str, Any], tier: str) -> set[str]:
    """A tier and every looser tier it implies (world_top_100 → world_top_200 → ...)."""
    found = {tier}
    for looser in tiers[tier].get("implies", []):
        found |= implied_tiers(tiers, looser)
    return found


@cache
def load_tiers() -> dict[str, Tier]:
    text = resources.files("visarules.data").joinpath("tiers.yaml").read_text("utf-8")
    raw: dict[str, dict[str, Any]] = yamldata.load(text)
    members: dict[str, set[str]] = defaultdict(set)
    for tier, spec in raw.items():
        for ror in spec.get("members", []):
            for implied in implied_tiers(raw, tier):
                members[implied].add(ror_url(str(ror)))
    return {
        key: Tier(
            key,
            spec["name"],
            spec["description"],
            spec["provenance"],
            frozenset(members[key]),
            bool(spec.get("inherited_by_children", False)),
        )
        for key, spec in raw.items()
    }


@cache
def tier_bits() -> dict[str, int]:
    """Each tier's bit in a tier mask, in the order of data/tiers.yaml: rules test tiers as
    integers, not lists of names."""
    return {tier: 1 << i for i, tier in enumerate(load_tiers())}


def tiers_mask(tiers: Iterable[str]) -> int:
    bits = tier_bits()
    mask = 0
    for tier in tiers:
        mask |= bits[tier]
    return mask


@cache
def editorial_aliases() -> dict[str, tuple[str, ...]]:
    """Names people use that ROR lacks, by ROR id (data/aliases.yaml)."""
    text = resources.files("visarules.data").joinpath("aliases.yaml").read_text("utf-8")
    raw: dict[str, list[str]] = yamldata.load(text) or {}
    return {ror_url(str(k)): tuple(v or ()) for k, v in raw.items()}


@cache
def place_variants() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each place name → its other names, with the country (data/place_names.yaml)."""
    text = resources.files("visarules.data").joinpath("place_names.yaml").read_text("utf-8")
    raw: dict[str, list[list[str]]] = yamldata.load(text)
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for country, groups in raw.items():
        for group in groups:
            names = [normalize(name) for name in group]
            for name in names:
                found[name] += [(other, str(country)) for other in names if other != name]
    return {name: tuple(others) for name, others in found.items()}


@cache
def _place_starts() -> frozenset[str]:
    """The first words of place names ("ho" of "ho chi minh city")."""
    return frozenset(name.split()[0] for name in place_variants())


@cache
def institution_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that are no part of a name's core (kinds of institution, joining words), and
    words that alone are no name (those, and kinds of facility): data/institution_words.yaml."""
    text = resources.files("visarules.data").joinpath("institution_words.yaml").read_text("utf-8")
    raw: dict[str, list[str]] = yamldata.load(text)
    lists = {
        section: frozenset(normalize(word) for word in words) for section, words in raw.items()
    }
    not_core = lists["kinds"] | lists["joining"]
    return not_core, not_core | lists["facilities"]


def ror_url(ror_id: str) -> str:
    return ror_id if ror_id.startswith("https://") else f"https://ror.org/{ror_id}"


@cache
def default_registry() -> InstitutionRegistry:
    """The curated registry shipped with visarules (``data/institutions.json``)."""
    text = resources.files("visarules.data").joinpath("institutions.json").read_text("utf-8")
    raw = json.loads(text)
    meta = raw["registry"]
    return InstitutionRegistry(
        [institution_from_dict(r) for r in raw["institutions"]],
        load_tiers(),
        name=meta["name"],
        version=meta["version"],
        source=meta["source"],
        places=raw.get("places", ()),
    )


def registry(location: str | None = None) -> InstitutionRegistry:
    """The registry to use: an imported one (a folder, or $VISARULES_REGISTRY) or the shipped one."""
    location = location or os.environ.get(REGISTRY_ENV) or None
    if location is None or location == "default":
        return default_registry()
    from visarules.resolve.ror import load_imported

    return load_imported(location)
