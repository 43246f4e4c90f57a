"""What happens when content goes live or leaves: API cache invalidation and notifications to frontends."""
