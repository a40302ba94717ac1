"""Pages of the online-services engine: for citizens catalogue, application, mailbox, files and
payments; for staff the back office (backoffice/)."""
