from django.urls import path

from mobilise.reports import views

app_name = "reports"

urlpatterns = [
    path("assessments/import/", views.import_page, name="import"),
    path("assessments/<uuid:assessment_id>/export/<str:fmt>/", views.export, name="export"),
    path(
        "assessments/<uuid:assessment_id>/plan/agreed/<int:version>.csv",
        views.agreed_plan,
        name="agreed-plan",
    ),
    path(
        "assessments/<uuid:assessment_id>/case-studies/<uuid:case_id>.docx",
        views.case_study,
        name="case-study-docx",
    ),
    path(
        "assessments/<uuid:assessment_id>/board-paper/",
        views.board_paper_page,
        name="board-paper",
    ),
    path(
        "assessments/<uuid:assessment_id>/paper-form.<str:fmt>",
        views.blank_form,
        name="assessment-blank-form",
    ),
    path("paper-form.<str:fmt>", views.blank_form, name="blank-form"),
    path(
        "assessments/<uuid:assessment_id>/pre-read.pdf",
        views.assessment_pre_read,
        name="assessment-pre-read",
    ),
    path("take/<str:token>/pre-read.pdf", views.pre_read, name="pre-read"),
]
