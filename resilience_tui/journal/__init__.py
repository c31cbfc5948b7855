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

from .opening import follow_settings, open_journal

__all__ = ["follow_settings", "open_journal"]
