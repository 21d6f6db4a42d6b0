"""Staff accounts: the Coordinator role, the admin site's second factor, login lockout.

Above every other app: the role names their permissions (as strings), and its post_migrate
receiver runs after each of them has its permissions. The view-side check that every staff page
uses, `core.permissions.staff_permission_required`, sits in `core` so that any app may use it.
"""
