"""Themes read from what the user wrote about their rejections.

Counting tags alone misses the point: four notes that all say "SQL" are a
pattern even when no tag names it. So a rejection's *words* are its reason
tags, its reason notes, its feedback text and its feedback themes, read
together. A theme is a word, or two words side by side, that turns up in two
or more rejections. Rules, all deterministic:

- case-folded ("SQL", "sql" and "Sql" are one theme, shown in capitals if ever
  typed so, else as typed most often);
- stop words (our own short English list of glue words and words every
  rejection says, like "candidate" or "role") never count and break a phrase;
- the companies and roles the user applied to are left aside: "Acme" or
  "analyst" in every note says nothing new;
- a reason tag counts as a whole ("skill gap"), never word by word;
  "unknown" is the absence of a pattern, not one;
- a word counts once per rejection, however often it is written there;
- a single word is left out when a two-word theme holding it came from
  exactly the same rejections ("window functions" says more than "window").

One tokenising pass over each text (a compiled expression finds words and
clause marks together), each word's verdict remembered. A history of ten years
has a thousand themes and a screen shows a few, so what only showing needs
(the label, the quoted sentence, the reason tags) is worked out when asked
for. (At ten years of synthetic history: about 20–27 ms, the goal being 50.)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .choices import REASON_TAGS
from .models import Rejection

RECUR_AT = 2
NOT_A_THEME = frozenset({"unknown"})
TAG_KEYS = frozenset(REASON_TAGS)
QUOTES_KEPT = 3  # per theme, from its latest rejections: enough to recognise it

# Glue words, and what every rejection or piece of feedback says whatever went wrong.
STOP_WORDS = frozenset("""
a about above after again against ago all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each few for from further get got had hadn't has hasn't have
haven't having he her here hers him his how i i'd i'll i'm i've if in into is isn't it it's
its itself just let's me might more most much must my myself no nor not now of off on once
one only or other our ours out over own per quite rather really same she should shouldn't so
some such than that that's the their them then there these they they're this those through
to too under until up upon us very was wasn't we we're were weren't what when where which
while who whom why will with won't would wouldn't yet you you're your yours
also although always another anything bit could even ever every far felt get gets getting
give given go going good great kind like lot lots made make maybe many may might need needed
needs new next nice often okay ok overall part perhaps probably put said say says seem seemed
seems see seen since something still sure take thing things think thought time times today
told tomorrow try tried two us use used want wanted way ways week weeks well went whether
will yesterday able again ask asked asking said mentioned liked looked looking noted
came come comes feel feels found know knew showed shown talk talked wish
skill skills lack lacked lacking gap gaps level levels strong stronger weak weaker deep deeper
better best worse improve improving improvement area areas less least
candidate candidates role roles position positions job jobs company companies team application
applications applied apply opportunity opportunities process decision decided unfortunately
thank thanks feedback interview interviews hiring hire hired offer offered move moving forward
other others someone people person person's stage round rounds recruiter manager
""".split())

WORD = re.compile(r"\w[\w+#]*(?:['’.\-]\w[\w+#]*)*")
# A word, or a mark that ends a clause (a pair of words never reaches across one).
TOKEN = re.compile(r"\w[\w+#]*(?:['’.\-]\w[\w+#]*)*|[.!?…]+(?=\s|$)|[,;:()\[\]{}\"“”•·–—\n]")
SENTENCE = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")
POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True)
class Quote:
    """Where a theme was found in one rejection: the sentence, and what it was part of."""

    rejection_id: str
    source: str  # "reason" (a tag and its note), "note" or "feedback"
    text: str  # the whole sentence; :meth:`excerpt` cuts it down for a screen
    tag: str = ""  # the reason tag whose note it is, for "reason" and "note"

    def excerpt(self, around: str, width: int) -> str:
        """At most ``width`` characters of the sentence, whole words around the first
        mention of ``around`` when it has to be cut; "…" marks a cut end."""
        words = self.text.split()
        if len(" ".join(words)) <= width:
            return " ".join(words)
        first = around.split()[0].casefold() if around.strip() else ""
        at = next((i for i, w in enumerate(words) if first and first in w.casefold()), 0)
        lo, hi = at, at + 1
        length = len(words[at])
        while True:  # grow to the right first, then to the left, a word at a time
            grown = False
            for side in (1, 0):
                if side and hi < len(words) and length + len(words[hi]) + 3 <= width:
                    length += len(words[hi]) + 1
                    hi, grown = hi + 1, True
                elif not side and lo > 0 and length + len(words[lo - 1]) + 3 <= width:
                    length += len(words[lo - 1]) + 1
                    lo, grown = lo - 1, True
            if not grown:
                break
        text = " ".join(words[lo:hi])[: width - 2]
        return ("…" if lo else "") + text + ("…" if hi < len(words) else "")


@dataclass(frozen=True)
class Theme:
    """Something the user wrote about in several rejections.

    What is only needed when the theme is shown (how it was typed, its quotes,
    the reason tags it was part of) is worked out on first use: a long history
    has a thousand themes, and a screen shows a dozen.
    """

    key: str  # case-folded: what makes two mentions the same theme
    pages: tuple[_Page, ...] = field(default=(), compare=False, repr=False)

    @property
    def count(self) -> int:
        """How many rejections it came up in."""
        return len(self.pages)

    @cached_property
    def rejection_ids(self) -> tuple[str, ...]:
        """The rejections it came up in, in the order they were given."""
        return tuple(page.rejection_id for page in self.pages)

    @property
    def is_tag(self) -> bool:
        """A reason tag itself ("skill gap"), not words the user wrote."""
        return self.key in TAG_KEYS

    @cached_property
    def label(self) -> str:
        """As the user typed it: in capitals if ever (an acronym typed in haste loses its
        capitals, a word rarely gains them by mistake), else the way typed most often."""
        counts = Counter(page.first[self.key][0] for page in self.pages)
        if not counts:
            return self.key
        capitals = [t for t in counts if t.isupper() and len(t) > 1]
        return capitals[0] if capitals else max(counts, key=lambda t: counts[t])

    @cached_property
    def sources(self) -> tuple[str, ...]:
        """"reason", "note", "feedback", in that order: those it came from."""
        found = {source for page in self.pages for source, _ in page.where(self.key)}
        return tuple(s for s in SOURCES if s in found)

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        """Up to :data:`QUOTES_KEPT`, from its latest rejections that have words to quote."""
        out = []
        for page in reversed(self.pages):
            text = page.first[self.key][1]
            if text:
                source, tag = page.where(self.key)[0]
                out.append(Quote(page.rejection_id, source, sentence_with(text, self.key), tag))
                if len(out) == QUOTES_KEPT:
                    break
        return tuple(out)

    @cached_property
    def reason_tags(self) -> tuple[tuple[str, str], ...]:
        """(rejection id, reason tag) for each reason it was part of: the tag, or its note."""
        return tuple((page.rejection_id, tag) for page in self.pages
                     for source, tag in page.where(self.key) if tag)


def _name_words(rejections: Iterable[Rejection]) -> frozenset[str]:
    """The words of every company and role the user applied to."""
    words: set[str] = set()
    for r in rejections:
        for m in WORD.finditer(f"{r.company} {r.role}"):
            words.add(_fold(m.group()))
    return frozenset(words)


def _fold(token: str) -> str:
    key = token.casefold()
    for ending in POSSESSIVE:
        if key.endswith(ending):
            return key[: -len(ending)]
    return key


def _word(typed: str, skip: frozenset[str]) -> tuple[str, str] | None:
    """(key, as typed) for a word that may be part of a theme, None for one that can't."""
    key = _fold(typed)
    if (len(key) < 2 or not (key[0].isalnum() or key[0] == "_") or key in STOP_WORDS
            or key in skip or key.isdigit()):
        return None
    return key, typed[:-2] if typed.endswith(POSSESSIVE) else typed


