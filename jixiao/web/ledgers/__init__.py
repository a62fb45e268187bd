"""Evidence ledgers in the web: a unit's records of its work, entered as it happens."""
