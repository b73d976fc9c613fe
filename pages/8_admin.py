"""管理 Admin: accounts (one role and one region each) and the audit trail; administrators only (the frame refuses
anyone else and records the refusal)."""

import streamlit as st

from enforcement.ui import admin
from enforcement.ui.frame import page_frame

ctx = page_frame("nav_admin")
st.title(ctx.t("nav_admin"))
st.caption(ctx.t("ad_intro", path=ctx.access.store.path))
admin.accounts_section(ctx)
admin.trail_section(ctx)
