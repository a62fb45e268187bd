"""Ways a form was pasted as text, each turned back into tab rows (one row a line, cells apart by
tabs) for the readers, every character keeping its origin in the original text.

normalise.py runs these passes; each module reads one pasting (a table turned sideways, a table
copied one column at a time from a PDF, a ruled ASCII grid…) and must prove the table it rebuilds
(titles it knows, cells that line up, arithmetic that holds) before it rewrites a line.
"""
