"""Streamlit page helpers: the frame every page shares. The only part of the package that imports Streamlit."""
