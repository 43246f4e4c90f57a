"""Our API policy around grapple: locale-aware queries, visibility, limits."""
