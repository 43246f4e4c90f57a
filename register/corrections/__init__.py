"""Corrections from the public: the GraphQL mutation, its spam and rate rules, and the moderation admin."""
