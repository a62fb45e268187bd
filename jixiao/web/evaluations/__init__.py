"""Evaluation rounds, submissions with versioned dossiers, the review workflow and its audit trail."""
