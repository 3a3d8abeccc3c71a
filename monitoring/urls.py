"""The monitoring's pages, in the namespace «monitoring» (mounted at /surveys/ by mentoring.urls)."""

from django.urls import path

from .views import answer, campaigns, dashboard, intake, questionnaires, rollup

app_name = "monitoring"

urlpatterns = [
    # The questionnaire builder
    path("questionnaires/", questionnaires.questionnaire_list, name="questionnaire.list"),
    path("questionnaires/new/", questionnaires.questionnaire_create, name="questionnaire.create"),
    path("questionnaires/standard/", questionnaires.standard_set, name="questionnaire.standard"),
    path("questionnaires/<int:pk>/", questionnaires.questionnaire_detail, name="questionnaire.detail"),
    path("questionnaires/<int:pk>/edit/", questionnaires.questionnaire_update, name="questionnaire.update"),
    path(
        "questionnaires/<int:pk>/preview/", questionnaires.questionnaire_preview, name="questionnaire.preview"
    ),
    path("questionnaires/<int:pk>/copy/", questionnaires.questionnaire_copy, name="questionnaire.copy"),
    path("questionnaires/<int:pk>/delete/", questionnaires.questionnaire_delete, name="questionnaire.delete"),
    path("questionnaires/<int:pk>/sections/new/", questionnaires.section_create, name="section.create"),
    path(
        "questionnaires/<int:pk>/sections/<int:section_pk>/",
        questionnaires.section_update,
        name="section.update",
    ),
    path(
        "questionnaires/<int:pk>/sections/<int:section_pk>/delete/",
        questionnaires.section_delete,
        name="section.delete",
    ),
    path("questionnaires/<int:pk>/questions/new/", questionnaires.question_create, name="question.create"),
    path(
        "questionnaires/<int:pk>/questions/<int:question_pk>/",
        questionnaires.question_update,
        name="question.update",
    ),
    path(
        "questionnaires/<int:pk>/questions/<int:question_pk>/delete/",
        questionnaires.question_delete,
        name="question.delete",
    ),
    path(
        "questionnaires/<int:pk>/questions/<int:question_pk>/move/",
        questionnaires.question_move,
        name="question.move",
    ),
    # Campaigns
    path("campaigns/", campaigns.campaign_list, name="campaign.list"),
    path("campaigns/new/", campaigns.campaign_create, name="campaign.create"),
    path("campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign.detail"),
    path("campaigns/<int:pk>/edit/", campaigns.campaign_update, name="campaign.update"),
    path("campaigns/<int:pk>/launch/", campaigns.campaign_launch, name="campaign.launch"),
    path("campaigns/<int:pk>/remind/", campaigns.campaign_remind, name="campaign.remind"),
    path("campaigns/<int:pk>/letters/", campaigns.campaign_letters, name="campaign.letters"),
    path("campaigns/<int:pk>/close/", campaigns.campaign_close, name="campaign.close"),
    path("campaigns/<int:pk>/delete/", campaigns.campaign_delete, name="campaign.delete"),
    path("campaigns/<int:pk>/results/", campaigns.campaign_results, name="campaign.results"),
    path("campaigns/<int:pk>/results.xlsx", campaigns.campaign_export, name="campaign.export"),
    # Answering: the public link, and the signed-in person's questionnaires
    path("a/<str:token>/", answer.answer, name="answer"),
    path("mine/", answer.mine, name="mine"),
    path("mine/<int:pk>/", answer.answer_mine, name="answer.mine"),
    # Monitoring: the dashboard, the year's SWOT and conclusions, the analytical report
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("programmes/<int:pk>/swot/", dashboard.swot_edit, name="swot.edit"),
    path("programmes/<int:pk>/swot/prefill/", dashboard.swot_prefill_view, name="swot.prefill"),
    path("programmes/<int:pk>/report.pdf", dashboard.report_pdf, name="report.pdf"),
    path("programmes/<int:pk>/report.xlsx", dashboard.report_export, name="report.xlsx"),
    # Intake into the bases
    path("intake/", intake.intake_list, name="intake.list"),
    path("intake/<int:pk>/edit/", intake.intake_edit, name="intake.edit"),
    path("intake/<int:pk>/accept/", intake.intake_accept, name="intake.accept"),
    path("intake/<int:pk>/reject/", intake.intake_reject, name="intake.reject"),
    # The municipality's (region's) roll-up of its schools
    path("rollup/", rollup.rollup, name="rollup"),
    path("rollup/schools/<int:pk>/", rollup.rollup_school, name="rollup.school"),
    path("rollup/rollup.xlsx", rollup.rollup_export, name="rollup.export"),
]
