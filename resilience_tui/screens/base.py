"""What every screen shares: typed access to the store and the clock."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen, Screen

from ..widgets.base import StoreAccess

__all__ = ["AppModal", "AppScreen", "StoreAccess"]

R = TypeVar("R")


class AppScreen(StoreAccess, Screen[R]):
    """A full screen of the app."""


class AppModal(StoreAccess, ModalScreen[R]):
    """A dialog over the current screen."""
