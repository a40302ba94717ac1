"""Public pages of the participation platform, by concept: processes, proposals, projects,
the participant's own pages, open data."""
