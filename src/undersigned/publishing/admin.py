from functools import partial

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from undersigned.publishing import services
from undersigned.signatures.admin import SignatoryInline
from undersigned.statements.models import Statement, StatementTranslation
from undersigned.statements.slugs import statement_slug_suggest


class TranslationInline(admin.StackedInline):
    model = StatementTranslation
    extra = 0
    min_num = 1
    fields = [
        "language",
        "title",
        "summary",
        "body",
        "adoption_note",
        "letter_addressee",
        "letter_place",
    ]


class StatementAdminForm(forms.ModelForm):
    """The statement's own rules, said in words before the database would refuse them."""

    class Meta:
        model = Statement
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose what is shown)
        help_texts = {
            "slug": _("Its address. Left empty, it is made from the title, in Latin letters."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False  # made from the title when left empty

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and "slug" not in self.errors:
            cleaned["slug"] = statement_slug_suggest(
                title=self._title(), exclude_pk=self.instance.pk
            )
        status = cleaned.get("status")
        before = self.instance.status if self.instance.pk else Statement.Status.DRAFT
        if status and status != before:
            self._transition_check(cleaned)
        # Published, closed and withdrawn statements have a date: today's, unless one is given.
        if status in Statement.DATED_STATUSES and not cleaned.get("published_at"):
            cleaned["published_at"] = timezone.now()
        deadline = cleaned.get("signature_deadline")
        takes_signatures = status == Statement.Status.OPEN or cleaned.get("open_for_joining")
        if (
            deadline is not None
            and "signature_deadline" in self.changed_data
            and deadline <= timezone.now()
            and takes_signatures
        ):
            self.add_error(
                "signature_deadline",
                _(
                    "This deadline has passed: sign-on would close at once. Choose a later "
                    "date, or leave it empty and close the statement when signing ends."
                ),
            )
        return cleaned

    def _title(self) -> str:
        """Return the title in the original language from the translations' inline forms."""
        language = self.data.get("original_language", "")
        titles = {}
        for index in range(int(self.data.get("translations-TOTAL_FORMS") or 0)):
            prefix = f"translations-{index}-"
            if self.data.get(f"{prefix}DELETE"):
                continue
            title = self.data.get(f"{prefix}title", "").strip()
            if title:
                titles.setdefault(self.data.get(f"{prefix}language", ""), title)
        return titles.get(language) or next(iter(titles.values()), "")

    def _transition_check(self, cleaned) -> None:
        """Refuse a change of status its rule forbids, as the services would, in words."""
        status = cleaned["status"]
        if status == Statement.Status.WITHDRAWN:
            self.add_error(
                "status",
                _(
                    "Withdraw a statement from the coordinators' home, where its Withdraw form "
                    "asks for the reason."
                ),
            )
            return
        stored = Statement.objects.filter(pk=self.instance.pk).first() or Statement()
        refusal = services.statement_transition_refusal(
            statement=stored,
            to=status,
            at=cleaned.get("published_at"),
            deadline=cleaned.get("signature_deadline"),
        )
        if refusal is not None:
            self.add_error("status", refusal)


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    form = StatementAdminForm
    list_display = ["__str__", "status", "published_at", "open_for_joining", "signature_deadline"]
    list_filter = ["status", "categories", "open_for_joining"]
    search_fields = ["slug", "translations__title"]
    date_hierarchy = "published_at"
    filter_horizontal = ["categories"]
    autocomplete_fields = ["publishers"]
    inlines = [TranslationInline, SignatoryInline]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "status", "original_language", "publishers", "categories"]}),
        (
            _("Dates"),
            {"fields": ["published_at", "events_start", "events_end", "created_at", "updated_at"]},
        ),
        (
            _("Signatures"),
            {"fields": ["open_for_joining", "signature_deadline", "signatory_order"]},
        ),
    ]

    actions = [
        "review_selected",
        "open_selected",
        "publish_selected",
        "close_selected",
        "draft_selected",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def view_on_site(self, obj: Statement) -> str:
        """A draft is shown to coordinators as it will look; others on their public page."""
        if not obj.is_public:
            return reverse("statement_preview", kwargs={"slug": obj.slug})
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        """Leave the saving to save_related: the statement is saved with its inlines at once."""

    def save_related(self, request, form, formsets, change):
        # One service call saves the statement and its inlines, then records the version,
        # books the deadline and announces the publication, after the commit.
        services.statement_save(
            statement=form.instance,
            by=request.user,
            save_related=partial(super().save_related, request, form, formsets, change),
        )

    @admin.action(
        description=_("Submit the selected statements for review"), permissions=["change"]
    )
    def review_selected(self, request, queryset):
        count = self._act(request, queryset, services.statement_submit_for_review)
        message = ngettext(
            "%(count)d statement submitted for review.",
            "%(count)d statements submitted for review.",
            count,
        )
        self.message_user(request, message % {"count": count})

    @admin.action(
        description=_("Open the selected statements for signature (until their deadline)"),
        permissions=["change"],
    )
    def open_selected(self, request, queryset):
        count = self._act(request, queryset, services.statement_open)
        message = ngettext(
            "%(count)d statement opened for signature.",
            "%(count)d statements opened for signature.",
            count,
        )
        self.message_user(request, message % {"count": count})

    @admin.action(
        description=_("Take the selected statements back to draft"), permissions=["change"]
    )
    def draft_selected(self, request, queryset):
        count = self._act(request, queryset, services.statement_return_to_draft)
        message = ngettext(
            "%(count)d statement back to draft.", "%(count)d statements back to draft.", count
        )
        self.message_user(request, message % {"count": count})

    @admin.action(description=_("Publish the selected statements"), permissions=["change"])
    def publish_selected(self, request, queryset):
        count = self._act(request, queryset, services.statement_publish)
        message = ngettext(
            "%(count)d statement published.", "%(count)d statements published.", count
        )
        self.message_user(request, message % {"count": count})

    @admin.action(description=_("Close the selected statements"), permissions=["change"])
    def close_selected(self, request, queryset):
        count = self._act(request, queryset, services.statement_close)
        message = ngettext("%(count)d statement closed.", "%(count)d statements closed.", count)
        self.message_user(request, message % {"count": count})

    def _act(self, request, queryset, action) -> int:
        """Apply the action to each statement; say which ones it does not apply to."""
        count = 0
        for statement in queryset:
            try:
                action(statement=statement, by=request.user)
            except services.StatementActionRefused as refused:
                self.message_user(request, f"{statement}: {refused}", messages.WARNING)
            else:
                count += 1
        return count
