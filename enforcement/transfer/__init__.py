"""Transfer: files in and out. The dataset catalogue, reading and checking uploads, the import, templates, exports."""
