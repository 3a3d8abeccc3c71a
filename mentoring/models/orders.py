"""The director's orders («приказы»): numbered per organisation and calendar year on approval,
and never changed afterwards — a correction is a new order that amends or cancels the old one."""

from django.conf import settings
from django.db import models
from django.db.models import CASCADE, ProtectedError, Q
from django.urls import reverse

from accounts.models import Organization, Person

from .pairs import Pair, ReplacementGround
from .programme import Programme


class ApprovedOrderError(Exception):
    """Raised on any attempt to change an approved order (its row, its pairs, its list of acknowledgement)."""


SIGNED = "Подписанный приказ не изменяется: издайте новый приказ о внесении изменений."


RENDERING_FIELDS = frozenset({"pdf_file", "pdf_sha256", "pdf_attempts", "pdf_error"})


class OrderQuerySet(models.QuerySet):
    """Bulk paths refuse signed orders as Order.save() and Order.delete() do (also as the base manager)."""

    def update(self, **kwargs):
        if self.filter(status=Order.Status.APPROVED).exists():
            raise ApprovedOrderError(SIGNED)
        return super().update(**kwargs)

    def update_rendering(self, **fields) -> int:
        """The one write to a signed order after its signature: the PDF rendered from its frozen data (or a
        failed attempt). Only the rendering columns; the caller filters on pdf_sha256="" so a stored PDF is
        never replaced."""
        if set(fields) - RENDERING_FIELDS:
            raise ApprovedOrderError("Подписанный приказ не изменяется.")
        return super().update(**fields)

    def delete(self):
        if self.filter(status=Order.Status.APPROVED).exists():
            raise ApprovedOrderError("Подписанный приказ не удаляется.")
        return super().delete()


def _signed_order_ids(order_ids) -> set[int]:
    return set(
        Order.objects.filter(pk__in=set(order_ids), status=Order.Status.APPROVED).values_list("pk", flat=True)
    )


class OrderRowQuerySet(models.QuerySet):
    """The rows of an order (its pairs, its acknowledgements): none is added to, changed in or removed from a
    signed order by a bulk path either (Order.pairs.clear()/remove()/add() go through here)."""

    changeable_fields: frozenset = frozenset()

    def _refuse_if_signed(self):
        if _signed_order_ids(self.values_list("order_id", flat=True)):
            raise ApprovedOrderError(SIGNED)

    def delete(self):
        self._refuse_if_signed()
        return super().delete()

    def update(self, **kwargs):
        if set(kwargs) - self.changeable_fields:
            self._refuse_if_signed()
        return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if _signed_order_ids(obj.order_id for obj in objs):
            raise ApprovedOrderError(SIGNED)
        return super().bulk_create(objs, *args, **kwargs)


class AcknowledgementQuerySet(OrderRowQuerySet):
    changeable_fields = frozenset({"acknowledged_on"})  # «ознакомлен(а)» is dated after the signature


def protect_signed_orders(collector, field, sub_objs, using):
    """on_delete of a pair's link to an order: deleting a pair of a signed order is refused (the admin shows it
    as a protected object); links to drafts go with the pair."""
    signed = _signed_order_ids(row.order_id for row in sub_objs)
    if signed:
        rows = [row for row in sub_objs if row.order_id in signed]
        raise ProtectedError("Пара утверждена подписанным приказом и не удаляется.", rows)
    CASCADE(collector, field, sub_objs, using)


