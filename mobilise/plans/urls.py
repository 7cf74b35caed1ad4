"""The pages of action plans, follow-up and local actions."""

from django.urls import path

from mobilise.plans.views import (
    case_studies,
    followup,
    local_actions,
    plan,
    reassess,
    sign_off,
    trend,
)

app_name = "plans"

urlpatterns = [
    path(
        "assessments/<uuid:assessment_id>/suggestions/", plan.suggestions_page, name="suggestions"
    ),
    path("assessments/<uuid:assessment_id>/plan/", plan.plan_page, name="plan"),
    path(
        "assessments/<uuid:assessment_id>/plan/element/<str:code>/",
        plan.element_page,
        name="element",
    ),
    path(
        "assessments/<uuid:assessment_id>/plan/element/<str:code>/no-action/remove/",
        plan.remove_no_action,
        name="no-action-remove",
    ),
    path(
        "assessments/<uuid:assessment_id>/plan/actions/<uuid:action_id>/",
        plan.action_page,
        name="action",
    ),
    path(
        "assessments/<uuid:assessment_id>/plan/actions/<uuid:action_id>/notes/",
        plan.add_note,
        name="action-note",
    ),
    path(
        "assessments/<uuid:assessment_id>/plan/actions/<uuid:action_id>/delete/",
        plan.delete_action,
        name="action-delete",
    ),
    path(
        "assessments/<uuid:assessment_id>/plan/sign-off/",
        sign_off.sign_off_page,
        name="sign-off",
    ),
    path(
        "assessments/<uuid:assessment_id>/plan/sign-off/signatory/",
        sign_off.name_signatory,
        name="sign-off-signatory",
    ),
    path(
        "assessments/<uuid:assessment_id>/plan/agreed/<int:version>/",
        sign_off.agreed_version,
        name="agreed-version",
    ),
    path(
        "assessments/<uuid:assessment_id>/case-studies/",
        case_studies.case_studies_page,
        name="case-studies",
    ),
    path(
        "assessments/<uuid:assessment_id>/case-studies/new/",
        case_studies.new_case_study,
        name="case-study-new",
    ),
    path(
        "assessments/<uuid:assessment_id>/case-studies/<uuid:case_id>/",
        case_studies.case_study_page,
        name="case-study",
    ),
    path(
        "assessments/<uuid:assessment_id>/case-studies/<uuid:case_id>/change/",
        case_studies.edit_case_study,
        name="case-study-edit",
    ),
    path(
        "assessments/<uuid:assessment_id>/case-studies/<uuid:case_id>/delete/",
        case_studies.delete_case_study,
        name="case-study-delete",
    ),
    path("assessments/<uuid:assessment_id>/reassess/", reassess.reassess, name="reassess"),
    path(
        "assessments/<uuid:assessment_id>/comparison/", reassess.comparison_page, name="comparison"
    ),
    path("units/<uuid:unit_id>/trend/", trend.trend_page, name="trend"),
    path("follow-up/", followup.follow_up, name="follow-up"),
    path("follow-up/calendar/change/", followup.change_feed, name="calendar-change"),
    path("calendar/<str:key>.ics", followup.calendar_feed, name="calendar-feed"),
    path("local-actions/", local_actions.local_actions, name="local-actions"),
    path(
        "local-actions/<uuid:local_id>/delete/",
        local_actions.delete_local_action,
        name="local-action-delete",
    ),
]