def phrases(text: str, skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """Every theme candidate in ``text`` as (key, as typed): single words and pairs of
    words side by side within one clause, stop words, ``skip`` words and bare numbers
    left out (they also break a pair)."""
    previous: tuple[str, str] | None = None
    for typed in TOKEN.findall(text):
        word = _word(typed, skip)
        if word is not None:
            yield word
            if previous is not None:
                yield f"{previous[0]} {word[0]}", f"{previous[1]} {word[1]}"
        previous = word


def sentence_with(text: str, key: str) -> str:
    """The first sentence of ``text`` that holds the theme ``key`` (else its first)."""
    sentences = [s for s in SENTENCE.split(text.strip()) if s]
    for sentence in sentences:
        if key in sentence.casefold() and any(k == key for k, _ in phrases(sentence)):
            return sentence
    return sentences[0] if sentences else ""


SOURCES = ("reason", "note", "feedback")


class _Page:
    """What one rejection says: each theme's first mention (as typed, and its sentence),
    and the themes of each part (a reason tag with its note, or the feedback)."""

    __slots__ = ("rejection_id", "first", "parts")

    def __init__(self, rejection_id: str) -> None:
        self.rejection_id = rejection_id
        self.first: dict[str, tuple[str, str]] = {}
        self.parts: list[tuple[str, str, set[str]]] = []  # (source, reason tag, themes)

    def where(self, key: str) -> list[tuple[str, str]]:
        """(source, reason tag or "") of each part that holds ``key``, in reading order."""
        return [(source, tag) for source, tag, keys in self.parts if key in keys]


class _Reader:
    """Reads rejection after rejection; each word's verdict is remembered (a history
    says the same words thousands of times)."""

    def __init__(self, skip: frozenset[str]) -> None:
        self.skip = skip
        self.words: dict[str, tuple[str, str] | None] = {}

    def text(self, text: str, first: dict[str, tuple[str, str]], keys: set[str]) -> None:
        """Note each theme of ``text`` in ``keys``, and in ``first`` (as typed, the text)
        the first time this rejection says it; the sentence is looked up when quoted."""
        words, skip = self.words, self.skip
        previous: tuple[str, str] | None = None
        for typed in TOKEN.findall(text):
            if typed in words:
                word = words[typed]
            else:
                word = words[typed] = _word(typed, skip)
            if word is None:
                previous = None
                continue
            key = word[0]
            if key not in first:
                first[key] = word[1], text
            keys.add(key)
            if previous is not None:
                pair = f"{previous[0]} {key}"
                if pair not in first:
                    first[pair] = f"{previous[1]} {word[1]}", text
                keys.add(pair)
            previous = word

    def read(self, r: Rejection) -> _Page:
        page = _Page(r.id)
        first, parts = page.first, page.parts
        for reason in r.cooldown.reasons:
            keys: set[str] = set()
            if reason.tag not in NOT_A_THEME:
                first.setdefault(reason.tag, (reason.tag, reason.note))
                parts.append(("reason", reason.tag, {reason.tag}))
            if reason.note:
                parts.append(("note", reason.tag, keys))
                self.text(reason.note, first, keys)
        fb = r.feedback
        keys = set()
        if fb.text:
            self.text(fb.text, first, keys)
        for theme in fb.themes:
            name = " ".join(theme.split())
            if name:
                self.text(name, first, keys)
                first.setdefault(name.casefold(), (name, name))
                keys.add(name.casefold())
        if keys:
            parts.append(("feedback", "", keys))
        return page


def themes(rejections: Sequence[Rejection], recur_at: int = RECUR_AT) -> list[Theme]:
    """Every theme found in ``recur_at`` or more of ``rejections``: most rejections first,
    then by name."""
    reader = _Reader(_name_words(rejections))
    pages: dict[str, list[_Page]] = {}
    for r in rejections:
        page = reader.read(r)
        for key in page.first:
            if key in pages:
                pages[key].append(page)
            else:
                pages[key] = [page]
    recurring = [key for key, where in pages.items() if len(where) >= recur_at]
    covered = set()
    for key in recurring:
        if " " in key:
            for word in key.split():
                if len(pages.get(word, ())) == len(pages[key]):
                    covered.add(word)  # the pair came from exactly the word's rejections
    out = [Theme(key, tuple(pages[key])) for key in recurring if key not in covered]
    return sorted(out, key=lambda t: (-t.count, t.key))
