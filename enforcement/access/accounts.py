"""Accounts: one identity, one role, one region; and who is acting (an account, the command line, the local user)."""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass

from enforcement.access import roles
from enforcement.access.scope import Scope, is_region_code
from enforcement.i18n import SaidError

MAX_IDENTITY = 256
MAX_NAME = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class AccountError(SaidError, ValueError):
    """An account change that cannot be made as asked: message(lang) says why."""


def normalise_identity(identity: str) -> str:
    """An identity as stored: surrounding spaces dropped, an e-mail address in lower case (a sub is kept as is)."""
    text = (identity or "").strip()
    return text.lower() if "@" in text else text


def check_identity(identity: str) -> str:
    text = normalise_identity(identity)
    if not text:
        raise AccountError("acc_identity_empty")
    if len(text) > MAX_IDENTITY or _CONTROL.search(text) or " " in text:
        raise AccountError("acc_identity_invalid", limit=MAX_IDENTITY, text=repr(text[:80]))
    return text


def check_role(role: str) -> str:
    if not roles.is_role(role):
        raise AccountError("acc_role_invalid", role=repr(role), roles=", ".join(roles.ROLES))
    return role


def check_region(region_code: str) -> str:
    code = (region_code or "").strip()
    if not is_region_code(code):
        raise AccountError("acc_region_invalid", code=repr(region_code))
    return code


def check_name(name: str | None) -> str:
    text = (name or "").strip()
    if len(text) > MAX_NAME or _CONTROL.search(text):
        raise AccountError("acc_name_invalid", limit=MAX_NAME)
    return text


@dataclass(frozen=True)
class Account:
    identity: str
    role: str
    region_code: str
    display_name: str = ""
    is_enabled: bool = True
    created_at: str = ""
    created_by: str = ""
    updated_at: str = ""
    updated_by: str = ""

    @property
    def scope(self) -> Scope:
        return Scope(self.region_code)

    def may(self, right: str) -> bool:
        return self.is_enabled and roles.may(self.role, right)


@dataclass(frozen=True)
class Actor:
    """Who an audit entry names: an identity, a display name, how they were identified, and their role then."""

    identity: str
    name: str
    kind: str  # oidc, proxy (a trusted reverse proxy's header), local (sign-in off), cli (the command line)
    role: str | None = None

    @staticmethod
    def command_line() -> Actor:
        """The operating-system user running a command."""
        user = getpass.getuser()
        return Actor(identity=f"os:{user}", name=user, kind="cli")

    @staticmethod
    def local(role: str) -> Actor:
        """Whoever uses the app with sign-in off: named by the operating-system user running the server."""
        user = getpass.getuser()
        return Actor(identity=f"local:{user}", name=user, kind="local", role=role)


def management_problem(manager: Scope, manager_identity: str, identity: str, region_code: str) -> str | None:
    """Why an administrator may not grant or change this account, or None: 'own' (their own account: a slip would
    lock them out), 'outside' (the account's region, old or new, lies outside the administrator's)."""
    if normalise_identity(identity) == normalise_identity(manager_identity):
        return "own"
    if not manager.contains(region_code):
        return "outside"
    return None
