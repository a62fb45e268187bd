"""The REST API (django-ninja) under /api/, schema at /api/openapi.json, token authentication."""
