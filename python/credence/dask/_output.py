"""What a ranking job gives its user besides the rows: the columns of its
CSV output and the summary of rows read, ranked and rejected."""

RANKED = ("rank", "id", "score", "backing", "cue_category", "cue", "text")
HEADER = ",".join(RANKED) + "\n"


class Summary:
    """Rows read (bad ones included), ranked and rejected, and the
    messages of the rejected ones, as credence rank counts them."""

    def __init__(self, stats):
        self.read = sum(s[0] for s in stats)
        self.messages = [m for s in stats for m in s[1]]
        self.rejected = len(self.messages)
        self.ranked = self.read - self.rejected

    def __str__(self):
        return (f"read {self.read} rows, ranked {self.ranked}, rejected "
                f"{self.rejected}")
