"""Several app servers behind a load balancer, on one database: the app keeps no state in
its processes (sessions, participants' drafts, sign-in failure counts and rate limits are
in the database), so a participant can save on one server and carry on on another."""

import re

import requests

from tests.servers import gunicorn, manage

MAKE_ASSESSMENT = (
    "from mobilise.accounts.models import Organisation;"
    "from mobilise.assessments.services.setup import create_assessment;"
    "o = Organisation.objects.create(name='Scale Trust');"
    "a = create_assessment(o, 'Board', 'Board session', 'group');"
    "print(a.participant_token)"
)


class Participant:
    """A browser: cookies kept by hand (production cookies are Secure, and the servers are
    reached behind a pretend TLS proxy), CSRF answered as a browser would."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def _send(self, method: str, url: str, **kwargs) -> requests.Response:
        base = re.match(r"https?://[^/]+", url).group(0)
        headers = {"X-Forwarded-Proto": "https", "Origin": base.replace("http:", "https:")}
        response = requests.request(
            method,
            url,
            headers=headers,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=20,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, url: str) -> requests.Response:
        return self._send("GET", url)

    def post(self, url: str, data: dict) -> requests.Response:
        page = self.get(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self._send("POST", url, data={**data, "csrfmiddlewaretoken": token})


def test_answers_saved_on_one_server_are_there_on_the_other(production_site):
    env = production_site
    token = manage(env, "shell", "-c", MAKE_ASSESSMENT).split()[-1]  # after shell's own notes
    with gunicorn(env) as first, gunicorn(env) as second:
        assert first != second
        participant = Participant()
        started = participant.post(f"{first}/take/{token}/", {})
        assert started.status_code == 302 and started.headers["Location"].endswith("/section/1/")
        saved = participant.post(
            f"{first}/take/{token}/section/1/",
            {"rating_1_1": "3", "comment_1_1": "Board papers cite evidence", "action": "save"},
        )
        assert saved.status_code == 302, saved.text[:500]

        # The next request lands on the other server.
        again = participant.get(f"{second}/take/{token}/section/1/")
        assert again.status_code == 200
        assert re.search(r'value="3"[^>]*checked|checked[^>]*value="3"', again.text)
        assert "Board papers cite evidence" in again.text
