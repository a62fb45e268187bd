"""Use of results (结果应用) and mid-year monitoring (运行监控): the finance bureau's decision on a
report's budget consequences, rectification items (整改) and their progress, monitoring snapshots."""
