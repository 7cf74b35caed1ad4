"""Errors the services raise, for pages and the API to translate into answers."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class FieldError:
    loc: tuple[str | int, ...]
    msg: str


class InvalidInput(ValueError):
    """The input fails validation; each error names its field. Nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.msg for e in errors))
        self.errors = errors


class AssessmentClosed(RuntimeError):
    """The assessment is closed: no answers can be given or changed."""

    def __init__(self, message: str = "This assessment is closed") -> None:
        super().__init__(message)


class Conflict(RuntimeError):
    """The request conflicts with the state of things (answered 409)."""


class NotAllowed(PermissionDenied):
    """The person's role does not allow this change: 403 on pages and in the API."""
