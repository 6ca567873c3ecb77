using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>A column: its header, its share of the table's width, alignment, an optional header colour, and small type.</summary>
internal sealed record TableColumn(string Header, float Weight, TextAlign Align = TextAlign.Left, SKColor? HeaderColor = null)
{
    /// <summary>Secondary text (sources, explanations) in smaller grey type.</summary>
    public bool Small { get; init; }
}

/// <summary>A cell's text and an optional smaller grey note under it (a source, a default).</summary>
internal sealed record TableCell(string Text, string? Note = null)
{
    public static implicit operator TableCell(string text) => new(text);
}

internal enum RowKind
{
    Body,

    /// <summary>Bold with a rule above: a sum of the rows before it.</summary>
    Total,

    /// <summary>One bold cell across the whole table that names the rows after it.</summary>
    Group,
}

internal sealed record TableRow(IReadOnlyList<TableCell> Cells, RowKind Kind = RowKind.Body);

/// <summary>
/// A table that wraps text inside its cells and flows across pages: a row never splits, and the
/// header row is repeated at the top of every page the table continues on.
/// </summary>
internal sealed class PdfTable(IReadOnlyList<TableColumn> columns, SKColor? accent = null)
{
    private readonly float _padX = 5;

    private readonly float _padY = 3.2f;

    private readonly List<TableRow> _rows = [];

    public IReadOnlyList<TableColumn> Columns => columns;

    /// <summary>Tighter rows and cells, for long tables of numbers.</summary>
    public bool Dense
    {
        get => _padY < 3;
        init => (_padX, _padY) = value ? (3.5f, 1.9f) : (5f, 3.2f);
    }

    /// <summary>Starts the table on a new page rather than split it, if it fits on one page.</summary>
    public bool KeepTogether { get; init; }

    public void Add(params TableCell[] cells) => _rows.Add(new TableRow(cells));

    public void AddTotal(params TableCell[] cells) => _rows.Add(new TableRow(cells, RowKind.Total));

    public void AddGroup(string title) => _rows.Add(new TableRow([title], RowKind.Group));

    /// <summary>The height of the whole table if it were drawn in one piece.</summary>
    public float Measure(PageFlow flow, Typesetter type)
    {
        var xs = ColumnEdges(flow);
        return Layout(new TableRow([.. columns.Select(c => new TableCell(c.Header))]), xs, type, isHeader: true).Height
            + _rows.Sum(r => Layout(r, xs, type, isHeader: false).Height);
    }

    /// <summary>The height of the header and the first row (with the row after it if the first names a group): what must fit to start the table.</summary>
    public float MeasureStart(PageFlow flow, Typesetter type)
    {
        var xs = ColumnEdges(flow);
        var header = Layout(new TableRow([.. columns.Select(c => new TableCell(c.Header))]), xs, type, isHeader: true);
        return header.Height + Start([.. _rows.Take(2).Select(r => Layout(r, xs, type, isHeader: false))]);
    }

