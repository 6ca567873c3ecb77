using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Tests;

public sealed class SliceStyleTests
{
    [Fact]
    public void FreeCapacity_IsNeutralGrey()
    {
        var hex = SliceStyle.Colour(SliceStyle.Free).TrimStart('#');
        var (r, g, b) = (Convert.ToInt32(hex[..2], 16), Convert.ToInt32(hex[2..4], 16), Convert.ToInt32(hex[4..], 16));

        // Grey: the channels lie within a few steps of each other (no hue to read as an alarm).
        Assert.True(Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) <= 16, hex);
    }

    [Fact]
    public void EveryShareTheBuiltInPathsDraw_HasItsOwnColour()
    {
        var estimate = Fixture.Estimate(Scenario.Default);
        var names = estimate.Paths.SelectMany(p => p.Memory.Slices.Concat(p.Cpu.Slices)).Select(s => s.Name).Distinct().ToList();

        Assert.Contains(SliceStyle.Free, names);
        Assert.Equal(names.Count, names.Select(SliceStyle.Colour).Distinct().Count());
    }

    [Fact]
    public void AnUnknownShare_KeepsOneColour() =>
        Assert.Equal(SliceStyle.Colour("ECS agent"), SliceStyle.Colour("ECS agent"));
}
