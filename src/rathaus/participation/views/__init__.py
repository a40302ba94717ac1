"""Pages of the participation platform, by concept: processes, proposals, projects, the
participant's own pages, open data; in the back office the moderators' queue (backoffice) and
the management of processes and projects (manage)."""
