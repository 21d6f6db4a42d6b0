# The mail outbox moves to core (core.OutgoingMail, written by core.outbox.mail); supporters
# are unique per normalised mailbox (core.addresses.mailbox) instead of per literal address.

from django.db import migrations, models


def _mailbox(address):
    # A frozen copy of core.addresses.mailbox as it was when this migration was written.
    local, at, domain = address.strip().lower().rpartition("@")
    if not at:
        return address.strip().lower()
    domain = domain.rstrip(".")
    domain = {"googlemail.com": "gmail.com"}.get(domain, domain)
    local = local.split("+", 1)[0] or local
    if domain in {"gmail.com", "googlemail.com"}:
        local = local.replace(".", "") or local
    return f"{local}@{domain}"


def supporters_mailbox(apps, schema_editor):
    """Fill each supporter's mailbox; of earlier variants of one mailbox, the first keeps it."""
    Supporter = apps.get_model("signatures", "Supporter")
    seen = set()
    for supporter in Supporter.objects.order_by("pk").iterator():
        mailbox = _mailbox(supporter.email)
        if (supporter.statement_id, mailbox) in seen:
            # Kept (it may be confirmed and counted), but marked as the variant it is.
            mailbox = f"{mailbox}#{supporter.pk}"
        seen.add((supporter.statement_id, mailbox))
        Supporter.objects.filter(pk=supporter.pk).update(mailbox=mailbox)


def outbox_to_core(apps, schema_editor):
    """Copy the sign-on outbox into core's, keeping keys, states and Message-IDs."""
    from hashlib import sha256

    OutboundEmail = apps.get_model("signatures", "OutboundEmail")
    OutgoingMail = apps.get_model("core", "OutgoingMail")
    from django.conf import settings
    from email.utils import parseaddr

    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    for old in OutboundEmail.objects.order_by("pk").iterator():
        if old.sign_on_id:
            topic = f"signon:{old.sign_on_id}"
        elif old.supporter_id:
            topic = f"supporter:{old.supporter_id}"
        else:
            topic = ""
        digest = sha256(f"undersigned-mail:{old.key}".encode()).hexdigest()[:40]
        mail = OutgoingMail.objects.create(
            key=old.key,
            kind=old.kind,
            topic=topic,
            to=old.to,
            subject=old.subject,
            body_text=old.body_text,
            body_html=old.body_html,
            headers={"Auto-Submitted": "auto-generated", "Content-Language": old.language},
            message_id=f"<{digest}@{domain}>",
            language=old.language,
            status=old.status,
            attempts=old.attempts,
            last_error=old.last_error,
            sent_at=old.sent_at,
        )
        OutgoingMail.objects.filter(pk=mail.pk).update(created_at=old.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_outgoingmail"),
        ("signatures", "0003_versions_supporters"),
        ("statements", "0006_search_title_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="supporter",
            name="mailbox",
            field=models.CharField(
                default="", editable=False, max_length=254, verbose_name="mailbox"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(supporters_mailbox, migrations.RunPython.noop),
        migrations.RunPython(outbox_to_core, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="supporter",
            name="one_support_per_email",
        ),
        migrations.AddConstraint(
            model_name="supporter",
            constraint=models.UniqueConstraint(
                fields=("statement", "mailbox"), name="one_support_per_mailbox"
            ),
        ),
        migrations.RemoveField(
            model_name="outboundemail",
            name="sign_on",
        ),
        migrations.RemoveField(
            model_name="outboundemail",
            name="supporter",
        ),
        migrations.DeleteModel(
            name="OutboundEmail",
        ),
    ]
