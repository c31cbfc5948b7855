"""The journal core: every use case that writes, with no Textual in it.

Screens, palette commands and the command line collect what the user said and
call one function here; it validates through the domain rules, saves in one
batch through the :class:`~resilience_tui.storage.store.Store` and returns what
the caller needs to tell the user. The store announces each change, so the
screens refresh on that message, not on a call from here.

One module per thing the journal holds: ``checkins``, ``selfcare``,
``rejections``, ``cooldowns``, ``feedback``, ``rest``, ``contacts``,
``settings``, ``transfer``; ``opening`` opens a journal with the clock set to
the user's day; ``momentum`` reads the figures Review, Today and ``status`` share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .opening import follow_settings, open_journal

__all__ = ["follow_settings", "open_journal"]


def __getattr__(name: str) -> Any:
    """``open_journal`` on first use: importing any module of the core must not load
    the store and TinyDB (``status`` reads a small summary and needs neither)."""
    if name in __all__:
        from . import opening

        return getattr(opening, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
