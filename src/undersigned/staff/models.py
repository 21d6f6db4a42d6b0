"""No models: a models module makes Django send this app post_migrate (apps.py)."""
