from django.urls import path

from undersigned.signatures import views

app_name = "signatures"

urlpatterns = [
    path("statements/<slug:slug>/sign/", views.sign_on, name="sign"),
    path("statements/<slug:slug>/sign/sent/", views.sign_on_sent, name="sent"),
    path("sign-on/organisations.json", views.organization_lookup, name="lookup"),
    path("sign-on/confirm/<str:token>/", views.confirm, name="confirm"),
    path("sign-on/confirm/<str:token>/new-link/", views.resend_for_token, name="resend_token"),
    path("sign-on/withdraw/<str:token>/", views.withdraw, name="withdraw"),
    path("sign-on/new-link/", views.resend, name="resend"),
    path("sign-on/reconfirm/<str:token>/", views.reconfirm, name="reconfirm"),
    path("statements/<slug:slug>/support/", views.support, name="support"),
    path("statements/<slug:slug>/support/sent/", views.support_sent, name="support_sent"),
    path("statements/<slug:slug>/supporters/", views.supporter_list, name="supporters"),
    path(
        "statements/<slug:slug>/support/confirm/",
        views.support_confirm_link,
        name="support_confirm_link",
    ),
    path("support/confirm/<str:token>/", views.support_confirm, name="support_confirm"),
    path("support/withdraw/<str:token>/", views.support_withdraw, name="support_withdraw"),
    path("updates/unsubscribe/<str:token>/", views.updates_unsubscribe, name="updates_unsubscribe"),
    path("statements/<slug:slug>/signatories.csv", views.export_csv, name="export_csv"),
    path("statements/<slug:slug>/signatories.json", views.export_json, name="export_json"),
    path("statements/<slug:slug>/letter.pdf", views.export_letter, name="export_letter"),
    path("statements/<slug:slug>/letter.docx", views.export_letter_docx, name="export_letter_docx"),
    path("staff/statements/", views.dashboard_index, name="dashboard_index"),
    path("staff/statements/<slug:slug>/signatures/", views.dashboard, name="dashboard"),
    path(
        "staff/statements/<slug:slug>/signatures/approve/",
        views.dashboard_bulk_approve,
        name="dashboard_bulk_approve",
    ),
    path(
        "staff/statements/<slug:slug>/signatures/auto-approve/",
        views.dashboard_auto_approve,
        name="dashboard_auto_approve",
    ),
    path(
        "staff/statements/<slug:slug>/signatures/<int:pk>/approve/",
        views.dashboard_approve,
        name="dashboard_approve",
    ),
    path(
        "staff/statements/<slug:slug>/signatures/<int:pk>/reject/",
        views.dashboard_reject,
        name="dashboard_reject",
    ),
    path(
        "staff/statements/<slug:slug>/signatures/<int:pk>/attach/",
        views.dashboard_attach,
        name="dashboard_attach",
    ),
    path(
        "staff/statements/<slug:slug>/signatures/<int:pk>/erase/",
        views.dashboard_erase,
        name="dashboard_erase",
    ),
    path(
        "staff/statements/<slug:slug>/signatories.csv",
        views.dashboard_contacts_csv,
        name="dashboard_contacts_csv",
    ),
    path(
        "staff/statements/<slug:slug>/versions/<int:number>/",
        views.dashboard_version,
        name="dashboard_version",
    ),
    path(
        "staff/statements/<slug:slug>/updates/", views.dashboard_updates, name="dashboard_updates"
    ),
    path(
        "staff/statements/<slug:slug>/updates/<int:pk>/delete/",
        views.dashboard_update_delete,
        name="dashboard_update_delete",
    ),
    path(
        "staff/statements/<slug:slug>/signatories/<int:pk>/remove/",
        views.dashboard_remove,
        name="dashboard_remove",
    ),
]
