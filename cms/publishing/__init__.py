"""What happens when content goes live or leaves: notifications to frontends (and, later, caches)."""
