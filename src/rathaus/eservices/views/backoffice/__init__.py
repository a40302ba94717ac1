"""Back-office pages of the engine: inbox, case processing, service and form builder, payments."""
