"""Rules: the shared filters and their URL round trip, and the status vocabulary and palette.

Pure Python over plain values: no database, no Streamlit.
"""
