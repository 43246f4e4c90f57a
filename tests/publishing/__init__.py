"""Publish notifications: signed webhooks to frontends, against a real local HTTP receiver."""
