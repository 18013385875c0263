"""What makes two articles the same: their address, their text, or nearly
their text.

- `canonical_url`: one spelling of an address (no tracking parameters, no
  fragment, lower-case host, no default port).
- `content_hash`: sha256 of the text with case and spacing folded.
- `sketch`: a MinHash signature of the text's word 3-grams, cut into LSH
  bands. Two texts sharing a band are candidates; their signatures estimate
  how much of the text they share. Stored bands sit in an indexed table, so
  finding candidates is one indexed query whatever the number of articles.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from datasketch import MinHash

# Query parameters that say how a reader arrived, not what they read.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "cmp",
        "ito",
        "ref",
        "ref_src",
        "ref_url",
        "src",
        "spm",
        "smid",
        "sr_share",
        "cid",
        "mkt_tok",
        "soc_src",
        "soc_trk",
        "at_medium",
        "at_campaign",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "outputtype",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "hsa_", "__hs", "oly_", "vero_")


def canonical_url(url: str) -> str:
    """One spelling of `url`: tracking parameters, fragment and default port dropped."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMETERS and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


_WHITESPACE = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


def content_hash(body: str) -> str:
    """Hash the text as a reader sees it: case and spacing do not make it new."""
    normalised = _WHITESPACE.sub(" ", body).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------
# Near-duplicates

NUM_PERM = 100
BANDS = 20
ROWS = NUM_PERM // BANDS  # 5 rows a band: texts sharing ~55% of their 3-grams meet in a band
SHINGLE_WORDS = 3
# Texts whose estimated share of 3-grams reaches this are one story republished.
NEAR_DUPLICATE_SIMILARITY = 0.7
# Very short texts share 3-grams by chance; below this they are only checked exactly.
MIN_SHINGLES = 30

_SCHEME = "affine32"  # datasketch 2's unbiased scheme; stored signatures depend on it
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme=_SCHEME).permutations


@dataclass(frozen=True)
class Sketch:
    signature: np.ndarray  # NUM_PERM uint32 values

    @property
    def band_keys(self) -> list[int]:
        keys = []
        for band in range(BANDS):
            chunk = self.signature[band * ROWS : (band + 1) * ROWS].astype("<u4").tobytes()
            digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
            keys.append(struct.unpack("<q", digest)[0])  # signed: fits a BIGINT
        return keys

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Sketch:
        return cls(np.frombuffer(bytes(data), dtype="<u4").astype(np.uint32))

    def similarity(self, other: Sketch) -> float:
        return float(np.count_nonzero(self.signature == other.signature)) / NUM_PERM


def shingles(body: str) -> set[bytes]:
    """The text's word 3-grams, as a reader would compare them (case folded)."""
    words = _WORDS.findall(body.casefold())
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(max(0, len(words) - SHINGLE_WORDS + 1))
    }


def shingle_hashes(body: str) -> np.ndarray:
    """32-bit hashes of the text's distinct word 3-grams: each word hashed once (crc32),
    three neighbours combined with numpy, so a 600-word article takes a fraction of a
    millisecond."""
    words = _WORDS.findall(body.casefold())
    if len(words) < SHINGLE_WORDS:
        return np.empty(0, dtype=np.uint64)
    word_hashes = np.fromiter(
        (zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words)
    )
    first, second, third = word_hashes[:-2], word_hashes[1:-1], word_hashes[2:]
    # Multiply-xorshift mixing of the three word hashes; uint64 arithmetic wraps.
    mixed = (first * np.uint64(0x9E3779B97F4A7C15)) ^ (second * np.uint64(0xC2B2AE3D27D4EB4F)) ^ third
    mixed ^= mixed >> np.uint64(29)
    return np.unique(mixed & np.uint64(0xFFFFFFFF))


def sketch(body: str) -> Sketch | None:
    """The text's MinHash signature, or None when it is too short to compare fairly."""
    hashes = shingle_hashes(body)
    if len(hashes) < MIN_SHINGLES:
        return None
    # The shingles are hashed already; datasketch applies its permutations to them.
    minhash = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, scheme=_SCHEME, hashfunc=int)
    minhash.update_batch(hashes)
    return Sketch(np.asarray(minhash.hashvalues, dtype=np.uint32))
