"""The audit log in words: one sentence for each action the apps record, with its variants.

Data apart from the code that fills it in (core.history). A sentence names its parts with
%(…)s: person, statement and organization are links on the page; the others come from the
entry's details. An action missing here is still told in words, by FALLBACK.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

SENTENCES = {
    # Sign-on (signatures).
    "signon.submit": _("%(person)s asked to sign %(statement)s for %(organization)s."),
    "signon.submit:new": _("%(person)s asked to sign %(statement)s for a new organisation."),
    "signon.confirm": _(
        "%(person)s confirmed by email the sign-on of %(organization)s to %(statement)s."
    ),
    "signon.approve": _("%(person)s approved the sign-on of %(organization)s to %(statement)s."),
    "signon.approve:joined": _(
        "%(person)s approved the sign-on of %(organization)s to %(statement)s; it joined the "
        "organisation's line already on the list."
    ),
    "signon.approve:automatic": _(
        "The sign-on of %(organization)s to %(statement)s was approved automatically: the "
        "signer's address is at an email domain the organisation registered."
    ),
    "signon.reject": _(
        "%(person)s rejected the sign-on of %(organization)s to %(statement)s: “%(reason)s”."
    ),
    "signon.reject:notified": _(
        "%(person)s rejected the sign-on of %(organization)s to %(statement)s and told the "
        "signer: “%(reason)s”."
    ),
    "signon.attach": _(
        "%(person)s attached the sign-on given as “%(name_given)s” to %(organization)s in the "
        "registry (%(statement)s)."
    ),
    "signon.withdraw": _(
        "%(person)s withdrew the signature of %(organization)s from %(statement)s."
    ),
    "signon.erase": _(
        "%(person)s erased the contact data of a sign-on of %(organization)s to %(statement)s."
    ),
    "signon.reconfirm": _(
        "%(person)s re-confirmed the signature of %(organization)s on version %(version)s of "
        "%(statement)s."
    ),
    "signatory.remove": _(
        "%(person)s took %(organization)s off the list of %(statement)s: “%(reason)s”."
    ),
    "statement.signon_auto_approve:on": _(
        "%(person)s turned on automatic approval of registered email domains for %(statement)s."
    ),
    "statement.signon_auto_approve:off": _(
        "%(person)s turned off automatic approval of registered email domains for %(statement)s."
    ),
    "supporters.hide": _(
        "%(person)s hid individual supporters of %(statement)s from the public list (%(count)s)."
    ),
    # The statement and its text (statements, publishing, importer).
    "statement.version": _(
        "%(person)s edited the text of %(statement)s: version %(version)s was recorded."
    ),
    "statement.version_decide": _("%(person)s described version %(version)s of %(statement)s."),
    "statement.version_decide:ask": _(
        "%(person)s asked the earlier signers of %(statement)s to re-confirm version %(version)s."
    ),
    "statement.publish": _("%(person)s published %(statement)s."),
    "statement.close": _("%(person)s closed %(statement)s: it takes no more signatures."),
    "statement.status": _("%(person)s changed the status of %(statement)s to “%(status)s”."),
    "statement.import": _(
        "%(person)s imported %(statement)s with its list of signatories (%(count)s)."
    ),
    # The registry (organizations).
    "organization.create": _("%(person)s added %(organization)s to the registry."),
    "organization.review": _("%(person)s marked %(organization)s as checked."),
    "organization.merge": _("%(person)s merged “%(merged_name)s” into %(organization)s."),
    "organization.load": _(
        "%(person)s loaded the registry from a spreadsheet: %(created)s organisations created, "
        "%(updated)s updated."
    ),
    # Comments (engagement).
    "comment_approved": _("%(person)s published a comment on %(statement)s."),
    "comment_spam": _("%(person)s marked a comment on %(statement)s as spam."),
    "comment_deleted": _("%(person)s deleted a comment on %(statement)s."),
    "commenter_banned": _("%(person)s banned a commenter and hid their comments."),
    "comments_closed": _("%(person)s closed the comments on %(statement)s."),
    "comments_opened": _("%(person)s opened the comments on %(statement)s."),
    # The moves of a statement's life (publishing).
    "statement.draft": _("%(person)s took %(statement)s back to draft."),
    "statement.review": _("%(person)s sent %(statement)s for review."),
    "statement.open": _("%(person)s opened %(statement)s for signature."),
    "statement.withdraw": _("%(person)s withdrew %(statement)s: %(reason)s"),
    # Review links (review).
    "review.link_created": _("%(person)s shared a review link for %(statement)s (%(label)s)."),
    "review.link_revoked": _("%(person)s revoked a review link for %(statement)s (%(label)s)."),
    # Signers, supporters and updates (signatures).
    "signon.repeat": _(
        "Someone asked again to sign %(statement)s for %(organization)s, already on the list."
    ),
    "supporter.withdraw": _("An individual supporter withdrew their support of %(statement)s."),
    "statement.update": _("%(person)s posted an update on %(statement)s."),
    "statement.update_delete": _("%(person)s took an update off %(statement)s."),
    "updates.unsubscribe": _("A recipient unsubscribed from the updates on %(statement)s."),
    # Archive imports (importer).
    "import.accept": _("%(person)s accepted import batch %(batch)s."),
    "import.discard": _("%(person)s discarded import batch %(batch)s."),
    "import.category": _("%(person)s named the imported category “%(category)s”."),
    "statement.import.review": _(
        "%(person)s decided how “%(line)s” of %(statement)s is read: %(organization)s."
    ),
}

# An action no sentence above tells yet (a new one): still words, never a raw record.
FALLBACK = _("%(person)s: %(action)s.")
FALLBACK_ABOUT = _("%(person)s: %(action)s (%(about)s).")

# Who did it, when no staff account did.
THE_SITE = _("The site")
A_SIGNER = _("The signer of request %(number)s")
A_SIGNER_AUTOMATIC = _("Automatic approval")

# A statement's status, as the statement's own choices say it (statements sits above core).
STATUSES = {
    "draft": _("Draft"),
    "review": _("In review"),
    "open": _("Open for signature"),
    "published": _("Published"),
    "closed": _("Closed"),
    "withdrawn": _("Withdrawn"),
}

YES = pgettext_lazy("a detail of the audit log", "yes")
NO = pgettext_lazy("a detail of the audit log", "no")
A_DELETED_STATEMENT = _("a statement since deleted")
A_NO_ORGANIZATION = _("an organisation not in the registry")
