"""The facilitator's pages of an assessment."""

from django.urls import path

from mobilise.assessments.views import (
    agree,
    evidence,
    facilitate,
    hands,
    invitations,
    present,
    turnout,
)

app_name = "assessments"

urlpatterns = [
    path("", facilitate.assessment_list, name="list"),
    path("new/", facilitate.assessment_new, name="new"),
    path("guide/", facilitate.guide, name="guide"),
    path("<uuid:assessment_id>/", facilitate.assessment_detail, name="detail"),
    path(
        "<uuid:assessment_id>/close/",
        facilitate.assessment_open_close,
        {"change": "close"},
        name="close",
    ),
    path(
        "<uuid:assessment_id>/reopen/",
        facilitate.assessment_open_close,
        {"change": "reopen"},
        name="reopen",
    ),
    path("<uuid:assessment_id>/delete/", facilitate.assessment_delete, name="delete"),
    path("<uuid:assessment_id>/reveal/", facilitate.assessment_reveal, name="reveal"),
    path("<uuid:assessment_id>/live/", facilitate.live, name="live"),
    path("<uuid:assessment_id>/live/panel/", facilitate.live_panel, name="live-panel"),
    path("<uuid:assessment_id>/agree/", agree.agree_start, name="agree-start"),
    path("<uuid:assessment_id>/agree/<int:number>/", agree.agree_section, name="agree"),
    path(
        "<uuid:assessment_id>/agree/element/<str:code>/",
        agree.agree_element,
        name="agree-element",
    ),
    path(
        "<uuid:assessment_id>/evidence/<str:code>/add/", evidence.evidence_add, name="evidence-add"
    ),
    path(
        "<uuid:assessment_id>/evidence/<uuid:evidence_id>/change/",
        evidence.evidence_change,
        name="evidence-change",
    ),
    path(
        "<uuid:assessment_id>/evidence/<uuid:evidence_id>/keep/",
        evidence.evidence_keep,
        name="evidence-keep",
    ),
    path(
        "<uuid:assessment_id>/evidence/<uuid:evidence_id>/remove/",
        evidence.evidence_remove,
        name="evidence-remove",
    ),
    path(
        "<uuid:assessment_id>/evidence/<uuid:evidence_id>/file/",
        evidence.evidence_file,
        name="evidence-file",
    ),
    path("<uuid:assessment_id>/hands/", hands.hands_list, name="hands"),
    path("<uuid:assessment_id>/hands/<str:code>/", hands.hands_element, name="hands-element"),
    path("<uuid:assessment_id>/present/", present.present, name="present"),
    path("<uuid:assessment_id>/present/panel/", present.present_panel, name="present-panel"),
    path("<uuid:assessment_id>/present/state/", present.present_state, name="present-state"),
    path(
        "<uuid:assessment_id>/present/controls/",
        present.present_controls,
        name="present-controls",
    ),
    path("<uuid:assessment_id>/present/change/", present.present_change, name="present-change"),
    path("<uuid:assessment_id>/results/", facilitate.results_page, name="results"),
    path("<uuid:assessment_id>/paper/", facilitate.paper_entry, name="paper"),
    path("<uuid:assessment_id>/history/", facilitate.history, name="history"),
    path("<uuid:assessment_id>/expected/", turnout.expected, name="expected"),
    path("<uuid:assessment_id>/links/", turnout.links, name="links"),
    path("<uuid:assessment_id>/invite/", invitations.invite, name="invite"),
    path(
        "<uuid:assessment_id>/invite/calendar/",
        invitations.session_calendar,
        name="invite-calendar",
    ),
    path("<uuid:assessment_id>/responses/", turnout.response_list, name="responses"),
    path(
        "<uuid:assessment_id>/responses/<uuid:response_id>/discard/",
        turnout.discard,
        name="discard",
    ),
]
