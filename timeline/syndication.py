"""Find syndicated copies: articles that carry the same wire text (the same AFP story in two outlets).

Each article is reduced to a sample of hashed word 6-grams (those whose hash falls in a fixed
1-in-4 residue class, so two copies sample the same shingles). An inverted index from shingle to
articles yields the candidate pairs, so the cost grows with the corpus, not with its square.
Two articles are copies when at least ``THRESHOLD`` of the smaller sample is shared.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence

from timeline.model import Article

SHINGLE = 6
SAMPLE_MOD = 4
THRESHOLD = 0.35
MIN_SAMPLE = 8  # fewer sampled shingles than this: too short to call a copy
COMMON = 50  # a shingle in more articles than this is boilerplate, not a shared story

_WORD = re.compile(r"\w+")


def shingles(article: Article) -> frozenset[int]:
    """The sampled hashes of the article's word 6-grams.

    Words become CRC-32 numbers and a 6-gram the hash of their tuple: both are fixed across runs
    and machines (Python randomises the hashes of strings, not of integers and their tuples).
    """
    ids = [
        zlib.crc32(w.encode("utf-8", "surrogatepass"))
        for span in article.regions()
        for w in _WORD.findall(article.text[span.start:span.end].lower())
    ]
    grams = zip(*(ids[k:] for k in range(SHINGLE)))
    return frozenset(h for h in map(hash, grams) if h % SAMPLE_MOD == 0)


def syndication_groups(articles: Sequence[Article]) -> dict[str, str]:
    """Map each article id to the id of its copy group (the smallest id in the group)."""
    samples = {a.id: shingles(a) for a in articles}
    index: dict[int, list[str]] = defaultdict(list)
    for doc in sorted(samples):
        for h in samples[doc]:
            index[h].append(doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in index.values():
        if 1 < len(docs) <= COMMON:
            for i, a in enumerate(docs):
                for b in docs[i + 1:]:
                    shared[(a, b)] += 1
    parent = {doc: doc for doc in samples}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), n in sorted(shared.items()):
        smaller = min(len(samples[a]), len(samples[b]))
        if smaller >= MIN_SAMPLE and n / smaller >= THRESHOLD:
            ra, rb = sorted((find(a), find(b)))
            parent[rb] = ra
    return {doc: find(doc) for doc in samples}
