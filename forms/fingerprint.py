"""A pack's content hash: what a draft records of the pack it was made with.

The hash is taken over the pack's validated content (every section, question, rule and text as the
schema reads them, in their order), not over its files: a changed comment or indentation in a YAML
file leaves it as it was, a changed question, rule or wording does not. It is computed once per
loaded pack, on first need, and kept for as long as that pack is.
"""

from __future__ import annotations

import hashlib
import json
import weakref

from pydantic import BaseModel

PREFIX = "sha256:"

# By object identity: a pack is frozen, so its hash never changes; hashing by value would walk the
# whole pack on every look-up. The finalizer forgets a pack's entry when the pack goes away.
_HASHES: dict[int, str] = {}


def remember(pack: BaseModel, digest: str) -> None:
    """`digest` is the content hash of `pack`, worked out when it was built (forms/cache.py keeps both)."""
    key = id(pack)
    if key not in _HASHES:
        _HASHES[key] = digest
        weakref.finalize(pack, _HASHES.pop, key, None)


def content_hash(pack: BaseModel) -> str:
    """"sha256:" and the hex digest of the pack's validated content."""
    key = id(pack)
    if key not in _HASHES:
        canonical = json.dumps(pack.model_dump(mode="json"), ensure_ascii=False, sort_keys=True,
                               separators=(",", ":"))
        _HASHES[key] = PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        weakref.finalize(pack, _HASHES.pop, key, None)
    return _HASHES[key]
