"""Record entries in the audit log: every change to signatures and the registry leaves one."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from undersigned.core.models import AuditEntry


def audit_record(
    *,
    action: str,
    actor: AbstractBaseUser | AnonymousUser | None = None,
    actor_label: str = "",
    statement=None,
    organization=None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry."""
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditEntry.objects.create(
        action=action,
        actor=user,
        actor_label=actor_label or (user.get_username() if user else ""),
        statement=statement,
        organization=organization,
        details=details or {},
    )
