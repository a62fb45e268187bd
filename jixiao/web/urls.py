"""URL map: the app under /, the public portal under /portal/, the API under /api/, admin."""

urlpatterns: list = []
