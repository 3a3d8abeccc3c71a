"""Wiring: every URL of the product. The pages of the mentoring core are in the namespace «mentoring»
(dotted names: mentoring:pair.detail), the accounts pages in «accounts»; each named URL has its row in the
permission grid (mentoring/tests/grid.py)."""

from django.contrib import admin
from django.urls import include, path

from accounts.views import health

from .views import (
    bases,
    consents,
    documents,
    home,
    imports,
    matching,
    orders,
    pairs,
    programmes,
    regulation,
    work,
)

admin.site.site_header = "Наставничество — администрирование"
admin.site.site_title = "Наставничество"

mentoring_patterns = [
    # Programmes and catalogues
    path("programmes/", programmes.programme_list, name="programme.list"),
    path("programmes/new/", programmes.programme_edit, name="programme.create"),
    path("programmes/<int:pk>/", programmes.programme_detail, name="programme.detail"),
    path("programmes/<int:pk>/edit/", programmes.programme_edit, name="programme.update"),
    path("programmes/<int:pk>/curators/add/", programmes.curator_add, name="programme.curator.add"),
    path(
        "programmes/<int:pk>/curators/<int:area_pk>/delete/",
        programmes.curator_delete,
        name="programme.curator.delete",
    ),
    path("catalogue/", programmes.catalogue, name="catalogue"),
    # The two bases
    path("bases/mentors/", bases.mentor_list, name="mentor_base.list"),
    path("bases/mentors/new/", bases.mentor_edit, name="mentor_base.create"),
    path("bases/mentors/<int:pk>/edit/", bases.mentor_edit, name="mentor_base.update"),
    path("bases/mentees/", bases.mentee_list, name="mentee_base.list"),
    path("bases/mentees/new/", bases.mentee_edit, name="mentee_base.create"),
    path("bases/mentees/<int:pk>/edit/", bases.mentee_edit, name="mentee_base.update"),
    path("bases/mentees/unpaired/", bases.unpaired_list, name="mentee_base.unpaired"),
    path("bases/<str:base>/view/", bases.base_view, name="base.view"),
    path("mentor-code/", bases.mentor_code, name="mentor_code"),
    # Pairs and groups
    path("pairs/", pairs.pair_list, name="pair.list"),
    path("pairs/new/", pairs.pair_create, name="pair.create"),
    path("pairs/<int:pk>/", pairs.pair_detail, name="pair.detail"),
    path("pairs/<int:pk>/mentees/add/", pairs.mentee_add, name="pair.mentee.add"),
    path("pairs/<int:pk>/mentees/<int:person_pk>/remove/", pairs.mentee_remove, name="pair.mentee.remove"),
    path("pairs/<int:pk>/agreement/", pairs.agreement, name="pair.agreement"),
    path("pairs/<int:pk>/activate/", pairs.activate, name="pair.activate"),
    path("pairs/<int:pk>/complete/", pairs.complete, name="pair.complete"),
    path("pairs/<int:pk>/terminate/", pairs.terminate, name="pair.terminate"),
    path("pairs/<int:pk>/resume/", pairs.resume, name="pair.resume"),
    path("pairs/<int:pk>/replace-mentor/", pairs.replace_mentor, name="pair.replace_mentor"),
    # Plans, meetings, reviews, safeguarding
    path("pairs/<int:pk>/plans/new/", work.plan_create, name="plan.create"),
    path("plans/", work.plan_list, name="plan.list"),
    path("plans/<int:pk>/", work.plan_detail, name="plan.detail"),
    path("plans/<int:pk>/propose/<int:item_pk>/", work.plan_item_propose, name="plan.item.propose"),
    path("plans/<int:pk>/edit/", work.plan_update, name="plan.update"),
    path("plans/<int:pk>/items/new/", work.plan_item_create, name="plan.item.create"),
    path("plans/<int:pk>/items/<int:item_pk>/", work.plan_item_update, name="plan.item.update"),
    path("plans/<int:pk>/items/<int:item_pk>/delete/", work.plan_item_delete, name="plan.item.delete"),
    path("plans/<int:pk>/submit/", work.plan_submit, name="plan.submit"),
    path("plans/<int:pk>/approve/", work.plan_approve, name="plan.approve"),
    path("plans/<int:pk>/mark/", work.plan_mark, name="plan.mark"),
    path("pairs/<int:pk>/meetings/new/", work.meeting_create, name="meeting.create"),
    path("pairs/<int:pk>/meetings/<int:meeting_pk>/comment/", work.meeting_comment, name="meeting.comment"),
    path("pairs/<int:pk>/reviews/<int:mentee_pk>/", work.review_edit, name="review.edit"),
    path("reviews/", work.review_list, name="review.list"),
    path("reviews/<int:pk>/acknowledge/", work.review_acknowledge, name="review.acknowledge"),
    path("pairs/<int:pk>/safeguarding/new/", work.safeguarding_create, name="safeguarding.create"),
    path("safeguarding/", work.safeguarding_list, name="safeguarding.list"),
    path("safeguarding/<int:pk>/", work.safeguarding_detail, name="safeguarding.detail"),
    # Orders
    path("orders/", orders.order_list, name="order.list"),
    path("orders/new/", orders.order_create, name="order.create"),
    path("orders/<int:pk>/", orders.order_detail, name="order.detail"),
    path("orders/<int:pk>/edit/", orders.order_update, name="order.update"),
    path("orders/<int:pk>/submit/", orders.order_submit, name="order.submit"),
    path("orders/<int:pk>/approve/", orders.order_approve, name="order.approve"),
    path("orders/<int:pk>/return/", orders.order_return, name="order.return"),
    path("orders/<int:pk>/acknowledge/", orders.order_acknowledge, name="order.acknowledge"),
    path("orders/<int:pk>/pdf/", orders.order_pdf, name="order.pdf"),
    # Consents
    path("consents/", consents.tracker, name="consent.tracker"),
    path("consents/request/", consents.request_all, name="consent.request_all"),
    path("consents/letters/", consents.letters, name="consent.letters"),
    path("consents/links/<int:pk>/remind/", consents.remind, name="consent.remind"),
    path("consents/mine/", consents.mine, name="consent.mine"),
    path("people/<int:pk>/consents/sign/", consents.sign_mine, name="consent.sign_mine"),
    path("consents/sign/<str:token>/", consents.sign, name="consent.sign"),
    path("people/<int:pk>/consents/paper/", consents.paper, name="consent.paper"),
    path("people/<int:pk>/consents/pdf/", consents.consent_pdf, name="consent.pdf"),
    path("people/<int:pk>/consents/withdraw/", consents.withdraw, name="consent.withdraw"),
    path("consents/<int:pk>/scan/", consents.consent_scan, name="consent.scan"),
    # Documents and packs
    path("plans/<int:pk>/pdf/", documents.plan_pdf, name="plan.pdf"),
    path("reviews/<int:pk>/pdf/", documents.review_pdf, name="review.pdf"),
    path("bases/mentors/pdf/", documents.mentor_base_pdf, name="mentor_base.pdf"),
    path("bases/mentees/pdf/", documents.mentee_base_pdf, name="mentee_base.pdf"),
    path("programmes/<int:pk>/packs/new/", documents.pack_create, name="pack.create"),
    path("packs/<int:pk>/", documents.pack_detail, name="pack.detail"),
    path("packs/<int:pk>/download/", documents.pack_download, name="pack.download"),
    # The organisation's Положение о наставничестве and the «Школа наставников» (appendices of orders)
    path("regulation/", regulation.regulation_detail, name="regulation.detail"),
    path("regulation/edit/", regulation.regulation_edit, name="regulation.edit"),
    path("programmes/<int:pk>/mentor-school/", regulation.mentor_school, name="mentor_school"),
    path(
        "programmes/<int:pk>/mentor-school/<int:session_pk>/edit/",
        regulation.mentor_school_session_edit,
        name="mentor_school.session.update",
    ),
    path(
        "programmes/<int:pk>/mentor-school/<int:session_pk>/delete/",
        regulation.mentor_school_session_remove,
        name="mentor_school.session.delete",
    ),
    path("orders/<int:pk>/pdf/status/", orders.order_pdf_status, name="order.pdf_status"),
    # Import of the school's lists and pair matching
    path("bases/import/", imports.import_start, name="import.start"),
    path("bases/import/template/<str:base>/", imports.import_template, name="import.template"),
    path("bases/import/<int:pk>/", imports.import_preview, name="import.preview"),
    path("bases/import/<int:pk>/commit/", imports.import_commit, name="import.commit"),
    path("matching/", matching.matching_start, name="matching.start"),
    path("programmes/<int:pk>/matching/", matching.matching, name="matching"),
    path("programmes/<int:pk>/matching/accept/", matching.matching_accept, name="matching.accept"),
    path("pairs/mentee-search/", matching.mentee_search, name="pair.mentee_search"),
    # A pack whose build failed or stalled is built again
    path("packs/<int:pk>/retry/", documents.pack_retry_view, name="pack.retry"),
]


urlpatterns = [
    path("", home.home, name="home"),
    # Probes of the load balancer: the process answers; it can serve (database, cache, storage, broker)
    path("health/", health.live, name="health.live"),
    path("health/ready/", health.ready, name="health.ready"),
    path("accounts/", include("accounts.urls")),
    path("m/", include((mentoring_patterns, "mentoring"))),
    path("roadmap/", include("roadmap.urls")),  # the roadmap app (namespace «roadmap»)
    # Questionnaires, campaigns and answers: the monitoring app's own URL conf
    path("surveys/", include("monitoring.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "mentoring.views.errors.error_400"
handler403 = "mentoring.views.errors.error_403"
handler404 = "mentoring.views.errors.error_404"
handler500 = "mentoring.views.errors.error_500"
