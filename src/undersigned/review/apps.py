from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """Review before opening: private links to a draft, comments, the changes between drafts."""

    name = "undersigned.review"
    verbose_name = _("Review")
