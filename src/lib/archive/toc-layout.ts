/**
 * Where each row of the archive's table of contents goes. Pure, so it can be checked without a PDF:
 * a long title wraps onto several lines, and the next row must start below its last line, not at a
 * fixed step (which drew the next row over the wrapped line).
 */
export type TocBox = {
  /** Where rows may start on the first contents page (below its heading) and on the pages after it. */
  firstTop: number;
  top: number;
  /** The lowest a row may reach on any page. */
  bottom: number;
  /** Space between rows. */
  gap: number;
};

export type TocRow = { page: number; y: number; height: number };

/** `heights` are the measured heights of the rows' labels; pages count from 0 (the first contents page). */
export function layoutToc(heights: readonly number[], box: TocBox): TocRow[] {
  const rows: TocRow[] = [];
  let page = 0;
  let y = box.firstTop;
  for (const height of heights) {
    const pageTop = page === 0 ? box.firstTop : box.top;
    // A row that does not fit goes to the next page, unless it is alone there (then it may run over).
    if (y + height > box.bottom && y > pageTop) {
      page += 1;
      y = box.top;
    }
    rows.push({ page, y, height });
    y += height + box.gap;
  }
  return rows;
}

/** How many pages the contents need (at least one, for its heading). */
export function tocPageCount(rows: readonly TocRow[]) {
  return rows.length ? rows[rows.length - 1].page + 1 : 1;
}
