"""A network's co-signing map: who among its members signs with whom, and in which clusters.

Computed by the worker (tasks.py), never on a request: the pairs come from one self-join on
signatories limited to the network's members, networkx finds the communities (Louvain, with a
fixed seed so the same data gives the same clusters) and lays out the most connected members
(spring layout, fixed seed). The result is plain JSON, stored in NetworkSnapshot.
"""

from __future__ import annotations

import networkx as nx
from django.db.models import Count, F

from undersigned.insights.selectors import archive_ids
from undersigned.organizations.models import Membership, Organization
from undersigned.signatures.models import Signatory

SEED = 20261207
# More would be a hairball on a page: the map draws the best-connected members, the table and
# the CSV list every member with its cluster.
NODES_DRAWN = 60
EDGES_DRAWN = 240
CLUSTERS_SHOWN = 8
CENTRAL_NAMED = 3


def co_signing_pairs(*, network: Organization) -> list[tuple[int, int, int]]:
    """Return (member, member, archive statements signed together) for every pair of members."""
    members = Membership.objects.filter(network=network).values("member_id")
    rows = (
        Signatory.objects.filter(
            organization_id__in=members,
            statement__in=archive_ids(),
            statement__signatories__organization_id__in=members,
            statement__signatories__organization_id__gt=F("organization_id"),
        )
        .order_by()
        .values("organization_id", "statement__signatories__organization_id")
        .annotate(n=Count("statement_id"))
    )
    return [
        (row["organization_id"], row["statement__signatories__organization_id"], row["n"])
        for row in rows
    ]


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
    communities = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
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
