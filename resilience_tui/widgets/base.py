"""What screens and widgets share: typed access to the running app's store and clock.

It lives with the widgets so that Today's panels need nothing from ``screens``;
``screens.base`` builds its screen classes on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..app import ResilienceApp
    from ..clock import Clock
    from ..storage.store import Store


class StoreAccess:
    """Mixin: ``self.store`` and ``self.clock`` from the running app."""

    app: Any

    @property
    def res_app(self) -> ResilienceApp:
        return self.app  # type: ignore[no-any-return]

    @property
    def store(self) -> Store:
        return self.app.store  # type: ignore[no-any-return]

    @property
    def clock(self) -> Clock:
        return self.app.clock  # type: ignore[no-any-return]
