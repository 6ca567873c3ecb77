using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Reports.Pdf;

/// <summary>The last sections: every input with its unit and source, then where the report lives.</summary>
internal sealed partial class ReportWriter
{
    private void Inputs()
    {
        var table = new PdfTable([new("Input", 0.31f), new("Value", 0.24f), new("Source of the default", 0.45f) { Small = true }]);
        foreach (var group in ScenarioInputs.Of(estimate.Scenario).GroupBy(r => r.Group))
        {
            table.AddGroup(ScenarioInputs.GroupName(group.Key));
            foreach (var row in group)
            {
                table.Add(row.Label, new TableCell(row.Value, row.IsDefault ? null : $"default {row.DefaultValue}"), row.Source);
            }
        }

        var intro = PdfTheme.Body.WithColor(PdfTheme.Secondary);
        const string text = "Every input that matters to this estimate, with its unit and the source of its default "
            + "(inputs of hidden paths and of options not in use are left out). "
            + "Where a value differs from the calculator's default, the default is shown under it.";
        Heading("Inputs and assumptions", keepWithNext: (type.Wrap(text, intro, flow.Width).Count * intro.LineHeight) + 4 + table.MeasureStart(flow, type));
        Paragraph(text, intro);
        table.Draw(flow, type);
    }

    private void Closing()
    {
        Heading(options.ReportLink is null ? "About this export" : "Report link", keepWithNext: 40);
        if (options.ReportLink is { } link)
        {
            var style = PdfTheme.Body.WithColor(PdfTheme.Link);
            var left = flow.Left;
            foreach (var line in type.Wrap(link, style, flow.Width))
            {
                flow.Ensure(style.LineHeight);
                var y = flow.Y;
                flow.Draw(c => Link(c, link, line, left, y + type.Baseline(style), style));
                flow.Advance(style.LineHeight);
            }

            flow.Advance(4);
            Paragraph("The link opens the saved report, which shows these numbers unchanged for as long as it is kept.", PdfTheme.Body);
        }
        else
        {
            Paragraph("This PDF was exported from the calculator and not saved, so it has no report link. "
                + "Save the report in CostCalc to get a link that shows these numbers unchanged.", PdfTheme.Body);
        }

        Paragraph($"Prices: {options.PricesSource}, snapshot {estimate.SnapshotId}, as of {Formats.Date(estimate.PricesAsOf)}. "
            + "Estimates are monthly, at 730 hours a month, in USD before tax.", PdfTheme.Body.WithColor(PdfTheme.Secondary));
    }
}
