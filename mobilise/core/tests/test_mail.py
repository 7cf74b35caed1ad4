"""A mail server that refuses some e-mails: the rest go, and no page ends in an error."""

from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from mobilise.assessments.models import Mode, PersonalLink
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.mail import send_each
from mobilise.core.tests.html import error_summary, page, text

pytestmark = pytest.mark.django_db


class Refusing(EmailBackend):
    """Takes every e-mail except those to an address beginning 'refused'."""

    def send_messages(self, messages):
        for message in messages:
            if message.to[0].startswith("refused"):
                raise SMTPRecipientsRefused({message.to[0]: (550, b"No")})
        return super().send_messages(messages)


@pytest.fixture
def refusing(settings):
    settings.EMAIL_BACKEND = "mobilise.core.tests.test_mail.Refusing"


def test_each_email_is_sent_on_its_own(refusing):
    sent = send_each(
        [("S", "B", "a@nhs.net"), ("S", "B", "refused@nhs.net"), ("S", "B", "c@nhs.net")]
    )
    assert sent == [True, False, True]
    assert [m.to for m in mail.outbox] == [["a@nhs.net"], ["c@nhs.net"]]


def test_invitations_the_server_refuses_are_counted_and_none_sent_is_an_error(
    refusing, signed_in, facilitator
):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    url = f"/assessments/{assessment.id}/invite/"
    response = signed_in.post(url, {"addresses": "a@nhs.net\nrefused@nhs.net"}, follow=True)
    body = text(page(response))
    assert "Sent 1 invitation." in body and "refused 1 of the e-mails" in body
    response = signed_in.post(url, {"addresses": "refused@nhs.net"})
    assert error_summary(response) == [
        ("#id_addresses", "We could not send the e-mails just now. Try again later")
    ]


def test_personal_links_the_server_refuses_are_withdrawn(refusing, signed_in, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    response = signed_in.post(
        f"/assessments/{assessment.id}/links/",
        {
            "addresses": "a@nhs.net\nrefused@nhs.net",
            "only_personal": "no",
            "count": "",
            "output": "page",
        },
        follow=True,
    )
    body = text(page(response))
    assert "Sent 1 personal link." in body and "refused 1 of the e-mails" in body
    assert PersonalLink.objects.filter(assessment=assessment).count() == 1
