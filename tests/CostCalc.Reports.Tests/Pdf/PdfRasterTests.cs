using System.Diagnostics;
using CostCalc.Domain.Scenarios;
using SkiaSharp;

namespace CostCalc.Reports.Tests.Pdf;

/// <summary>
/// Renders page 1 with poppler's pdftoppm, as an independent reader would, and checks it has ink.
/// pdftoppm comes from poppler-utils, which .ci/run installs; without it this test fails, on purpose.
/// </summary>
public sealed class PdfRasterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("costcalc-pdf-").FullName;

    [Fact]
    public async Task Page_one_renders_to_a_png_that_is_not_blank()
    {
        var pdfPath = Path.Combine(_folder, "report.pdf");
        await File.WriteAllBytesAsync(pdfPath, PdfSamples.Render(Scenario.Default, PdfSamples.Link));

        var (exitCode, stderr) = await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdfPath, Path.Combine(_folder, "page1"));
        Assert.True(exitCode == 0, $"pdftoppm failed ({exitCode}): {stderr}");

        using var bitmap = SKBitmap.Decode(Path.Combine(_folder, "page1.png"));
        Assert.NotNull(bitmap);
        Assert.InRange(bitmap.Width, 494, 498);
        var ink = 0;
        var colour = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red < 200 || pixel.Green < 200 || pixel.Blue < 200)
                {
                    ink++;
                }

                if (Math.Abs(pixel.Red - pixel.Blue) > 80)
                {
                    colour++;
                }
            }
        }

        var total = bitmap.Width * bitmap.Height;
        Assert.True(ink > total / 50, $"only {ink} of {total} pixels have ink: page 1 looks blank");
        Assert.True(colour > total / 400, $"only {colour} of {total} pixels are coloured: the path charts and cards are missing");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int ExitCode, string Stderr)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{program} is not installed ({e.Message}). Install poppler-utils (apt-get install poppler-utils); .ci/run does.");
            throw;
        }

        using (process)
        {
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, stderr);
        }
    }
}