class Order(models.Model):
    class Kind(models.TextChoices):
        TARGET_MODEL = "target_model", "О внедрении целевой модели наставничества"
        CURATORS = "curators", "О назначении кураторов"
        MENTOR_SCHOOL = "mentor_school", "Об организации «Школы наставников»"
        PAIRS = "pairs", "Об утверждении наставнических пар (групп)"
        REPLACEMENT = "replacement", "О замене наставника"
        REWARD = "reward", "О поощрении участников наставнической деятельности"
        FINAL_EVENT = "final_event", "О проведении итогового мероприятия"
        FREE = "free", "Иной приказ"

    class Status(models.TextChoices):
        DRAFT = "draft", "Проект"
        SUBMITTED = "submitted", "На подписи у директора"
        APPROVED = "approved", "Подписан"
        RETURNED = "returned", "Возвращён на доработку"

    class Amendment(models.TextChoices):
        AMENDS = "amends", "вносит изменения в приказ"
        CANCELS = "cancels", "отменяет приказ"

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="orders")
    programme = models.ForeignKey(
        Programme,
        verbose_name="программа",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="orders",
    )
    kind = models.CharField("вид приказа", max_length=20, choices=Kind.choices)
    title = models.CharField("заголовок", max_length=500)
    preamble = models.TextField("преамбула", blank=True)
    items = models.JSONField("пункты", default=list, help_text="Пункты после «ПРИКАЗЫВАЮ:», по порядку")
    appendices = models.JSONField("приложения", default=list, blank=True)
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.DRAFT)
    director_comment = models.TextField("замечания директора", blank=True)
    amends = models.ForeignKey(
        "self",
        verbose_name="изменяемый приказ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
    )
    amendment = models.CharField("что делает с ним", max_length=10, choices=Amendment.choices, blank=True)
    pairs = models.ManyToManyField(
        Pair, verbose_name="пары", blank=True, related_name="orders", through="OrderPair"
    )
    replacement_pair = models.ForeignKey(
        Pair, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    replacement_mentor = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    replacement_ground = models.CharField(max_length=20, choices=ReplacementGround.choices, blank=True)
    named = models.ManyToManyField(
        Person, through="OrderAcknowledgement", related_name="named_in_orders", blank=True
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    seq = models.PositiveIntegerField(null=True, blank=True)
    number = models.CharField("номер", max_length=40, blank=True)
    approved_on = models.DateField("дата приказа", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    frozen = models.JSONField("данные подписанного приказа", null=True, blank=True, editable=False)
    # The PDF of a signed order is rendered from `frozen` after the signature commits (a 200-pair order takes
    # seconds): until then pdf_sha256 is empty; a failed attempt is counted and retried. The file lives in the
    # default storage (MEDIA_ROOT, or the S3 bucket every server shares) and is served only through order.pdf.
    pdf_file = models.FileField(upload_to="orders/%Y/", blank=True, editable=False)
    pdf_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    pdf_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    pdf_error = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        verbose_name = "приказ"
        verbose_name_plural = "приказы"
        base_manager_name = "objects"  # Order._base_manager refuses signed orders too
        ordering = ["-approved_on", "-seq", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year", "seq"], name="order_seq_unique_per_year"),
            models.UniqueConstraint(
                fields=["organization", "year", "number"], name="order_number_unique_per_year"
            ),
            models.CheckConstraint(
                condition=~Q(status="approved")
                | (Q(seq__isnull=False) & Q(approved_on__isnull=False) & Q(frozen__isnull=False)),
                name="approved_order_is_numbered_and_frozen",
            ),
        ]

    def __str__(self):
        if self.number:
            return f"Приказ от {self.approved_on:%d.%m.%Y} № {self.number} «{self.title}»"
        return f"Проект приказа «{self.title}»"

    def save(self, *args, **kwargs):
        """The single approval save goes through; any save of an order already approved in the database raises."""
        if self.pk and Order.objects.filter(pk=self.pk, status=self.Status.APPROVED).exists():
            raise ApprovedOrderError(SIGNED)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("mentoring:order.detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        if self.status == self.Status.APPROVED or _signed_order_ids([self.pk]):
            raise ApprovedOrderError("Подписанный приказ не удаляется.")
        return super().delete(*args, **kwargs)

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def pdf_ready(self) -> bool:
        return bool(self.pdf_sha256)

    def stored_pdf(self) -> bytes:
        """The stored PDF of a signed order (check pdf_ready first)."""
        with self.pdf_file.open("rb") as file:
            return file.read()

    @property
    def pdf_stalled(self) -> bool:
        """No PDF two minutes after the signature (the background job was lost with its process, or failed):
        the page stops waiting; the download renders it from the frozen data."""
        from datetime import timedelta

        from django.utils import timezone

        if self.pdf_sha256 or self.approved_at is None:
            return False
        return self.pdf_attempts >= 3 or self.approved_at < timezone.now() - timedelta(minutes=2)


class OrderPair(models.Model):
    """A pair an order decides about (the pairs order's appendix, the replacement's pair)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE)
    pair = models.ForeignKey(Pair, on_delete=protect_signed_orders)

    objects = OrderRowQuerySet.as_manager()

    class Meta:
        db_table = "mentoring_order_pairs"  # the table Django made for the plain many-to-many field
        unique_together = [("order", "pair")]
        base_manager_name = "objects"
        verbose_name = "пара в приказе"
        verbose_name_plural = "пары в приказах"

    def __str__(self):
        return f"{self.pair} — {self.order}"

    def save(self, *args, **kwargs):
        if _signed_order_ids([self.order_id]):
            raise ApprovedOrderError(SIGNED)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if _signed_order_ids([self.order_id]):
            raise ApprovedOrderError(SIGNED)
        return super().delete(*args, **kwargs)


class OrderAcknowledgement(models.Model):
    """«С приказом ознакомлены»: the people named in the order confirm they have read it. Once the order is
    signed the list is fixed; only the date of acknowledgement is filled in, once."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="acknowledgements")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="order_acknowledgements")
    acknowledged_on = models.DateField("ознакомлен(а)", null=True, blank=True)

    objects = AcknowledgementQuerySet.as_manager()

    class Meta:
        verbose_name = "ознакомление с приказом"
        verbose_name_plural = "ознакомление с приказами"
        base_manager_name = "objects"
        constraints = [models.UniqueConstraint(fields=["order", "person"], name="acknowledgement_unique")]

    def __str__(self):
        return f"{self.person} — {self.order}"

    def save(self, *args, **kwargs):
        if _signed_order_ids([self.order_id]):
            stored = (
                OrderAcknowledgement.objects.filter(pk=self.pk)
                .values("order_id", "person_id", "acknowledged_on")
                .first()
            )
            dating_only = stored == {
                "order_id": self.order_id,
                "person_id": self.person_id,
                "acknowledged_on": None,
            } and set(kwargs.get("update_fields") or ()) == {"acknowledged_on"}
            if not dating_only:
                raise ApprovedOrderError(SIGNED)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if _signed_order_ids([self.order_id]):
            raise ApprovedOrderError(SIGNED)
        return super().delete(*args, **kwargs)


class OrderCounter(models.Model):
    """The last number given per organisation and year; its row is locked while an order is numbered."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="order_counter_unique")]

    def __str__(self):
        return f"{self.organization}: {self.year} — {self.last}"


class DocumentPack(models.Model):
    """All plans (or all documents) of a programme as one PDF or a zip, built in the background."""

    class Kind(models.TextChoices):
        PLANS = "plans", "Индивидуальные планы"
        ALL = "all", "Все документы программы (приказы, планы, отзывы, базы)"

    class Format(models.TextChoices):
        PDF = "pdf", "Один PDF"
        ZIP = "zip", "ZIP-архив отдельных PDF"

    class Status(models.TextChoices):
        QUEUED = "queued", "В очереди"
        RUNNING = "running", "Собирается"
        DONE = "done", "Готов"
        FAILED = "failed", "Ошибка"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="document_packs")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="document_packs")
    kind = models.CharField("состав", max_length=10, choices=Kind.choices)
    format = models.CharField("формат", max_length=10, choices=Format.choices)
    include_drafts = models.BooleanField(
        "с проектами",
        default=False,
        help_text="Неутверждённые планы и непринятые отзывы — после утверждённых",
    )
    status = models.CharField("статус", max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="packs/%Y/%m/", blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "пакет документов"
        verbose_name_plural = "пакеты документов"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.programme})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0
