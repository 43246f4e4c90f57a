"""The register's GraphQL API: people, cemeteries and burials, aircraft losses, and the map.

``types`` holds the record types, ``reading`` prepares records for one reader's language in bulk,
``queries`` the paginated root fields, ``geojson`` the map. Mutations belong in modules of their own here.
"""
