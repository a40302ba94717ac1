"""Every write of the online-services engine, one function per use case, each audited."""
