"""The platform's own pages: the start page, information pages, health check and error pages
(public), the Prometheus endpoint for monitoring (metrics), and the back office's start page and
audit log (backoffice)."""
