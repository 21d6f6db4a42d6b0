"""A network's co-signing map: who among its members signs with whom, and in which clusters.

Computed by the worker (tasks.py), never on a request: the pairs come from one self-join on
signatories limited to the network's members, networkx finds the communities (Louvain on the
backbone of each member's strongest ties, with a fixed seed so the same data gives the same
clusters) and lays out the most connected members (spring layout, fixed seed). The result is
plain JSON, stored in NetworkSnapshot.
"""

from __future__ import annotations

import heapq

import networkx as nx
from django.db import connection
from django.utils import timezone

from undersigned.insights.selectors import network_member_activity, network_subject_counts
from undersigned.organizations.models import Membership, Organization
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Statement

SEED = 20261207
# More would be a hairball on a page: the map draws the best-connected members, the table and
# the CSV list every member with its cluster.
NODES_DRAWN = 60
EDGES_DRAWN = 240
CLUSTERS_SHOWN = 8
CENTRAL_NAMED = 3
BACKBONE_EDGES = 12


def co_signing_pairs(*, network: Organization) -> list[tuple[int, int, int]]:
    """Return (member, member, archive statements signed together) for every pair of members.

    Raw SQL because the ORM can only reach the second signatory through the statement and
    repeats the member filter per join; this form (the members' archive signatures once, then
    joined to themselves) measured three to four times faster on PostgreSQL at bench size.
    """
    now = timezone.now()
    statuses = [Statement.Status.PUBLISHED.value, Statement.Status.CLOSED.value]
    sql = f"""
        WITH signed AS (
            SELECT sg.statement_id, sg.organization_id
            FROM {Signatory._meta.db_table} sg
            JOIN {Statement._meta.db_table} st ON st.id = sg.statement_id
            WHERE sg.organization_id IN (
                SELECT member_id FROM {Membership._meta.db_table} WHERE network_id = %s
            )
            AND st.status IN (%s, %s) AND st.published_at <= %s
        )
        SELECT a.organization_id, b.organization_id, COUNT(*)
        FROM signed a
        JOIN signed b ON b.statement_id = a.statement_id AND b.organization_id > a.organization_id
        GROUP BY a.organization_id, b.organization_id
    """  # noqa: S608 - table names from the models, values as parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [network.pk, *statuses, now])
        return [(a, b, n) for a, b, n in cursor.fetchall()]


def backbone(graph: nx.Graph, strongest: int = BACKBONE_EDGES) -> nx.Graph:
    """Keep each member's strongest ties only: communities of a nearly complete graph are found
    as well on its backbone, and Louvain runs in a fraction of the time."""
    kept = nx.Graph()
    kept.add_nodes_from(graph)
    for node in graph:
        ties = heapq.nlargest(strongest, graph[node].items(), key=lambda t: (t[1]["weight"], t[0]))
        kept.add_weighted_edges_from((node, other, data["weight"]) for other, data in ties)
    return kept


def network_graph(*, network: Organization) -> dict:
    """Compute the clusters and the drawing of the network's co-signing map."""
    members = {
        row["pk"]: row
        for row in Organization.objects.filter(memberships__network=network).values(
            "pk", "slug", "name"
        )
    }
    graph = nx.Graph()
    graph.add_weighted_edges_from(co_signing_pairs(network=network))
    payload: dict = {
        # The figures beside the map, computed here too so the page never scans the archive.
        "activity": [
            [
                m["slug"],
                m["name"],
                m["statements"],
                m["latest"].isoformat() if m["latest"] else None,
            ]
            for m in network_member_activity(network=network)
        ],
        "subjects": network_subject_counts(network=network),
        "members": len(members),
        "connected": graph.number_of_nodes(),
        "pairs": graph.number_of_edges(),
        "clusters": [],
        "nodes": [],
        "edges": [],
    }
    if not graph.number_of_edges():
        return payload

    strength = dict(graph.degree(weight="weight"))
    communities = nx.community.louvain_communities(backbone(graph), weight="weight", seed=SEED)
    clusters = []
    for community in communities:
        inner = graph.subgraph(community)
        inner_strength = dict(inner.degree(weight="weight"))
        # Most central: the most statements signed with the cluster's other members.
        ranked = sorted(community, key=lambda pk: (-inner_strength[pk], members[pk]["name"]))
        clusters.append(
            {
                "weight": int(inner.size(weight="weight")),
                "size": len(community),
                "ranked": ranked,
            }
        )
    clusters.sort(key=lambda c: (-c["weight"], -c["size"], members[c["ranked"][0]]["name"]))
    cluster_of = {}
    for number, cluster in enumerate(clusters, start=1):
        for pk in cluster["ranked"]:
            cluster_of[pk] = number
        payload["clusters"].append(
            {
                "number": number,
                "size": cluster["size"],
                "weight": cluster["weight"],
                "central": [_member(members[pk]) for pk in cluster["ranked"][:CENTRAL_NAMED]],
            }
        )

    drawn = sorted(graph.nodes, key=lambda pk: (-strength[pk], members[pk]["name"]))[:NODES_DRAWN]
    sub = graph.subgraph(drawn)
    positions = nx.spring_layout(sub, seed=SEED, weight="weight") if len(drawn) > 1 else {}
    for pk in sorted(graph.nodes, key=lambda pk: (cluster_of[pk], -strength[pk])):
        node = {**_member(members[pk]), "cluster": cluster_of[pk], "strength": strength[pk]}
        if pk in positions:
            node["x"], node["y"] = (round(float(v), 4) for v in positions[pk])
        payload["nodes"].append(node)
    edges = sorted(sub.edges(data="weight"), key=lambda e: -e[2])[:EDGES_DRAWN]
    payload["edges"] = [
        {"source": members[a]["slug"], "target": members[b]["slug"], "statements": w}
        for a, b, w in edges
    ]
    return payload


def _member(row: dict) -> dict:
    return {"slug": row["slug"], "name": row["name"]}
