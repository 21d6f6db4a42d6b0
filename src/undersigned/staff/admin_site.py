"""The admin site: a TOTP code from an enrolled device when STAFF_REQUIRE_2FA is on."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm

from undersigned.core.accounts import staff_verified


class StaffOTPAuthenticationForm(OTPAdminAuthenticationForm):
    """django-otp's admin login form, in one step for an account with a single device.

    django-otp asks for the device to be chosen (so that a wrong code counts against one
    device only); with one device there is nothing to choose, so it is taken.
    """

    def clean(self):
        cleaned = AdminAuthenticationForm.clean(self)
        user = self.get_user()
        if user is not None and not cleaned.get("otp_device"):
            devices = list(devices_for_user(user))
            if len(devices) == 1:
                cleaned["otp_device"] = devices[0].persistent_id
        self.cleaned_data = cleaned
        self.clean_otp(user)
        return self.cleaned_data


class StaffAdminSite(AdminSite):
    """django-otp's OTPAdminSite, switched by a setting read at each request.

    OTPAdminSite fixes its choice when the class is set; reading the setting at each login lets
    local runs (`make run`) sign in with the password alone and production demand the code.
    """

    @property
    def login_form(self):
        if settings.STAFF_REQUIRE_2FA:
            return StaffOTPAuthenticationForm
        return AdminAuthenticationForm

    @property
    def login_template(self):
        return "admin/otp_login.html" if settings.STAFF_REQUIRE_2FA else None

    def login(self, request, extra_context=None):
        """Sign in; without a page asked for, land on the coordinators' home, not the admin's."""
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            extra_context = {**(extra_context or {}), REDIRECT_FIELD_NAME: reverse("staff:home")}
        return super().login(request, extra_context)

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and staff_verified(request.user)
