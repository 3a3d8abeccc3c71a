"""Russian words reduced to their stems (Snowball), so «олимпиадам» and «олимпиаде» are the same word: used
to recognise categories and headers, and by the matching to compare competencies with requests."""

import re
from functools import lru_cache

import snowballstemmer

STOP_WORDS = frozenset(
    "и в во к ко с со по на для о об обо от до из у за не ни а но или что как при под над же ли бы "
    "то это так его ее их он она они мы вы я все всех также который которая которые свой своих "
    "чтобы через между без про".split()
)
_stemmer = snowballstemmer.stemmer("russian")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-zа-я0-9]+", text.lower().replace("ё", "е")) if w not in STOP_WORDS]


def stems(text: str) -> frozenset[str]:
    """The meaningful stems of a text (stop words and one-letter words left out)."""
    return frozenset(stem(w) for w in words(text) if len(w) > 1)
