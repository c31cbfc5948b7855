"""What every screen shares: typed access to the store and the clock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from ..app import ResilienceApp
    from ..clock import Clock
    from ..storage.store import Store

R = TypeVar("R")


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


class AppScreen(StoreAccess, Screen[R]):
    """A full screen of the app."""


class AppModal(StoreAccess, ModalScreen[R]):
    """A dialog over the current screen."""
