"""The mentor's review as a PDF: «ОТЗЫВ о результатах наставничества» (seed 001, form D4)."""

from mentoring.documents.plan import local_day, period, signer_name
from mentoring.documents.render import render_pdf
from mentoring.documents.russian import initials_surname
from mentoring.models import Review
from mentoring.models.catalogue_data import REVIEW_FORM, REVIEW_FORM_META

TEMPLATE = "documents/review.html"
LETTERS = {"4а": "а", "4б": "б", "4в": "в", "4г": "г", "4д": "д"}


def reviews_for_documents(reviews=None):
    """Everything review_context reads; the plans give the period (the form's hint: «по индивидуальному плану»)."""
    reviews = Review.objects.all() if reviews is None else reviews
    return reviews.select_related(
        "pair__mentor", "pair__organization", "mentee", "acknowledged_by"
    ).prefetch_related("pair__plans", "acknowledged_by__persons")


def _with_position(person) -> str:
    return ", ".join(part for part in (person.full_name, person.description) if part)


def review_context(review: Review) -> dict:
    pair, mentee = review.pair, review.mentee
    plan = next((p for p in pair.plans.all() if p.mentee_id == mentee.pk), None)
    start, end = (plan.start_date, plan.end_date) if plan else (pair.start_date, pair.end_date)
    facts = {
        "mentor": _with_position(pair.mentor),
        "mentee": _with_position(mentee),
        "period": period(start, end),
    }
    rows = []
    for row in REVIEW_FORM:
        letter = LETTERS.get(row["number"])
        value = facts.get(row["code"], review.answers.get(row["code"], ""))
        rows.append(
            {
                "number": row["number"],
                "letter": letter,
                "title": row["title_ru"],
                "kind": row["kind"],
                "value": value,
            }
        )
    mentor = pair.mentor
    return {
        "meta": REVIEW_FORM_META,
        "organization": pair.organization,
        "review": review,
        "rows": rows,
        "signatures": [
            {
                "label": REVIEW_FORM_META["signatures"][0]["label"],
                "day": local_day(review.acknowledged_at),
                "name": signer_name(review.acknowledged_by, pair.organization),
            },
            {
                "label": REVIEW_FORM_META["signatures"][1]["label"],
                "day": local_day(review.submitted_at),
                "name": initials_surname(mentor.last_name, mentor.first_name, mentor.middle_name),
            },
        ],
        "draft": review.status == Review.Status.DRAFT,
    }


def render_review(review: Review) -> bytes:
    return render_pdf(TEMPLATE, review_context(review))
