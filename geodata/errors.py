"""Errors raised by geodata. Each names what went wrong in words a tourist-facing caller can show."""

from pathlib import Path


class GeodataError(Exception):
    """Base class of every error geodata raises on purpose."""


class RoutingError(GeodataError):
    """A route could not be computed."""


class UnknownMode(RoutingError, ValueError):
    """The travel mode is not one of geodata.modes.MODES."""


class UnreachableStop(RoutingError):
    """A stop cannot be reached with the chosen mode (too far from any usable road, or cut off from the
    other stops). ``stop`` is the stop's name, ``mode`` the mode's name."""

    def __init__(self, message: str, *, stop: str, mode: str):
        super().__init__(message)
        self.stop = stop
        self.mode = mode


class UnknownPlace(GeodataError, LookupError):
    """A place name, slug or ``lat,lon`` text did not resolve to exactly one place."""

    def __init__(self, message: str, *, query: str, suggestions: tuple[str, ...] = ()):
        super().__init__(message)
        self.query = query
        self.suggestions = suggestions


class InvalidData(GeodataError, ValueError):
    """A geo file has bad rows and was not imported. ``report`` lists every problem."""

    def __init__(self, report):
        super().__init__(report.summary())
        self.report = report


class UnreadableFile(GeodataError, ValueError):
    """A geo file could not be read at all: missing, empty, binary, not the format its name says, or with a
    coordinate reference system nobody knows. ``reason`` is one sentence; the message names the file."""

    def __init__(self, path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {Path(path).name}: {reason}")
