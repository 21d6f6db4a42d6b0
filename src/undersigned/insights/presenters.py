"""Charts as the pages show them: selector data turned into a drawing, words and a table.

Each chart is a dict: `id`, `title`, `summary` (the text screen readers read and everyone
sees), `kind` and `drawing` (charts.py), `legend`, and `table` (`head` and `rows`) that is both
the accessible alternative on the page and the CSV download, so the two never disagree.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from undersigned.insights import charts


def link(text: str, url: str) -> dict:
    return {"text": text, "url": url}


def _chart(
    chart_id: str,
    *,
    title: str,
    summary: str,
    kind: str,
    drawing: dict,
    table: dict,
    csv_url: str | None,
    legend: list | None = None,
) -> dict:
    return {
        "id": chart_id,
        "title": title,
        "summary": summary,
        "kind": kind,
        "drawing": drawing,
        "table": table,
        "csv_url": csv_url,
        "legend": legend or [],
    }


def _most(rows: list[dict], key: str) -> dict:
    return max(rows, key=lambda row: (row[key], -rows.index(row)))


# --- Organisation -------------------------------------------------------------------------


def organization_charts(*, organization, data: dict) -> list[dict]:
    def csv(name: str) -> str:
        return reverse(
            "insights:organization_csv", kwargs={"slug": organization.slug, "chart": name}
        )

    out = []
    per_year = data["per_year"]
    if per_year:
        best = _most(per_year, "statements")
        summary = ngettext(
            "%(count)d statement in the archive signed from %(first)d to %(last)d; "
            "the most in %(year)d (%(most)d).",
            "%(count)d statements in the archive signed from %(first)d to %(last)d; "
            "the most in %(year)d (%(most)d).",
            data["total"],
        ) % {
            "count": data["total"],
            "first": per_year[0]["year"],
            "last": per_year[-1]["year"],
            "year": best["year"],
            "most": best["statements"],
        }
        out.append(
            _chart(
                "years",
                title=_("Statements signed per year"),
                summary=summary,
                kind="columns",
                drawing=charts.column_chart([(str(r["year"]), r["statements"]) for r in per_year]),
                table={
                    "head": [_("Year"), _("Statements")],
                    "rows": [[r["year"], r["statements"]] for r in per_year],
                },
                csv_url=csv("years"),
            )
        )
    co_signers = data["co_signers"]
    if co_signers:
        top = co_signers[0]
        out.append(
            _chart(
                "co-signers",
                title=_("Organisations it signs with most often"),
                summary=ngettext(
                    "It signed most often with %(name)s: %(count)d statement together.",
                    "It signed most often with %(name)s: %(count)d statements together.",
                    top["statements"],
                )
                % {"name": top["name"], "count": top["statements"]},
                kind="bars",
                drawing=charts.bar_chart([(r["name"], r["statements"]) for r in co_signers]),
                table={
                    "head": [_("Organisation"), _("Statements signed together")],
                    "rows": [[link(r["name"], r["url"]), r["statements"]] for r in co_signers],
                },
                csv_url=csv("co-signers"),
            )
        )
    if data["network"] is not None:
        out.extend(network_charts(organization=organization, data=data["network"], csv=csv))
    return out


def network_charts(*, organization, data: dict, csv) -> list[dict]:
    out = []
    members = data["members"]
    if members:
        active = [m for m in members if m["statements"]]
        shown = active[:15]
        summary = ngettext(
            "%(active)d of its %(count)d member has signed statements in the archive.",
            "%(active)d of its %(count)d members have signed statements in the archive.",
            len(members),
        ) % {"active": len(active), "count": len(members)}
        if shown:
            summary += " " + _("The most active: %(name)s (%(statements)d).") % shown[0]
        out.append(
            _chart(
                "members",
                title=_("Its members' activity"),
                summary=summary,
                kind="bars",
                drawing=charts.bar_chart([(m["name"], m["statements"]) for m in shown]),
                table={
                    "head": [_("Member"), _("Statements signed"), _("Latest statement")],
                    "rows": [
                        [link(m["name"], m["url"]), m["statements"], _day(m["latest"])]
                        for m in members
                    ],
                },
                csv_url=csv("members"),
            )
        )
    subjects = subjects_chart(data["subjects"], chart_id="subjects", csv_url=csv("subjects"))
    if subjects:
        subjects["title"] = _("Subjects it spoke on, by year")
        out.append(subjects)
    return out


def _day(moment) -> date | None:
    from undersigned.insights.selectors import as_local_date

    return as_local_date(moment) if moment else None


def subjects_chart(subjects: dict, *, chart_id: str, csv_url: str | None) -> dict | None:
    categories, years = subjects["categories"], subjects["years"]
    if not categories:
        return None
    totals = [sum(row["counts"][i] for row in years) for i in range(len(categories))]
    top = max(range(len(categories)), key=lambda i: (totals[i], -i))
    summary = ngettext(
        "%(categories)d subject from %(first)d to %(last)d; the most frequent: %(name)s "
        "(%(count)d statements).",
        "%(categories)d subjects from %(first)d to %(last)d; the most frequent: %(name)s "
        "(%(count)d statements).",
        len(categories),
    ) % {
        "categories": len(categories),
        "first": years[0]["year"],
        "last": years[-1]["year"],
        "name": categories[top]["name"],
        "count": totals[top],
    }
    return _chart(
        chart_id,
        title=_("Statements per subject and year"),
        summary=summary,
        kind="stacked",
        drawing=charts.stacked_chart([(str(r["year"]), r["counts"]) for r in years]),
        legend=[
            {"text": c["name"], "colour": i % charts.PALETTE_SIZE} for i, c in enumerate(categories)
        ],
        table={
            "head": [_("Year"), *(c["name"] for c in categories)],
            "rows": [[r["year"], *r["counts"]] for r in years],
        },
        csv_url=csv_url,
    )


def network_map(*, organization, data: dict) -> dict:
    """Return the map with its state: computed when, out of date, or not computed yet."""
    return {
        "chart": graph_chart(organization=organization, data=data),
        "computed_at": data["graph_computed_at"],
        "stale": data["graph_stale"],
        "computed": data["graph"] is not None,
    }


def graph_chart(*, organization, data: dict) -> dict | None:
    payload = data["graph"]
    if not payload or not payload.get("clusters"):
        return None
    clusters = payload["clusters"]
    names = [", ".join(m["name"] for m in c["central"]) for c in clusters]
    summary = ngettext(
        "%(connected)d members signed statements with each other, in %(pairs)d pair.",
        "%(connected)d members signed statements with each other, in %(pairs)d pairs.",
        payload["pairs"],
    ) % {"connected": payload["connected"], "pairs": payload["pairs"]}
    summary += " " + ngettext(
        "%(count)d cluster, the strongest around %(names)s.",
        "%(count)d clusters, the strongest around %(names)s.",
        len(clusters),
    ) % {"count": len(clusters), "names": names[0]}
    drawing = charts.graph_drawing(payload)
    return _chart(
        "map",
        title=_("Co-signing map of its members"),
        summary=summary,
        kind="graph",
        drawing=drawing,
        legend=[
            {
                "text": _("Cluster %(number)d: %(names)s (%(size)d members)")
                % {"number": c["number"], "names": name, "size": c["size"]},
                "colour": (c["number"] - 1) % charts.PALETTE_SIZE,
            }
            for c, name in zip(clusters[: charts.PALETTE_SIZE], names, strict=False)
        ],
        table={
            "head": [_("Member"), _("Cluster"), _("Statements signed with other members")],
            "rows": [
                [
                    link(n["name"], reverse("organizations:detail", kwargs={"slug": n["slug"]})),
                    n["cluster"],
                    n["strength"],
                ]
                for n in payload["nodes"]
            ],
        },
        csv_url=reverse(
            "insights:organization_csv", kwargs={"slug": organization.slug, "chart": "map"}
        ),
    )


# --- Statement ----------------------------------------------------------------------------


def statement_charts(*, statement, data: dict) -> list[dict]:
    def csv(name: str) -> str:
        return reverse("insights:statement_csv", kwargs={"slug": statement.slug, "chart": name})

    out = []
    growth = data["growth"]
    if growth:
        last = growth[-1]
        summary = _(
            "From %(first)s to %(last)s the list grew to %(organizations)d organisations "
            "and %(supporters)d supporters."
        ) % {
            "first": date_format(growth[0]["date"]),
            "last": date_format(last["date"]),
            "organizations": last["organizations"],
            "supporters": last["supporters"],
        }
        out.append(
            _chart(
                "growth",
                title=_("How the list of signatures grew"),
                summary=summary,
                kind="lines",
                drawing=charts.line_chart(
                    [g["date"].isoformat() for g in growth],
                    [[g["organizations"] for g in growth], [g["supporters"] for g in growth]],
                ),
                legend=[
                    {"text": _("Organisations"), "colour": 0},
                    {"text": _("Supporters"), "colour": 1},
                ],
                table={
                    "head": [_("Date"), _("Organisations"), _("Supporters")],
                    "rows": [[g["date"], g["organizations"], g["supporters"]] for g in growth],
                },
                csv_url=csv("growth"),
            )
        )
    networks = data["networks"]
    if networks:
        out.append(
            _chart(
                "networks",
                title=_("Networks its signatories belong to"),
                summary=ngettext(
                    "Its signatories belong to %(count)d network; most to %(name)s (%(members)d).",
                    "Its signatories belong to %(count)d networks; most to %(name)s (%(members)d).",
                    len(networks),
                )
                % {
                    "count": len(networks),
                    "name": networks[0]["name"],
                    "members": networks[0]["members"],
                },
                kind="bars",
                drawing=charts.bar_chart([(n["name"], n["members"]) for n in networks[:15]]),
                table={
                    "head": [_("Network"), _("Members among the signatories")],
                    "rows": [[link(n["name"], n["url"]), n["members"]] for n in networks],
                },
                csv_url=csv("networks"),
            )
        )
    return out


# --- Archive overview ---------------------------------------------------------------------


def overview_charts(*, data: dict, query: str) -> list[dict]:
    def csv(name: str) -> str:
        return reverse("insights:overview_csv", kwargs={"chart": name}) + query

    out = []
    months = data["per_month"]
    if months:
        best = _most(months, "statements")
        summary = ngettext(
            "%(count)d statement from %(first)s to %(last)s; the most in %(month)s (%(most)d).",
            "%(count)d statements from %(first)s to %(last)s; the most in %(month)s (%(most)d).",
            data["total"],
        ) % {
            "count": data["total"],
            "first": _month(months[0]),
            "last": _month(months[-1]),
            "month": _month(best),
            "most": best["statements"],
        }
        out.append(
            _chart(
                "months",
                title=_("Statements per month"),
                summary=summary,
                kind="lines",
                drawing=charts.line_chart(
                    [f"{m['year']}-{m['month']:02d}" for m in months],
                    [[m["statements"] for m in months]],
                ),
                table={
                    "head": [_("Month"), _("Statements")],
                    "rows": [
                        [
                            {"text": _month(m), "value": f"{m['year']}-{m['month']:02d}"},
                            m["statements"],
                        ]
                        for m in months
                    ],
                },
                csv_url=csv("months"),
            )
        )
    subjects = subjects_chart(data["by_category"], chart_id="categories", csv_url=csv("categories"))
    if subjects:
        out.append(subjects)
    top = data["top_co_signers"]
    if top:
        out.append(
            _chart(
                "co-signers",
                title=_("Organisations that signed the most joint statements"),
                summary=ngettext(
                    "%(name)s signed the most joint statements: %(count)d.",
                    "%(name)s signed the most joint statements: %(count)d.",
                    top[0]["statements"],
                )
                % {"name": top[0]["name"], "count": top[0]["statements"]},
                kind="bars",
                drawing=charts.bar_chart([(r["name"], r["statements"]) for r in top]),
                table={
                    "head": [_("Organisation"), _("Joint statements signed")],
                    "rows": [[link(r["name"], r["url"]), r["statements"]] for r in top],
                },
                csv_url=csv("co-signers"),
            )
        )
    return out


def _month(row: dict) -> str:
    return date_format(date(row["year"], row["month"], 1), "YEAR_MONTH_FORMAT")
