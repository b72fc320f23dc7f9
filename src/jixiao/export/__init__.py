"""What a reviewer reads: audit results as an HTML review page and an 审核意见表 (xlsx)."""
