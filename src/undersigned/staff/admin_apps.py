from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin, served by the site that can ask for a second factor."""

    default_site = "undersigned.staff.admin_site.StaffAdminSite"
