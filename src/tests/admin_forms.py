"""What a browser sends for a Django admin form: for tests that save through the admin."""

from selectolax.lexbor import LexborHTMLParser as HTMLParser


def admin_form_data(html: str, form_id: str = "statement_form") -> dict:
    """Return what a browser would send for the admin's change form, unchanged."""
    tree = HTMLParser(html)
    form = tree.css_first(f"form#{form_id}")
    data: dict = {}
    for node in form.css("input, textarea, select"):
        name = node.attributes.get("name")
        kind = node.attributes.get("type", "")
        if not name or kind in ("submit", "button", "file"):
            continue
        if kind == "checkbox":
            if "checked" in node.attributes:
                data.setdefault(name, []).append(node.attributes.get("value") or "on")
            continue
        if node.tag == "textarea":
            data[name] = node.text()
        elif node.tag == "select":
            chosen = [
                o.attributes.get("value") for o in node.css("option") if "selected" in o.attributes
            ]
            if "multiple" in node.attributes:
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        else:
            data[name] = node.attributes.get("value") or ""
    return data
