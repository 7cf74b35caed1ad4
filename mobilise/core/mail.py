"""Sending several e-mails where the mail server may refuse some: each is sent on its own,
so one refusal neither stops the rest nor ends the request in an error."""

import contextlib
from collections.abc import Iterable
from smtplib import SMTPException

from django.core.mail import EmailMessage, get_connection

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
