"""An impact case study written from a done action, for the route walks to name."""

from mobilise.assessments.models import Assessment
from mobilise.plans.models import ActionStatus, CaseStudy
from mobilise.plans.services import plan as plans
from mobilise.plans.services.plan import plan_of


def case_study(assessment: Assessment) -> CaseStudy:
    action = plans.add_custom_action(
        assessment,
        "Run evidence search clinics",
        ["3.1"],
        plans.ActionFields(priority="high", given={"priority"}),
    )
    action.status = ActionStatus.DONE
    action.save(update_fields=["status"])
    case = CaseStudy.objects.create(
        plan=plan_of(assessment),
        title="Search clinics",
        challenge="Teams could not find evidence.",
        service_did="Clinics.",
        intervention="Weekly clinics.",
        outcome="Faster answers.",
    )
    case.actions.set([action])
    return case
