"""Paragraph reuse between reports: which paragraphs of a report were found in another one.

API::

    find_reuse(documents: Mapping[str, Sequence[str]], *,
               names: Mapping[str, Sequence[str]] | None = None,
               options: ReuseOptions = ReuseOptions()) -> ReuseReport

*documents* maps a key (a file name, a submission id) to the report's paragraphs in order; the
order of the mapping is the order of the documents (put earlier years first: a pair's *source*
is the earlier document). *names* gives, per key, words to ignore when comparing (the
department's own name), so a paragraph copied into another department's report with the name
changed still matches. ``dossier_paragraphs(dossier)`` gives a dossier's narrative paragraphs
and their field paths. For many documents the work splits in two (the CLI runs the first over
its worker processes)::

    prepare_document(key, paragraphs, *, names=(), options=...) -> PreparedDocument
    match_prepared(prepared: Sequence[PreparedDocument], options=...) -> ReuseReport

How:

1. **Normalise** each paragraph: NFKC, formulaic sentences removed (``现将……报告如下``), the
   document's own names removed, then every digit, punctuation mark and space removed and every
   Chinese numeral made one placeholder, so a copy with other figures or another department's
   name reads the same. Paragraphs shorter than
   ``min_chars`` after that (headings such as ``一、部门概况``, table rows) do not count.
2. **Shingles**: the paragraph's overlapping ``shingle``-character strings (5 by default),
   hashed to 32 bits.
3. **MinHash** signatures (datasketch, ``num_perm`` permutations) per distinct normalised
   paragraph, and **LSH** banding (datasketch's choice of bands and rows for ``threshold``,
   weighted towards recall):
   two paragraphs sharing a band are candidates. The banding is done with numpy sorting rather
   than datasketch's MinHashLSH index (its per-item inserts were most of the time at 10,000
   reports, BENCHMARKS.md); a bucket links each member to at most ``max_candidates`` earlier
   ones, so a paragraph shared by thousands of reports costs thousands of checks, not millions.
4. **Verify** the candidate pairs: those whose signatures estimate a similarity within 0.15 of
   ``threshold`` are checked by the exact Jaccard similarity of the shingle sets
   (≥ ``threshold``). Identical normalised paragraphs are one entry from step 3 on.
5. **Template wording**: a paragraph found in more than ``common_share`` of the documents (with
   at least ``common_min_documents`` documents) is the template everybody fills in, not a
   copy: it is counted apart (``common_paragraphs``) and neither flagged nor scored.

Output: :class:`ReusePair` per reused paragraph (the later document's paragraph and its best
source in an earlier-or-other document, each pair once), and per document a
:class:`DocumentReuse` with its score: the share of its counted (normalised) narrative
characters found in other documents, and the one other document it shares most with.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from jixiao.core.dossier import Dossier

FORMULAIC = (
    r"现将[^。]{0,60}?(报告|汇报|说明)如下[:：]?",
    r"特此(报告|说明)[。.]?",
    r"具体(情况)?(报告|汇报)如下[:：]?",
)
_NOT_TEXT = re.compile(r"[\W\d_]+")  # \w keeps CJK and letters; digits and _ go as well
# Chinese numerals all read as one placeholder: 两小时 and 三小时 compare equal (统一 and 统二
# would too, harmlessly: every document is normalised alike)
_NUMERALS = str.maketrans(dict.fromkeys("零〇一二三四五六七八九十百千万亿两", "〇"))


@dataclass(frozen=True)
class ReuseOptions:
    """The thresholds of reuse detection (docs/analytics.md)."""

    min_chars: int = 30  # normalised characters a paragraph needs to count (≥ shingle)
    shingle: int = 5  # characters per shingle
    threshold: float = 0.6  # Jaccard similarity of the shingle sets that makes a match
    num_perm: int = 64  # MinHash permutations
    common_share: float = 0.5  # found in more than this share of documents: template wording
    common_min_documents: int = 10  # ... judged only with at least this many documents
    max_candidates: int = 4  # earlier members of an LSH bucket a paragraph is checked against
    lsh_weights: tuple[float, float] = (0.1, 0.9)  # false positive / negative weights of LSH
    formulaic: tuple[str, ...] = FORMULAIC  # patterns removed before comparing


@dataclass(frozen=True)
class Paragraph:
    """A paragraph that counts: its place in the document, its text and its normalised form."""

    index: int
    text: str
    form: str


@dataclass(frozen=True)
class PreparedDocument:
    """A document ready for matching: the paragraphs that count and their MinHash signatures.

    ``signatures`` is ``num_perm`` unsigned 32-bit values per paragraph, concatenated (bytes,
    so it travels cheaply between processes)."""

    key: str
    paragraphs: tuple[Paragraph, ...]
    signatures: bytes = b""

    @property
    def narrative_chars(self) -> int:
        return sum(len(p.form) for p in self.paragraphs)


@dataclass(frozen=True)
class ReusePair:
    """A paragraph of *document_a* found in *document_b* (the earlier document, by order)."""

    document_a: str
    paragraph_a: int  # index in document_a's paragraphs as given
    text_a: str
    document_b: str
    paragraph_b: int
    text_b: str
    similarity: float  # Jaccard similarity of the normalised paragraphs' shingles
    documents: int  # how many documents hold this paragraph or a near copy (at least 2)

    def as_dict(self) -> dict[str, Any]:
        return {
            "document_a": self.document_a,
            "paragraph_a": self.paragraph_a,
            "text_a": self.text_a,
            "document_b": self.document_b,
            "paragraph_b": self.paragraph_b,
            "text_b": self.text_b,
            "similarity": round(self.similarity, 3),
            "documents": self.documents,
        }


@dataclass(frozen=True)
class DocumentReuse:
    """One document's reuse: how much of its narrative is found elsewhere, and mostly where."""

    key: str
    narrative_chars: int  # normalised characters of the paragraphs that count
    reused_chars: int
    paragraphs: int  # paragraphs that count
    reused_paragraphs: int
    common_paragraphs: int  # template wording, neither flagged nor scored
    top_source: str | None = None  # the other document it shares most characters with
    top_source_chars: int = 0

    @property
    def score(self) -> float:
        """Share (0–1) of the narrative found in other documents."""
        return self.reused_chars / self.narrative_chars if self.narrative_chars else 0.0

    @property
    def top_source_share(self) -> float:
        """Share (0–1) of the narrative found in the single document it shares most with."""
        return self.top_source_chars / self.narrative_chars if self.narrative_chars else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "score": round(self.score, 3),
            "narrative_chars": self.narrative_chars,
            "reused_chars": self.reused_chars,
            "paragraphs": self.paragraphs,
            "reused_paragraphs": self.reused_paragraphs,
            "common_paragraphs": self.common_paragraphs,
            "top_source": self.top_source,
            "top_source_share": round(self.top_source_share, 3),
        }


