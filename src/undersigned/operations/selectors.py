"""Reads for the metrics: sign-ups and confirmations, counted in the database at scrape time.

These read the `signatures` app's models (unavoidable: the sign-ups are there); the outbox and
the task queue are read in `outbox.py`.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from undersigned.signatures.models import SignOnRequest, Supporter


@dataclass(frozen=True)
class SignUpCounts:
    """Sign-on requests by status and how many confirmed; supporters and how many confirmed."""

    sign_ons_by_status: dict[str, int]
    sign_ons_confirmed: int
    supporters: int
    supporters_confirmed: int
    supporters_mail_waiting: int = 0


def sign_up_counts() -> SignUpCounts:
    """Return the sign-up counts in two grouped queries."""
    by_status = dict.fromkeys(SignOnRequest.Status.values, 0)
    confirmed = 0
    rows = SignOnRequest.objects.values("status").annotate(
        total=Count("pk"), confirmed=Count("pk", filter=Q(confirmed_at__isnull=False))
    )
    for row in rows.order_by():
        by_status[row["status"]] = row["total"]
        confirmed += row["confirmed"]
    supporters = Supporter.objects.aggregate(
        total=Count("pk"),
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        mail_waiting=Count("pk", filter=Q(mail_wanted_at__isnull=False)),
    )
    return SignUpCounts(
        sign_ons_by_status=by_status,
        sign_ons_confirmed=confirmed,
        supporters=supporters["total"],
        supporters_confirmed=supporters["confirmed"],
        supporters_mail_waiting=supporters["mail_waiting"],
    )
