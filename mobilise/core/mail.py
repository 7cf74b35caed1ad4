"""Sending several e-mails where the mail server may refuse some: each is sent on its own,
so one refusal neither stops the rest nor ends the request in an error."""

import contextlib
import re
from collections.abc import Iterable
from smtplib import SMTPException

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email

Mail = tuple[str, str, str]
"""One e-mail: subject, body and the one address it goes to."""


def send_each(mails: Iterable[Mail]) -> list[bool]:
    """Send each e-mail on one connection; True for those the server took."""
    connection = get_connection()
    sent = []
    for subject, body, address in mails:
        try:
            sent.append(
                bool(EmailMessage(subject, body, to=[address], connection=connection).send())
            )
        except (OSError, SMTPException):
            sent.append(False)
    with contextlib.suppress(OSError, SMTPException):
        connection.close()
    return sent


def addresses_in(raw: str) -> tuple[list[str], list[str]]:
    """The addresses typed one per line or separated by commas, semicolons or spaces, each
    once, in the order given; and those of them that are not e-mail addresses."""
    found = list(dict.fromkeys(a for a in re.split(r"[\s,;]+", raw) if a))
    bad = []
    for address in found:
        try:
            validate_email(address)
        except ValidationError:
            bad.append(address)
    return found, bad
