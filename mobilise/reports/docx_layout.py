"""Column widths for the Word tables: every column at least as wide as its longest word, so
no reader (Word, LibreOffice) breaks a word inside ("Disagreem ent"); the rest of the text
width shared out by weight."""

CHAR_EM = 0.6  # a conservative average character width for Arial bold, in ems
MM_PER_PT = 25.4 / 72
CELL_PADDING_MM = 2 * 2.1  # Word's default cell margins: 0.08 inch on each side, and a little


def word_mm(word: str, size_pt: float) -> float:
    return len(word) * CHAR_EM * size_pt * MM_PER_PT


def least_width_mm(texts: list[str], size_pt: float, most_mm: float) -> float:
    """The width a column needs for its longest word, up to `most_mm` (a web address longer
    than half the page has to break somewhere)."""
    longest = max((word_mm(w, size_pt) for t in texts for w in t.split()), default=0)
    return min(longest + CELL_PADDING_MM, most_mm)


def column_widths(
    header: list[str], rows: list[list[str]], weights: list[float], total_mm: float, size_pt: float
) -> list[float]:
    least = [
        least_width_mm([title, *(row[i] for row in rows)], size_pt, total_mm / 2)
        for i, title in enumerate(header)
    ]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(header)) if i not in fixed]
        room = total_mm - sum(fixed.values())
        share = {i: room * weights[i] / sum(weights[j] for j in free) for i in free}
        narrow = {i: least[i] for i in free if share[i] < least[i]}
        if not narrow or len(narrow) == len(free):
            fixed.update(narrow)
            return [fixed.get(i, share.get(i, 0)) for i in range(len(header))]
        fixed.update(narrow)
