"""Campaigns: prepare, launch (an invitation per respondent, e-mailed through the outbox), remind those who
have not answered, close (the results are frozen), and the daily closing of campaigns whose date has passed."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.infra.mail import queue_mail
from accounts.infra.tokens import absolute_url
from accounts.services import audit
from monitoring.models import Campaign, Kind, SurveyInvitation
from monitoring.models.questionnaires import NAMED_KINDS
from monitoring.selectors.audience import addresses, audience
from monitoring.selectors.results import compute_results

REMIND_AFTER = timedelta(hours=20)  # one reminder a day at most, whoever presses the button
# What may still change once the campaign has started: the name and the closing day.
OPEN_FIELDS = ("title", "closes_on")


def answer_url(invitation: SurveyInvitation) -> str:
    return absolute_url("monitoring:answer", invitation.link_token())


@transaction.atomic
def campaign_save(*, campaign: Campaign, by, pairs=None, people=None) -> Campaign:
    """Create or edit a campaign. Before the launch everything may change; once it runs only its name and its
    closing day (the links follow the new day); a closed campaign does not change."""
    organization = campaign.organization
    today = timezone.localdate()
    if campaign.pk:
        stored = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if stored.status == Campaign.Status.CLOSED:
            raise ValidationError("Опрос завершён: его нельзя изменить.")
        if stored.status == Campaign.Status.OPEN:
            for field in Campaign._meta.concrete_fields:
                if field.attname not in OPEN_FIELDS and field.attname != "id":
                    setattr(campaign, field.attname, getattr(stored, field.attname))
            pairs = people = None
    errors = {}
    questionnaire, programme = campaign.questionnaire, campaign.programme
    if programme.organization_id != organization.pk or questionnaire.organization_id != organization.pk:
        raise ValidationError("Программа и анкета должны быть вашей организации.")
    if campaign.status == Campaign.Status.DRAFT and not questionnaire.is_current:
        errors["questionnaire"] = "Это старая версия анкеты: выберите актуальную."
    if not campaign.title.strip():
        errors["title"] = "Назовите опрос."
    if campaign.closes_on < campaign.opens_on:
        errors["closes_on"] = "Опрос не может закончиться раньше, чем начнётся."
    elif campaign.closes_on < today:
        errors["closes_on"] = "Дата окончания уже прошла."
    if campaign.anonymous and questionnaire.kind in NAMED_KINDS:
        errors["anonymous"] = (
            "Анкеты для баз и выбор после групповой встречи не бывают анонимными: "
            "ответ нужен в карточке участника и при составлении пар."
        )
    Audience = Campaign.Audience
    if campaign.audience == Audience.FORM:
        if campaign.form is None:
            errors["form"] = "Выберите форму наставничества."
        elif not programme.forms.filter(pk=campaign.form_id).exists():
            errors["form"] = "В этой программе нет такой формы наставничества."
    if campaign.audience == Audience.GROUP and not campaign.group.strip():
        errors["group"] = "Укажите класс, например «7Б»."
    if campaign.audience == Audience.PAIRS and pairs is not None:
        if not pairs:
            errors["pairs"] = "Выберите хотя бы одну пару или группу."
        elif any(pair.programme_id != programme.pk for pair in pairs):
            errors["pairs"] = "Выбранные пары должны быть из этой программы."
    if campaign.audience == Audience.PEOPLE and people is not None:
        if not people:
            errors["people"] = "Выберите хотя бы одного участника."
        elif any(person.organization_id != organization.pk for person in people):
            errors["people"] = "Участники должны быть вашей организации."
    if campaign.baseline_id:
        baseline = campaign.baseline
        if questionnaire.kind != Kind.EXIT:
            errors["baseline"] = "Со входным опросом сравнивают только итоговую самооценку."
        elif baseline.organization_id != organization.pk or baseline.questionnaire.kind != Kind.ENTRY:
            errors["baseline"] = "Для сравнения выберите опрос со входной самооценкой."
    if errors:
        raise ValidationError(errors)
    created = campaign.pk is None
    if created:
        campaign.created_by = by
    campaign.save()
    if pairs is not None:
        campaign.pairs.set(pairs)
    if people is not None:
        campaign.people.set(people)
    if campaign.status == Campaign.Status.OPEN:
        campaign.invitations.update(expires_at=campaign.links_expire_at)
    audit(
        organization=organization,
        actor=by,
        action="campaign.create" if created else "campaign.update",
        obj=campaign,
    )
    return campaign


@dataclass
class LaunchReport:
    invited: int
    emailed: int
    without_address: int


@transaction.atomic
def campaign_delete(*, campaign: Campaign, by) -> None:
    """A campaign still being prepared may go; a launched one has sent its links and may only be closed."""
    stored = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if stored.status != Campaign.Status.DRAFT:
        raise ValidationError(
            "Опрос уже запущен: участники получили ссылки. Его можно завершить, но не удалить."
        )
    audit(
        organization=campaign.organization,
        actor=by,
        action="campaign.delete",
        obj=campaign,
        title=campaign.title,
    )
    stored.delete()


def _send(invitation: SurveyInvitation, template: str) -> bool:
    recipients = addresses(invitation.person)
    context = {
        "campaign": invitation.campaign,
        "organization": invitation.campaign.organization,
        "person": invitation.person,
        "for_child": not invitation.person.email and bool(recipients),
        "url": answer_url(invitation),
    }
    return queue_mail(template, recipients, context) is not None


@transaction.atomic
def campaign_launch(*, campaign: Campaign, by) -> LaunchReport:
    """Invite everyone of the audience: a link each, e-mailed to those with an address (a minor's goes to the
    legal representatives); the others get a printed letter (monitoring.documents.letters)."""
    campaign = (
        Campaign.objects.select_for_update()
        .select_related("organization", "questionnaire")
        .get(pk=campaign.pk)
    )
    if campaign.status != Campaign.Status.DRAFT:
        raise ValidationError("Опрос уже запущен.")
    if campaign.closes_on < timezone.localdate():
        raise ValidationError("Дата окончания опроса уже прошла: измените её перед запуском.")
    if not campaign.questionnaire.questions.exists():
        raise ValidationError("В анкете нет ни одного вопроса.")
    invitees = audience(campaign)
    if not invitees:
        raise ValidationError("В выбранной аудитории нет ни одного участника.")
    invitations = []
    for invitee in invitees:
        invitation = SurveyInvitation(
            campaign=campaign, person=invitee.person, role=invitee.role, form=invitee.form, pair=invitee.pair
        )
        invitation.issue(campaign.links_expire_at - timezone.now())
        invitation.expires_at = campaign.links_expire_at  # to the end of the closing day exactly
        invitations.append(invitation)
    SurveyInvitation.objects.bulk_create(invitations)
    now = timezone.now()
    emailed = [invitation for invitation in invitations if _send(invitation, "survey_invitation")]
    SurveyInvitation.objects.filter(pk__in=[i.pk for i in emailed]).update(emailed_at=now)
    campaign.status, campaign.launched_at = Campaign.Status.OPEN, now
    campaign.save(update_fields=["status", "launched_at"])
    report = LaunchReport(len(invitations), len(emailed), len(invitations) - len(emailed))
    audit(
        organization=campaign.organization,
        actor=by,
        action="campaign.launch",
        obj=campaign,
        **report.__dict__,
    )
    return report


@transaction.atomic
def campaign_remind(*, campaign: Campaign, by) -> int:
    """E-mail the same link again to everyone who has not answered yet (and was not reminded today)."""
    if campaign.status != Campaign.Status.OPEN or campaign.closes_on < timezone.localdate():
        raise ValidationError("Напоминать можно только об идущем опросе.")
    now = timezone.now()
    waiting = (
        campaign.invitations.select_for_update()
        .filter(used_at__isnull=True, revoked_at__isnull=True)
        .select_related("person", "campaign__organization")
    )
    reminded = []
    for invitation in waiting:
        if invitation.last_reminded_at and now - invitation.last_reminded_at < REMIND_AFTER:
            continue
        if _send(invitation, "survey_reminder"):
            invitation.reminders_sent += 1
            invitation.last_reminded_at = now
            reminded.append(invitation)
    SurveyInvitation.objects.bulk_update(reminded, ["reminders_sent", "last_reminded_at"])
    audit(
        organization=campaign.organization,
        actor=by,
        action="campaign.remind",
        obj=campaign,
        count=len(reminded),
    )
    return len(reminded)


@transaction.atomic
def campaign_close(*, campaign: Campaign, by) -> Campaign:
    """End the campaign: no more answers, and its results are frozen as they are now."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.OPEN:
        raise ValidationError("Завершить можно только идущий опрос.")
    campaign.status, campaign.closed_at = Campaign.Status.CLOSED, timezone.now()
    campaign.results = compute_results(campaign)
    campaign.save(update_fields=["status", "closed_at", "results"])
    audit(
        organization=campaign.organization,
        actor=by,
        action="campaign.close",
        obj=campaign,
        respondents=campaign.results["respondents"],
    )
    return campaign


def campaigns_close_due(*, today: date | None = None) -> int:
    """The daily job: close the campaigns whose last day has passed (each in its own transaction)."""
    today = today or timezone.localdate()
    due = Campaign.objects.filter(status=Campaign.Status.OPEN, closes_on__lt=today)
    closed = 0
    for campaign in due:
        campaign_close(campaign=campaign, by=None)
        closed += 1
    return closed
