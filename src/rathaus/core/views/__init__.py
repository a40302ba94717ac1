"""The platform's own pages: the start page, information pages, health check and error pages
(public), and the back office's start page and audit log (backoffice)."""
