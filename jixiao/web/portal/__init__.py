"""The public portal: published reports by year and department, searchable, no login."""
