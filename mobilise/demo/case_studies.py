"""The demo's impact case studies: one from the senior transformation team's plan (Board
papers that show their evidence), one from the pharmacy team's second cycle, reassessed
since, so that both show the score change of the elements they served."""

from mobilise.accounts.models import Membership, Organisation
from mobilise.assessments.models import Assessment
from mobilise.demo.portfolio import SECOND_TITLE
from mobilise.plans.models import ActionStatus, CaseStudy, PlanAction
from mobilise.plans.services import case_studies
from mobilise.plans.services.case_studies import CaseStudyFields

BOARD_PAPERS = CaseStudyFields(
    title="Board papers now show the evidence behind them",
    challenge=(
        "Papers on service change reached the transformation board without saying what "
        "evidence had been considered, so members could not tell a tested idea from a hunch."
    ),
    service_did=(
        "The clinical librarian produced evidence summaries for each paper on the ward "
        "reconfiguration, and worked with the Trust Secretary on a section of the Board paper "
        "template that asks what evidence and knowledge informed the paper."
    ),
    intervention=(
        "Every paper to the board now completes the evidence section, and authors ask the "
        "library for a summary before drafting rather than after."
    ),
    outcome=(
        "The board challenges papers on their evidence, and two proposals were changed after "
        "the summaries showed better options elsewhere in the NHS."
    ),
    figure="14 of the last 16 papers cited an evidence summary",
    quote=(
        "The evidence section changed the conversation: we now ask what the evidence says "
        "before we ask what it costs."
    ),
    champion_name="Dr Helen Okafor",
    champion_role="Chief Nurse and chair of the transformation board",
)


def _pharmacy(action: PlanAction) -> CaseStudyFields:
    return CaseStudyFields(
        title="Formulary decisions made on current evidence, in weeks not months",
        challenge=(
            "The medicines optimisation team waited months for the evidence behind each "
            "formulary request, and decisions were deferred meeting after meeting."
        ),
        service_did=(
            "The clinical librarian worked with the team on an action of its plan: "
            f"{action.text.rstrip('.')}."
        ),
        intervention=(
            "Each formulary request now comes to the committee with a librarian's search and a "
            "one-page summary attached."
        ),
        outcome=(
            "Requests are decided at the first meeting that considers them, and the committee's "
            "decisions cite the evidence they rest on."
        ),
        figure="Average time to a formulary decision down from 14 weeks to 5",
        quote="We decide once, on the evidence, instead of three times on opinion.",
        champion_name="Priya Natarajan",
        champion_role="Chief Pharmacist",
    )


def load_demo_case_studies(organisation: Organisation, first: Assessment) -> None:
    """Two case studies; running it again changes nothing."""
    if CaseStudy.objects.filter(plan__assessment__organisation=organisation).exists():
        return
    facilitator = Membership.objects.select_related("user").get(
        organisation=organisation, user__username="demo-facilitator"
    )
    board = _done(first, ["1.1-a", "1.2-d"])
    case_studies.write(first, facilitator, _with(BOARD_PAPERS, board), facilitator.user)
    second = Assessment.objects.get(
        organisation=organisation,
        unit__name="Pharmacy and medicines optimisation",
        title=SECOND_TITLE,
    )
    done = _done(second, [])[:1]
    case_studies.write(second, facilitator, _with(_pharmacy(done[0]), done), facilitator.user)


def _done(assessment: Assessment, keys: list[str]) -> list[PlanAction]:
    """The assessment's done actions, those of the catalogue actions `keys` when given."""
    found = PlanAction.objects.filter(
        plan__assessment=assessment, status=ActionStatus.DONE
    ).order_by("created_at")
    if keys:
        found = found.filter(option_id__in=keys)
    return list(found)


def _with(fields: CaseStudyFields, actions: list[PlanAction]) -> CaseStudyFields:
    return CaseStudyFields(**{**fields.__dict__, "actions": [str(a.id) for a in actions]})
