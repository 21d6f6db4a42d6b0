import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Enrol a staff account's authenticator app (TOTP): print the otpauth:// link and its "
        "QR code to scan. The first administrator enrols this way; later ones may be enrolled "
        "by an administrator in the back office (TOTP devices)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="authenticator", help="The device's name.")
        parser.add_argument(
            "--replace", action="store_true", help="Remove the account's other TOTP devices."
        )
        parser.add_argument("--no-qr", action="store_true", help="Print the link only.")

    @transaction.atomic
    def handle(self, *args, username, name, replace, no_qr, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        if not user.is_staff:
            raise CommandError(f"{username!r} is not a staff account.")
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=None)
        if replace:
            devices.delete()
        elif devices.exists():
            raise CommandError(
                f"{username!r} already has an authenticator; add --replace to enrol a new one."
            )
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        url = device.config_url
        self.stdout.write(f"Scan this with the authenticator app of {username}, or open it:\n")
        if not no_qr:
            drawing = io.StringIO()
            code = qrcode.QRCode(border=2)
            code.add_data(url)
            code.print_ascii(out=drawing, invert=True)
            self.stdout.write(drawing.getvalue())
        self.stdout.write(url)
        self.stdout.write("\nIt holds the secret: do not keep it in a log or a ticket.")
