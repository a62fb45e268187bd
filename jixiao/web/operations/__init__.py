"""Operations of the platform itself: backup and restore (database records and uploaded files)."""
