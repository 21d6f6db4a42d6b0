"""Django's SMTP mail backend, checking addresses without parsing the ones that need none.

Before each message the backend checks the sender's address and every recipient's with
`prep_address()`, which runs the email package's full RFC 5322 parser: some 0.13 ms an
address, 0.3 ms a mail, which was a third of what a supporter's batched mail cost the worker
in all (bench/bench_mail_batch.py). Two kinds of address skip it, with the same result:

- a plain ASCII address, dot-atom@domain (RFC 5322 §3.4.1), which the parser finds without a
  defect and returns as it is: the parser quotes a local part only for specials, which a
  dot-atom has none of, and changes an ASCII domain in no way;
- an address checked before (the sender's, the same on every message): the result depends on
  nothing but the address, so it is kept. A refused address is checked again each time.

Everything else (the connection, TLS, sending, errors) is Django's own.
"""

from django.core.mail.backends import smtp

from undersigned.core.addresses import PLAIN_ADDRESS


class EmailBackend(smtp.EmailBackend):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._checked: dict[tuple[str, bool], str] = {}

    def prep_address(self, address, force_ascii=True):
        if type(address) is not str:
            return super().prep_address(address, force_ascii=force_ascii)
        if PLAIN_ADDRESS.fullmatch(address):
            return address
        key = (address, force_ascii)
        checked = self._checked.get(key)
        if checked is None:
            checked = super().prep_address(address, force_ascii=force_ascii)
            if len(self._checked) < 100:  # the sender's and a few others, not every recipient's
                self._checked[key] = checked
        return checked
