"""Who may see and change what: accounts, roles, region scope and the tamper-evident audit trail.

scope and roles are pure rules; store is the one place that reads and writes the access store (SQLite beside the
database); trail filters and lays out audit entries; signin decides what mode the app runs in.
"""
