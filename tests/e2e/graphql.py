"""/graphql/ over real HTTP to the live server, as a frontend calls it (no cookies, JSON body)."""

import json


def graphql(client, query, variables=None):
    """The ``data`` of a query that must succeed without errors; ``client`` is the ``frontend`` fixture."""
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables or {}}),
        headers={"Content-Type": "application/json"},
    )
    body = response.json()
    assert response.status == 200, body
    assert "errors" not in body, body["errors"]
    return body["data"]
