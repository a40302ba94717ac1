"""Citizen pages of the online-services engine: catalogue, application, mailbox, my data."""
