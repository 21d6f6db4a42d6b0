# The mail outbox moves to core (core.OutgoingMail, written by core.outbox.mail); supporters
# are unique per normalised mailbox (core.addresses.mailbox) instead of per literal address.
#
# Supporters and the outbox are big tables: the migration is not atomic, the new column is
# added nullable, and both copies walk the rows a thousand at a time, each batch in its own
# transaction, so sign-ups keep being written while it runs (see operations/upgrades.py).

from email.utils import parseaddr
from hashlib import sha256

from django.conf import settings
from django.db import migrations, models, transaction

BATCH = 1000


def _batches(queryset, using):
    """Yield the rows in primary-key order, a batch at a time, each batch in a transaction.

    A frozen copy of operations.upgrades.rows_in_batches (an app above this one).
    """
    last = 0
    while True:
        with transaction.atomic(using=using):
            batch = list(queryset.filter(pk__gt=last).order_by("pk")[:BATCH])
            if not batch:
                return
            yield batch
        last = batch[-1].pk


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
    using = schema_editor.connection.alias
    seen = set()
    for batch in _batches(Supporter.objects.using(using), using):
        for supporter in batch:
            mailbox = _mailbox(supporter.email)
            if (supporter.statement_id, mailbox) in seen:
                # Kept (it may be confirmed and counted), but marked as the variant it is.
                mailbox = f"{mailbox}#{supporter.pk}"
            seen.add((supporter.statement_id, mailbox))
            supporter.mailbox = mailbox
        Supporter.objects.using(using).bulk_update(batch, ["mailbox"])


def outbox_to_core(apps, schema_editor):
    """Copy the sign-on outbox into core's, keeping keys, states and Message-IDs."""
    OutboundEmail = apps.get_model("signatures", "OutboundEmail")
    OutgoingMail = apps.get_model("core", "OutgoingMail")
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    using = schema_editor.connection.alias
    mails = OutgoingMail.objects.using(using)
    for batch in _batches(OutboundEmail.objects.using(using), using):
        # A run stopped half-way and started again skips what it copied.
        copied = set(mails.filter(key__in=[old.key for old in batch]).values_list("key", flat=True))
        for old in batch:
            if old.key not in copied:
                _copy(mails, old, domain)


def _copy(mails, old, domain):
    if old.sign_on_id:
        topic = f"signon:{old.sign_on_id}"
    elif old.supporter_id:
        topic = f"supporter:{old.supporter_id}"
    else:
        topic = ""
    digest = sha256(f"undersigned-mail:{old.key}".encode()).hexdigest()[:40]
    mail = mails.create(
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
    mails.filter(pk=mail.pk).update(created_at=old.created_at)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("core", "0002_outgoingmail"),
        ("signatures", "0004_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="supporter",
            name="mailbox",
            field=models.CharField(
                editable=False, max_length=254, null=True, verbose_name="mailbox"
            ),
        ),
        migrations.RunPython(supporters_mailbox, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="supporter",
            name="mailbox",
            field=models.CharField(editable=False, max_length=254, verbose_name="mailbox"),
        ),
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
