"""Service errors as API answers: 422 with the fields named, 409 for a conflict."""

from collections.abc import Iterator
from contextlib import contextmanager

from ninja.errors import HttpError

from mobilise.api.body import BodyInvalid, field_errors
from mobilise.core.errors import AssessmentClosed, Conflict, InvalidInput, NotAllowed
from mobilise.core.limits import Refused


class TooManyRequests(Exception):
    """A flood limit refused the request (429, with Retry-After)."""

    def __init__(self, refused: Refused) -> None:
        super().__init__("Too many requests")
        self.refused = refused


@contextmanager
def service_errors() -> Iterator[None]:
    try:
        yield
    except InvalidInput as error:
        raise BodyInvalid(field_errors(error.errors)) from error
    except AssessmentClosed as error:
        raise HttpError(409, "This assessment is closed") from error
    except Conflict as error:
        raise HttpError(409, str(error)) from error
    except NotAllowed as error:
        raise HttpError(403, str(error)) from error
