"""The Board paper's cover: what the facilitator typed, remembered for the assessment."""

from mobilise.accounts.models import User
from mobilise.assessments.models import Assessment
from mobilise.audit.services import record
from mobilise.core.dates import uk_today
from mobilise.reports.models import BoardPaper
from mobilise.reports.presenter import default_recommendations

TEXTS = ("meeting", "author", "presenter", "sponsor", "recommendations")
FIELDS = (*TEXTS, "meeting_on", "purpose")


def initial(assessment: Assessment) -> dict:
    """The form as last saved, or with the default recommendations to edit."""
    paper = BoardPaper.objects.filter(assessment=assessment).first()
    if paper is None:
        return {
            "purpose": "decision",
            "recommendations": "\n".join(default_recommendations(uk_today())),
        }
    return {name: getattr(paper, name) for name in FIELDS}


def save(assessment: Assessment, data: dict, user: User | None = None) -> BoardPaper:
    paper, _ = BoardPaper.objects.update_or_create(
        assessment=assessment,
        defaults={name: (data[name] or "").strip() for name in TEXTS}
        | {"meeting_on": data["meeting_on"], "purpose": data["purpose"]},
    )
    record(assessment, user, "Changed the Board paper's cover")
    return paper