    public void Draw(PageFlow flow, Typesetter type)
    {
        var xs = ColumnEdges(flow);
        var header = Layout(new TableRow([.. columns.Select(c => new TableCell(c.Header))]), xs, type, isHeader: true);
        header = header with
        {
            Cells = [.. header.Cells.Select((c, i) => columns[i].HeaderColor is { } color ? c with { Style = c.Style.WithColor(color) } : c)],
        };
        var rows = _rows.Select(r => Layout(r, xs, type, isHeader: false)).ToList();

        var whole = header.Height + rows.Sum(r => r.Height);
        flow.Ensure(KeepTogether && whole <= flow.Bottom - flow.Top ? whole : header.Height + Start(rows));
        DrawRow(flow, type, header, xs, 0);
        var striped = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var keep = row.Row.Kind == RowKind.Group && i + 1 < rows.Count ? rows[i + 1].Height : 0;
            if (row.Height + keep > flow.Remaining)
            {
                flow.NewPage();
                DrawRow(flow, type, header, xs, 0);
            }

            striped = row.Row.Kind == RowKind.Body ? striped + 1 : 0;
            DrawRow(flow, type, row, xs, striped);
        }
    }

    private static float Start(IReadOnlyList<LaidOutRow> rows) =>
        rows.Count == 0 ? 0 : rows[0].Height + (rows[0].Row.Kind == RowKind.Group && rows.Count > 1 ? rows[1].Height : 0);

    private float[] ColumnEdges(PageFlow flow)
    {
        var total = columns.Sum(c => c.Weight);
        var edges = new float[columns.Count + 1];
        edges[0] = flow.Left;
        for (var i = 0; i < columns.Count; i++)
        {
            edges[i + 1] = edges[i] + (flow.Width * columns[i].Weight / total);
        }

        edges[^1] = flow.Right;
        return edges;
    }

    private LaidOutRow Layout(TableRow row, float[] xs, Typesetter type, bool isHeader)
    {
        var rowStyle = isHeader ? PdfTheme.TableHeader : row.Kind == RowKind.Body ? PdfTheme.Cell : PdfTheme.Cell.AsBold();
        var cells = new List<LaidOutCell>();
        var height = 0f;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var textStyle = !isHeader && row.Kind == RowKind.Body && columns[i].Small ? PdfTheme.SmallCell : rowStyle;
            var right = row.Kind == RowKind.Group ? xs[^1] : xs[i + 1];
            var width = right - xs[i] - (2 * _padX);
            var lines = type.Wrap(row.Cells[i].Text, textStyle, width);
            var notes = row.Cells[i].Note is { Length: > 0 } note ? type.Wrap(note, PdfTheme.Note, width) : [];
            cells.Add(new LaidOutCell(lines, notes, textStyle));
            height = Math.Max(height, (lines.Count * textStyle.LineHeight) + (notes.Count * PdfTheme.Note.LineHeight));
        }

        return new LaidOutRow(row, cells, height + (2 * _padY) + (row.Kind == RowKind.Group ? 3 : 0), isHeader);
    }

    private void DrawRow(PageFlow flow, Typesetter type, LaidOutRow row, float[] xs, int striped)
    {
        var top = flow.Y;
        var left = xs[0];
        var right = xs[^1];
        var accentColor = accent;
        flow.Draw(canvas =>
        {
            var box = new SKRect(left, top, right, top + row.Height);
            if (row.IsHeader)
            {
                canvas.DrawRect(box, type.Fill(PdfTheme.HeaderFill));
                if (accentColor is { } color)
                {
                    canvas.DrawRect(new SKRect(left, top, right, top + 1.6f), type.Fill(color));
                }
            }
            else if (row.Row.Kind == RowKind.Group)
            {
                canvas.DrawLine(left, box.Bottom, right, box.Bottom, type.Stroke(PdfTheme.Rule, 0.6f));
            }
            else if (row.Row.Kind == RowKind.Total)
            {
                canvas.DrawLine(left, top, right, top, type.Stroke(PdfTheme.Secondary, 0.8f));
            }
            else if (striped % 2 == 0)
            {
                canvas.DrawRect(box, type.Fill(PdfTheme.Zebra));
            }

            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var align = row.Row.Kind == RowKind.Group ? TextAlign.Left : columns[i].Align;
                var x = align == TextAlign.Right ? xs[i + 1] - _padX : xs[i] + _padX;
                var y = top + _padY + (row.Row.Kind == RowKind.Group ? 3 : 0);
                foreach (var line in cell.Lines)
                {
                    type.Draw(canvas, line, x, y + type.Baseline(cell.Style), cell.Style, align);
                    y += cell.Style.LineHeight;
                }

                foreach (var line in cell.Notes)
                {
                    type.Draw(canvas, line, x, y + type.Baseline(PdfTheme.Note), PdfTheme.Note, align);
                    y += PdfTheme.Note.LineHeight;
                }
            }

            if (row.IsHeader)
            {
                canvas.DrawLine(left, box.Bottom, right, box.Bottom, type.Stroke(PdfTheme.Rule, 0.6f));
            }
        });
        flow.Advance(row.Height);
    }

    private sealed record LaidOutCell(IReadOnlyList<string> Lines, IReadOnlyList<string> Notes, TextStyle Style);

    private sealed record LaidOutRow(TableRow Row, IReadOnlyList<LaidOutCell> Cells, float Height, bool IsHeader);
}
