"""Maintenance scripts run by hand when a source changes (regions package, source documents, font subset)."""
