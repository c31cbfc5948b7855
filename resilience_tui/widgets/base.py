"""What screens and widgets share: typed access to the running app's store and clock.

It lives with the widgets so that Today's panels need nothing from ``screens``;
``screens.base`` builds its screen classes on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..domain.validate import ValidationError

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

    @contextmanager
    def kept_safe(self) -> Iterator[None]:
        """For saves that are not a form's (a tick, a draft): a stored record the user
        can't mend here (say, hand-edited into a bad shape) is reported, never raised."""
        try:
            yield
        except ValidationError as exc:
            self.app.notify(f"This couldn't be saved: {exc.sentence} 'resilience doctor' "
                            "can say more.", severity="warning", markup=False)
