"""Time hostile request bodies against the API, beside an ordinary response, in one run.

    .venv/bin/python perf/hostile.py [--runs 5]

Each is answered in process by the test client against a throwaway SQLite file; the
figures are milliseconds and the size of each answer. Nothing is asserted.
"""

import argparse
import json

import bootstrap  # noqa: F401 - sets Django up before anything imports it
from django.core.management import call_command
from django.test import Client
from timing import line, timed

from mobilise.accounts.models import Organisation
from mobilise.assessments.services.setup import create_assessment
from mobilise.framework.catalogue import get_framework


def bodies() -> dict[str, bytes]:
    ratings = [{"element": e.code, "level": 2} for e in get_framework().elements]
    return {
        "an ordinary response (201)": json.dumps({"ratings": ratings}).encode(),
        "nested 5,000 deep": ("[" * 5000 + "]" * 5000).encode(),
        "200,000 duplicate ratings": json.dumps(
            {"ratings": [{"element": "1.1", "level": 2}] * 200_000}
        ).encode(),
        "20,000 duplicate ratings": json.dumps(
            {"ratings": [{"element": "1.1", "level": 2}] * 20_000}
        ).encode(),
        "11 MB of padding": b'{"x": "' + b"y" * (11 * 1024 * 1024) + b'"}',
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    call_command("migrate", verbosity=0)
    organisation, _ = Organisation.objects.get_or_create(name="Bench NHS Trust")
    assessment = create_assessment(organisation, "Bench team", "Hostile bodies", "group")
    path = f"/api/v1/responses/{assessment.participant_token}"
    client = Client()
    print(f"POST {path}")
    for name, body in bodies().items():
        answers = []

        def send(body=body, answers=answers):
            answers.append(client.post(path, body, content_type="application/json"))

        samples, queries = timed(send, runs)
        answer = answers[-1]
        line(f"{name}", samples, queries)
        print(f"  {'':<30} {answer.status_code}, {len(answer.content):,} bytes of answer")


if __name__ == "__main__":
    main()
