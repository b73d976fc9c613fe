"""Content: what each page shows, built from named queries: judged figures, cards, tables and Plotly figures.

Functions take a query function (``ctx.query`` on a page, ``QueryRunner.run`` in tests and reports) and return data
and figures. No Streamlit here.
"""
