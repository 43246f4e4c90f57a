"""Synthetic content at scale for load tests and query-count checks (``manage.py generate_content``).

``plan`` decides what to make from a size and a seed (pure data, reproducible); ``wording`` words it in
each language; ``writer`` puts it in the database in bulk.
"""
