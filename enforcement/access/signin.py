"""How the app is told who is using it, decided from its configuration (pure: no Streamlit here).

- oidc: `[auth]` in Streamlit's secrets (OpenID Connect through st.login: the organisation's identity platform).
- proxy: ENFORCEMENT_SIGNIN=proxy and Streamlit's server.trustedUserHeaders: a reverse proxy in front of the app has
  signed the person in and passes their e-mail in a header. Off by default; the app must then listen on the loopback
  interface only, since anyone who reaches it directly could send that header.
- off: neither. The app is for the person at this machine (server.address on the loopback interface, the default in
  .streamlit/config.toml); started on a network address it still shows the figures but refuses imports and exports.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass

MODE_ENV = "ENFORCEMENT_SIGNIN"
SESSION_HOURS_ENV = "ENFORCEMENT_SESSION_HOURS"
# Streamlit keeps the identity cookie 30 days and ignores the ID token's expiry; a session here ends sooner.
DEFAULT_SESSION_HOURS = 12.0


class SigninConfigError(ValueError):
    """The sign-in configuration is contradictory or incomplete: the app shows nothing until it is fixed."""


def is_loopback(address: str | None) -> bool:
    """Whether a server address serves only this machine (127.0.0.1, ::1, localhost); None means every interface."""
    if address is None:
        return False
    text = address.strip().strip("[]")
    if text.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


def mode(has_auth: bool, env: Mapping[str, str] | None = None) -> str:
    """off, oidc or proxy (see the module's docstring); SigninConfigError for an unknown or unusable choice."""
    env = os.environ if env is None else env
    chosen = (env.get(MODE_ENV) or "").strip().lower()
    if chosen in ("", "auto"):
        return "oidc" if has_auth else "off"
    if chosen == "oidc":
        if not has_auth:
            raise SigninConfigError(f"{MODE_ENV}=oidc, but the secrets hold no [auth] section")
        return "oidc"
    if chosen == "proxy":
        return "proxy"
    if chosen == "off":
        if has_auth:
            raise SigninConfigError(f"{MODE_ENV}=off, but the secrets hold an [auth] section: remove one of them")
        return "off"
    raise SigninConfigError(f"{MODE_ENV}={chosen!r} is not one of auto, oidc, proxy, off")


def check_proxy(address: str | None, header_map: object) -> None:
    """Trusted-header mode needs a loopback address and a header mapped to e-mail; else SigninConfigError."""
    if not is_loopback(address):
        raise SigninConfigError(
            f"{MODE_ENV}=proxy needs server.address on the loopback interface (now {address!r}): anyone reaching "
            "the app directly could claim to be anyone"
        )
    if not isinstance(header_map, Mapping) or "email" not in {str(v).lower() for v in header_map.values()}:
        raise SigninConfigError(f"{MODE_ENV}=proxy needs server.trustedUserHeaders with a header mapped to email")


def session_hours(env: Mapping[str, str] | None = None) -> float:
    env = os.environ if env is None else env
    text = env.get(SESSION_HOURS_ENV)
    if not text:
        return DEFAULT_SESSION_HOURS
    try:
        hours = float(text)
    except ValueError:
        raise SigninConfigError(f"{SESSION_HOURS_ENV}={text!r} is not a number of hours") from None
    if not 0 < hours <= 24 * 30:
        raise SigninConfigError(f"{SESSION_HOURS_ENV}={text!r} must be between 0 and 720 hours")
    return hours


def session_expired(issued_at: object, now: dt.datetime, hours: float) -> bool:
    """Whether a sign-in (the ID token's iat, seconds since 1970) is older than hours.

    A token without a time is treated as expired: the provider must say when the person signed in.
    """
    if isinstance(issued_at, bool) or not isinstance(issued_at, (int, float)):
        return True
    return now.timestamp() - float(issued_at) > hours * 3600


@dataclass(frozen=True)
class Identity:
    """A signed-in person as the provider (or proxy) names them."""

    sub: str | None
    email: str | None
    name: str
    issued_at: float | None  # when the ID token was issued (iat), None for the proxy

    @property
    def label(self) -> str:
        return self.sub or self.email or ""

    @staticmethod
    def from_claims(claims: Mapping[str, object], proxy: bool = False) -> Identity | None:
        """The identity in st.user's claims; None if they name nobody."""

        def text(key: str) -> str | None:
            value = claims.get(key)
            return value.strip() if isinstance(value, str) and value.strip() else None

        email = text("email")
        sub = None if proxy else text("sub")
        if not sub and not email:
            return None
        issued = claims.get("iat") or claims.get("auth_time")
        issued_at = float(issued) if isinstance(issued, (int, float)) and not isinstance(issued, bool) else None
        return Identity(
            sub=sub, email=email, name=text("name") or text("preferred_username") or "", issued_at=issued_at
        )
