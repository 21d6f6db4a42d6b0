from django.contrib import admin, messages
from django.db.models import Count
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from undersigned.engagement import selectors, services
from undersigned.engagement.models import (
    Comment,
    Commenter,
    FriendMessage,
    NewsletterIssue,
    StatementEngagement,
    Subscriber,
)
from undersigned.engagement.views import subscribers_csv


class CommentStatusFilter(admin.SimpleListFilter):
    """The moderation queue's tabs, each with how many comments it holds."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = selectors.moderation_counts()
        return [(value, f"{label} ({counts[value]})") for value, label in Comment.Status.choices]

    def queryset(self, request, queryset):
        if self.value() in Comment.Status.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "excerpt", "statement", "status", "created_at", "author_email", "reply"]
    list_filter = [CommentStatusFilter, "language"]
    list_select_related = ["statement", "commenter"]
    search_fields = ["name", "body", "commenter__email", "statement__slug"]
    date_hierarchy = "created_at"
    actions = ["approve", "mark_spam", "delete_comments", "ban_authors"]
    fields = [
        "statement",
        "parent",
        "name",
        "author_email",
        "body",
        "language",
        "status",
        "created_at",
        "published_at",
        "moderated_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting goes through the action below, which logs it and refreshes the page.
        return False

    @admin.display(description=_("comment"))
    def excerpt(self, obj: Comment) -> str:
        return Truncator(obj.body).chars(90)

    @admin.display(description=_("email (never shown)"), ordering="commenter__email")
    def author_email(self, obj: Comment) -> str:
        flags = []
        if obj.commenter.confirmed_at:
            flags.append(str(_("confirmed")))
        if obj.commenter.banned_at:
            flags.append(str(_("banned")))
        return f"{obj.commenter.email} ({', '.join(flags)})" if flags else obj.commenter.email

    @admin.display(description=_("reply"), boolean=True)
    def reply(self, obj: Comment) -> bool:
        return obj.parent_id is not None

    def _report(self, request, text: str) -> None:
        self.message_user(request, text, messages.SUCCESS)

    @admin.action(description=_("Publish the selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        count = 0
        for comment in list(queryset):
            services.comment_approve(comment=comment, by=request.user)
            count += 1
        self._report(
            request,
            ngettext("Published %(count)d comment.", "Published %(count)d comments.", count)
            % {"count": count},
        )

    @admin.action(description=_("Mark the selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        count = 0
        for comment in list(queryset):
            services.comment_mark_spam(comment=comment, by=request.user)
            count += 1
        self._report(
            request,
            ngettext(
                "Marked %(count)d comment as spam.", "Marked %(count)d comments as spam.", count
            )
            % {"count": count},
        )

    @admin.action(
        description=_("Delete the selected comments (and their replies)"), permissions=["change"]
    )
    def delete_comments(self, request, queryset):
        count = 0
        for comment in list(queryset):
            if Comment.objects.filter(pk=comment.pk).exists():  # a reply may go with its parent
                services.comment_delete(comment=comment, by=request.user)
                count += 1
        self._report(
            request,
            ngettext("Deleted %(count)d comment.", "Deleted %(count)d comments.", count)
            % {"count": count},
        )

    @admin.action(description=_("Ban the authors' email addresses"), permissions=["change"])
    def ban_authors(self, request, queryset):
        commenters = list(Commenter.objects.filter(pk__in=queryset.values("commenter_id")))
        for commenter in commenters:
            services.commenter_ban(commenter=commenter, by=request.user)
        self._report(
            request,
            ngettext("Banned %(count)d address.", "Banned %(count)d addresses.", len(commenters))
            % {"count": len(commenters)},
        )


@admin.register(Commenter)
class CommenterAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "confirmed_at", "banned_at", "comment_count"]
    list_filter = [("banned_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    readonly_fields = ["email", "created_at", "confirmed_at", "banned_at"]
    actions = ["ban"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(comment_total=Count("comments"))

    @admin.display(description=_("comments"), ordering="comment_total")
    def comment_count(self, obj) -> int:
        return obj.comment_total

    @admin.action(description=_("Ban the selected addresses"), permissions=["change"])
    def ban(self, request, queryset):
        for commenter in queryset:
            services.commenter_ban(commenter=commenter, by=request.user)


@admin.register(StatementEngagement)
class StatementEngagementAdmin(admin.ModelAdmin):
    list_display = ["statement", "view_count", "views_updated_at", "comments_closed"]
    list_editable = ["comments_closed"]
    list_select_related = ["statement"]
    list_filter = ["comments_closed"]
    search_fields = ["statement__slug", "statement__translations__title"]
    raw_id_fields = ["statement"]
    readonly_fields = ["view_count", "views_updated_at"]
    ordering = ["-view_count"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "statement"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        services.comments_close(
            statement=obj.statement, closed=obj.comments_closed, by=request.user
        )


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "status", "category_list", "created_at", "confirmed_at"]
    list_filter = ["status", "language", "categories"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    readonly_fields = ["email", "status", "created_at", "confirmed_at"]
    fields = ["email", "language", "categories", "status", "created_at", "confirmed_at"]
    actions = ["export_csv"]
    change_list_template = "admin/engagement/subscriber/change_list.html"

    def has_add_permission(self, request):
        return False  # only the reader may subscribe, through the double opt-in

    def has_export_subscribers_permission(self, request) -> bool:
        return request.user.has_perm("engagement.export_subscribers")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    @admin.display(description=_("categories"))
    def category_list(self, obj: Subscriber) -> str:
        return ", ".join(category.name for category in obj.categories.all()) or "—"

    @admin.action(
        description=_("Export the selected subscribers (CSV)"), permissions=["export_subscribers"]
    )
    def export_csv(self, request, queryset):
        return subscribers_csv(queryset.prefetch_related("categories").order_by("created_at"))


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(admin.ModelAdmin):
    list_display = ["statement", "created_at", "finished_at", "sent_count"]
    list_select_related = ["statement"]
    readonly_fields = ["statement", "created_at", "finished_at", "sent_count"]

    def has_add_permission(self, request):
        return False


@admin.register(FriendMessage)
class FriendMessageAdmin(admin.ModelAdmin):
    """What was sent to friends, for spotting abuse; the friends' addresses are already gone."""

    list_display = ["statement", "sender_name", "language", "created_at", "sent_at"]
    list_select_related = ["statement"]
    readonly_fields = ["statement", "sender_name", "language", "created_at", "sent_at"]
    exclude = ["recipient"]

    def has_add_permission(self, request):
        return False