@dataclass(frozen=True)
class ReuseReport:
    pairs: tuple[ReusePair, ...]
    documents: dict[str, DocumentReuse] = field(default_factory=dict)

    def pairs_of(self, key: str) -> list[ReusePair]:
        return [p for p in self.pairs if key in (p.document_a, p.document_b)]


# ── normalising and hashing ───────────────────────────────────────────────────────────────


@lru_cache(maxsize=32)
def _formulaic_pattern(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def normalise(text: str, names: Sequence[str] = (), options: ReuseOptions | None = None) -> str:
    """The comparable form of a paragraph: no formulaic sentences, names, digits or marks."""
    options = options or ReuseOptions()
    text = unicodedata.normalize("NFKC", text)
    pattern = _formulaic_pattern(options.formulaic)
    if pattern is not None:
        text = pattern.sub("", text)
    for name in sorted((n for n in names if n), key=len, reverse=True):
        text = text.replace(unicodedata.normalize("NFKC", name), "")
    return _NOT_TEXT.sub("", text).translate(_NUMERALS)


_PRIME = np.uint64(1_000_003)


def shingle_hashes(form: str, size: int) -> np.ndarray[Any, np.dtype[np.uint32]]:
    """32-bit hashes of the *size*-character shingles of *form* (one shingle if shorter)."""
    points = np.frombuffer(form.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = max(len(points) - size + 1, 1)
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(min(size, len(points))):
        hashes = hashes * _PRIME + points[offset : offset + count]
    folded = hashes ^ (hashes >> np.uint64(29))
    return (folded & np.uint64(0xFFFFFFFF)).astype(np.uint32)


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[Any, Any, Any]:
    """datasketch's permutations (a, b) for *num_perm*, and its pre-mixing function."""
    from datasketch import MinHash
    from datasketch.minhash import _fmix

    a, b = MinHash(num_perm=num_perm, scheme="affine32").permutations
    return a, b, _fmix


def _minhash_signatures(forms: Sequence[str], options: ReuseOptions) -> bytes:
    """The MinHash signatures of *forms*, concatenated as uint32 bytes.

    Exactly what ``datasketch.MinHash(num_perm, scheme="affine32").update_batch(shingles)``
    gives for each form (a test checks), computed for all the forms of a document in one numpy
    pass rather than one MinHash object per paragraph (about six times faster).
    """
    if not forms:
        return b""
    size = options.shingle
    lengths = np.array([len(f) for f in forms], dtype=np.int64)
    points = np.frombuffer("".join(forms).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(points) - size + 1
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        hashes = hashes * _PRIME + points[offset : offset + count]
    folded = ((hashes ^ (hashes >> np.uint64(29))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    owner = np.repeat(np.arange(len(forms)), lengths)
    inside = owner[:count] == owner[size - 1 :]  # the shingle lies within one paragraph
    values, owners = folded[inside], owner[:count][inside]
    a, b, fmix = _permutations(options.num_perm)
    # one row per permutation (rows contiguous, written in place: allocating the product
    # afresh cost eight times the arithmetic)
    permuted = np.empty((len(a), len(values)), dtype=np.uint32)
    np.multiply(a[:, None], fmix(values, 32)[None, :], out=permuted)
    np.add(permuted, b[:, None], out=permuted)
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    return np.minimum.reduceat(permuted, starts, axis=1).T.astype(np.uint32).tobytes()


def counted_paragraphs(
    paragraphs: Sequence[str], names: Sequence[str] = (), options: ReuseOptions | None = None
) -> list[Paragraph]:
    """The paragraphs long enough to count, with their normalised forms."""
    options = options or ReuseOptions()
    counted = []
    for position, text in enumerate(paragraphs):
        form = normalise(text, names, options)
        if len(form) >= max(options.min_chars, options.shingle):
            counted.append(Paragraph(position, text.strip(), form))
    return counted


def prepare_document(
    key: str,
    paragraphs: Sequence[str],
    *,
    names: Sequence[str] = (),
    options: ReuseOptions | None = None,
) -> PreparedDocument:
    """Normalise a document's paragraphs and sign the ones that count (step 1 to 3)."""
    options = options or ReuseOptions()
    counted = counted_paragraphs(paragraphs, names, options)
    return PreparedDocument(
        key, tuple(counted), _minhash_signatures([p.form for p in counted], options)
    )


# ── matching ──────────────────────────────────────────────────────────────────────────────


@lru_cache(maxsize=32)
def lsh_bands(
    threshold: float, num_perm: int, weights: tuple[float, float] = (0.1, 0.9)
) -> tuple[int, int]:
    """(bands, rows) for *threshold*: datasketch's optimum for the false positive / negative
    *weights*. Recall is favoured (a candidate costs one exact check; a miss is lost): with 64
    permutations and 0.6, 16 bands of 4 rows make a pair at 0.6 a candidate 89 % of the time
    and at 0.7 99 % (equal weights: 10 bands of 6 rows, 38 % and 71 %)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=weights)
    return lsh.b, lsh.r


class _Forms:
    """The distinct normalised paragraphs of all documents and where each occurs."""

    def __init__(self, prepared: Sequence[PreparedDocument], num_perm: int) -> None:
        self.index: dict[str, int] = {}
        self.occurrences: list[list[tuple[int, int]]] = []  # form → [(document, paragraph pos)]
        rows: list[np.ndarray[Any, np.dtype[np.uint32]]] = []
        for d, document in enumerate(prepared):
            signatures = np.frombuffer(document.signatures, dtype=np.uint32).reshape(-1, num_perm)
            for p, paragraph in enumerate(document.paragraphs):
                f = self.index.get(paragraph.form)
                if f is None:
                    f = self.index[paragraph.form] = len(self.occurrences)
                    self.occurrences.append([])
                    rows.append(signatures[p])
                self.occurrences[f].append((d, p))
        self.forms = list(self.index)
        self.signatures = np.stack(rows) if rows else np.zeros((0, num_perm), dtype=np.uint32)
        self.documents = [frozenset(d for d, _ in occ) for occ in self.occurrences]


_BAND_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93] * 8,
    dtype=np.uint64,
)  # odd multipliers: a band's rows folded into one 64-bit bucket key


def _band_keys(block: np.ndarray[Any, np.dtype[np.uint32]]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """One 64-bit key per row of *block* (a band): equal rows, equal keys; other rows collide
    with odds of 2⁻⁶⁴ (and a collision only adds a candidate, checked like any other)."""
    keys = np.zeros(len(block), dtype=np.uint64)
    for column in range(block.shape[1]):
        keys = (keys ^ block[:, column].astype(np.uint64)) * _BAND_MIX[column]
    return keys


def _candidate_pairs(
    signatures: np.ndarray[Any, np.dtype[np.uint32]], bands: int, rows: int, per_bucket: int
) -> np.ndarray[Any, np.dtype[np.int64]]:
    """(i, j) form pairs, i < j, sharing an LSH band; each member linked to ≤ per_bucket earlier."""
    count = len(signatures)
    found: list[np.ndarray[Any, np.dtype[np.int64]]] = []
    for band in range(bands):
        keys = _band_keys(signatures[:, band * rows : (band + 1) * rows])
        order = np.argsort(keys, kind="stable")  # by bucket, then by form index
        sorted_keys = keys[order]
        for back in range(1, per_bucket + 1):
            same = sorted_keys[back:] == sorted_keys[:-back]
            if not same.any():
                break
            found.append(np.stack([order[:-back][same], order[back:][same]], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found).astype(np.int64)
    low, high = np.minimum(pairs[:, 0], pairs[:, 1]), np.maximum(pairs[:, 0], pairs[:, 1])
    unique: np.ndarray[Any, np.dtype[np.int64]] = np.unique(low * count + high)
    return np.stack([unique // count, unique % count], axis=1)  # one int a pair: fast to sort


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    common = len(a & b)
    union = len(a) + len(b) - common
    return common / union if union else 0.0


ESTIMATE_MARGIN = 0.15  # 2.5 standard deviations of a 64-permutation estimate at 0.6
CHUNK = 100_000  # candidate pairs estimated at a time (64 × 4 bytes × 2 each)


def _likely(
    signatures: np.ndarray[Any, np.dtype[np.uint32]],
    pairs: np.ndarray[Any, np.dtype[np.int64]],
    floor: float,
) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The candidate pairs whose MinHash estimate of the similarity reaches *floor*."""
    kept = []
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        agree = (signatures[chunk[:, 0]] == signatures[chunk[:, 1]]).mean(axis=1)
        kept.append(chunk[agree >= floor])
    return np.concatenate(kept) if kept else pairs


def _neighbours(forms: _Forms, options: ReuseOptions) -> list[list[tuple[int, float]]]:
    """Per form, the other forms verified similar (exact Jaccard ≥ threshold).

    Candidates from the LSH buckets are first screened by their signatures' estimate (numpy,
    all at once); the exact check (Python sets) runs only on those within ESTIMATE_MARGIN of
    the threshold: at 10,000 reports, a few thousand rather than two million."""
    bands, rows = lsh_bands(options.threshold, options.num_perm, options.lsh_weights)
    pairs = _candidate_pairs(forms.signatures, bands, rows, options.max_candidates)
    pairs = _likely(forms.signatures, pairs, options.threshold - ESTIMATE_MARGIN)
    cache: dict[int, frozenset[int]] = {}

    def shingles(f: int) -> frozenset[int]:
        if f not in cache:
            cache[f] = frozenset(shingle_hashes(forms.forms[f], options.shingle).tolist())
        return cache[f]

    result: list[list[tuple[int, float]]] = [[] for _ in forms.forms]
    for i, j in pairs.tolist():
        similarity = _jaccard(shingles(i), shingles(j))
        if similarity >= options.threshold:
            result[i].append((j, similarity))
            result[j].append((i, similarity))
    return result


def _spread(forms: _Forms, neighbours: list[list[tuple[int, float]]], limit: int) -> list[int]:
    """Per form, the documents holding it or a near copy (counting stops past *limit*)."""
    spread = []
    for f, documents in enumerate(forms.documents):
        holders = set(documents)
        for g, _ in neighbours[f]:
            if len(holders) > limit:
                break
            holders |= forms.documents[g]
        spread.append(len(holders))
    return spread


def _best_source(
    forms: _Forms, neighbours: list[list[tuple[int, float]]], f: int, d: int
) -> tuple[int, int, float] | None:
    """The best (document, paragraph position, similarity) for form *f* outside document *d*."""
    for other_d, other_p in forms.occurrences[f]:
        if other_d != d:
            return other_d, other_p, 1.0
    for g, similarity in sorted(neighbours[f], key=lambda n: (-n[1], n[0])):
        for other_d, other_p in forms.occurrences[g]:
            if other_d != d:
                return other_d, other_p, similarity
    return None


def match_prepared(
    prepared: Sequence[PreparedDocument], options: ReuseOptions | None = None
) -> ReuseReport:
    """Find the reused paragraphs among prepared documents (steps 3 to 5)."""
    options = options or ReuseOptions()
    forms = _Forms(prepared, options.num_perm)
    neighbours = _neighbours(forms, options)
    if len(prepared) >= options.common_min_documents:
        limit = int(options.common_share * len(prepared))
    else:
        limit = len(prepared)
    spread = _spread(forms, neighbours, limit)
    pairs: dict[frozenset[tuple[int, int]], ReusePair] = {}
    reports: dict[str, DocumentReuse] = {}
    for d, document in enumerate(prepared):
        reused = common = reused_paragraphs = 0
        by_source: Counter[int] = Counter()
        for p, paragraph in enumerate(document.paragraphs):
            f = forms.index[paragraph.form]
            if spread[f] > limit:
                common += 1
                continue
            source = _best_source(forms, neighbours, f, d)
            if source is None:
                continue
            other_d, other_p, similarity = source
            reused += len(paragraph.form)
            reused_paragraphs += 1
            by_source[other_d] += len(paragraph.form)
            pair_key = frozenset(((d, p), (other_d, other_p)))
            if pair_key not in pairs:
                pairs[pair_key] = _pair(prepared, (d, p), (other_d, other_p), similarity, spread[f])
        top = min(by_source.items(), key=lambda kv: (-kv[1], kv[0]), default=None)
        reports[document.key] = DocumentReuse(
            key=document.key,
            narrative_chars=document.narrative_chars,
            reused_chars=reused,
            paragraphs=len(document.paragraphs),
            reused_paragraphs=reused_paragraphs,
            common_paragraphs=common,
            top_source=prepared[top[0]].key if top else None,
            top_source_chars=top[1] if top else 0,
        )
    ordered = sorted(pairs.values(), key=lambda p: (-p.similarity, p.document_a, p.paragraph_a))
    return ReuseReport(tuple(ordered), reports)


def _pair(
    prepared: Sequence[PreparedDocument],
    one: tuple[int, int],
    other: tuple[int, int],
    similarity: float,
    documents: int,
) -> ReusePair:
    """The pair with the later document as *a* and the earlier as *b* (the likely source)."""
    later, earlier = (one, other) if one[0] > other[0] else (other, one)
    a = prepared[later[0]].paragraphs[later[1]]
    b = prepared[earlier[0]].paragraphs[earlier[1]]
    return ReusePair(
        document_a=prepared[later[0]].key,
        paragraph_a=a.index,
        text_a=a.text,
        document_b=prepared[earlier[0]].key,
        paragraph_b=b.index,
        text_b=b.text,
        similarity=similarity,
        documents=max(documents, 2),
    )


def dossier_paragraphs(dossier: Dossier) -> tuple[list[str], list[str]]:
    """A dossier's narrative paragraphs in section order, and the field path of each
    (``narratives.effects[0]``): what to pass to :func:`find_reuse` for a dossier."""
    paragraphs, places = [], []
    for name in type(dossier.narratives).model_fields:
        for position, paragraph in enumerate(getattr(dossier.narratives, name)):
            paragraphs.append(paragraph)
            places.append(f"narratives.{name}[{position}]")
    return paragraphs, places


def find_reuse(
    documents: Mapping[str, Sequence[str]],
    *,
    names: Mapping[str, Sequence[str]] | None = None,
    options: ReuseOptions | None = None,
) -> ReuseReport:
    """Paragraphs reused across *documents* (key → paragraphs, earlier documents first)."""
    options = options or ReuseOptions()
    names = names or {}
    prepared = [
        prepare_document(key, paragraphs, names=names.get(key, ()), options=options)
        for key, paragraphs in documents.items()
    ]
    return match_prepared(prepared, options)
