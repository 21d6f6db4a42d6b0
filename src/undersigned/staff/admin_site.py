"""The admin site: a TOTP code from an enrolled device when STAFF_REQUIRE_2FA is on."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.admin import OTPAdminAuthenticationForm

from undersigned.core.accounts import staff_verified


class StaffAdminSite(AdminSite):
    """django-otp's OTPAdminSite, switched by a setting read at each request.

    OTPAdminSite fixes its choice when the class is set; reading the setting at each login lets
    local runs (`make run`) sign in with the password alone and production demand the code.
    """

    @property
    def login_form(self):
        if settings.STAFF_REQUIRE_2FA:
            return OTPAdminAuthenticationForm
        return AdminAuthenticationForm

    @property
    def login_template(self):
        return "admin/otp_login.html" if settings.STAFF_REQUIRE_2FA else None

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and staff_verified(request.user)
