"""Reading what was typed on a command line: a plan item as "KIND: TEXT", a plan item named
by its number or its words, a person in the support network named by their name.

The screens pick these from lists; a shell has only words, so the words must be read the
same way every time and a miss must say what to type instead. Pure Python: refusals are
:class:`ValidationError` with a message for the user, and never list the network's people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .checkin import names_contact
from .choices import CONTACT_KINDS, PLAN_KINDS
from .models import Contact, PlanItem
from .selfcare import name_key
from .validate import ValidationError, clean_text

# Other ways people write a plan kind ("follow up", "Follow-Up", "followup").
_KIND_SPELLINGS = {"follow up": "follow-up", "followup": "follow-up", "reach out": "outreach"}


def _kind(word: str) -> str:
    key = " ".join(word.casefold().replace("_", " ").split())
    return _KIND_SPELLINGS.get(key, key)


def parse_plan_item(text: str) -> PlanItem:
    """A plan item written "apply: Acme, backend role"; without a "KIND:" it is "other".

    A word before the colon that is no plan kind is refused (most likely a typo), with
    the kinds there are; write "other: …" for an item whose own words hold a colon.
    """
    head, colon, rest = text.partition(":")
    if not colon:
        return PlanItem(kind="other", text=text).validate()
    kind = _kind(head)
    if kind not in PLAN_KINDS:
        raise ValidationError(
            "plan item kind", f"should be one of {', '.join(PLAN_KINDS)}, not {head.strip()!r} "
                              f"(write it like \"apply: Acme, backend role\")")
    return PlanItem(kind=kind, text=rest).validate()


def same_item(a: PlanItem, b: PlanItem) -> bool:
    """Two items saying the same thing (kind, and words in any case or spacing)."""
    return a.kind == b.kind and name_key(a.text) == name_key(b.text)


def item_label(position: int, item: PlanItem) -> str:
    """"2 apply: Acme, backend role" (✓ before a done one): how the plan is listed."""
    return f"{position} {'✓ ' if item.done else ''}{item.kind}: {item.text}"


def find_plan_item(plan: Sequence[PlanItem], words: str) -> tuple[int, PlanItem]:
    """The item ``words`` names, with its position (1-based, in the plan's order).

    A whole number is a position. Otherwise the words are matched in any case: the
    whole text first, then a unique start, then a unique part; "apply: acme" looks among
    that kind only. Several matches are refused with the candidates listed.
    """
    typed = clean_text(words, "plan item", max_len=200, required=True)
    if typed.isdigit():
        number = int(typed)
        if not 1 <= number <= len(plan):
            raise ValidationError("plan item", f"{number} isn't on today's plan, which has "
                                               f"{_items(len(plan))}")
        return number, plan[number - 1]
    numbered = list(enumerate(plan, start=1))
    head, colon, rest = typed.partition(":")
    if colon and _kind(head) in PLAN_KINDS:
        numbered = [(n, p) for n, p in numbered if p.kind == _kind(head)]
        typed = rest
    key = name_key(typed)
    for fits in (lambda t: t == key, lambda t: t.startswith(key), lambda t: key in t):
        found = [(n, p) for n, p in numbered if fits(name_key(p.text))]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = "; ".join(item_label(n, p) for n, p in found)
            raise ValidationError("plan item", f"{words.strip()!r} fits {len(found)} items "
                                               f"({listed}); give its number or more words")
    raise ValidationError("plan item", f"{words.strip()!r} isn't on today's plan; give its "
                                       f"number (1 to {len(plan)}) or words from it")


def _items(n: int) -> str:
    return "1 item" if n == 1 else f"{n} items"


def find_contact(contacts: Iterable[Contact], typed: str) -> Contact:
    """The person ``typed`` names: the whole name in any case, or words of one name only.

    "Sam (mentor)" picks among people of the same name by their kind. The refusals
    never list who is in the network: a shell's output ends up in logs and scrollback.
    """
    text = clean_text(typed, "contact", max_len=120, required=True)
    kind = None
    name, bracket, tail = text.partition("(")
    if bracket and tail.rstrip().endswith(")") and tail.rstrip()[:-1].strip() in CONTACT_KINDS:
        kind, text = tail.rstrip()[:-1].strip(), name.strip()
    people = [c for c in contacts if kind is None or c.kind == kind]
    key = name_key(text)
    exact = [c for c in people if name_key(c.name) == key]
    found = exact or [c for c in people if names_contact(c.name, text)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError("contact", f"{typed.strip()!r} isn't anyone in your support "
                                         "network; add them there first (n in the app), "
                                         "or leave the name out")
    raise ValidationError("contact", f"{typed.strip()!r} fits {len(found)} people in your "
                                     "support network; give the whole name, or the kind too, "
                                     "like \"Sam (mentor)\"")
