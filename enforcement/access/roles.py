"""Roles and what each may do: every role may do what the one before it may, and one thing more.

领导 viewer browses its region's subtree; 分析员 analyst also exports; 填报员 clerk also imports (rows of its subtree
only); 管理员 admin also manages accounts, reads the audit trail and rebuilds the database.
"""

from __future__ import annotations

ROLES = ("viewer", "analyst", "clerk", "admin")
RIGHTS = ("browse", "export", "import", "manage")
# The first role that has each right; every later role has it too.
_FIRST_ROLE = {"browse": "viewer", "export": "analyst", "import": "clerk", "manage": "admin"}
# The right a page needs, by its navigation key (pages not listed need only browse).
# The evaluation report takes the figures away like an export does.
PAGE_RIGHTS = {"nav_export": "export", "nav_report": "export", "nav_import": "import", "nav_admin": "manage"}


def is_role(role: object) -> bool:
    return role in ROLES


def may(role: str | None, right: str) -> bool:
    """Whether a role has a right (an unknown role or right has none)."""
    if role not in ROLES or right not in _FIRST_ROLE:
        return False
    return ROLES.index(role) >= ROLES.index(_FIRST_ROLE[right])


def page_right(nav_key: str) -> str:
    """The right needed to open a page."""
    return PAGE_RIGHTS.get(nav_key, "browse")


def may_open(role: str | None, nav_key: str) -> bool:
    return may(role, page_right(nav_key))
