using CostCalc.Web.Comparing;

namespace CostCalc.Web.Tests.Comparing;

public sealed class CompareLinkTests
{
    [Fact]
    public void Parse_ReadsEveryPinInOrder_WithTheLabelAfterIt()
    {
        var pins = CompareLink.Parse("?s=v%3D1%26peakConnections%3D5000&n=Small%20one&r=ABCDEFGHIJKLMNOPQRSTUV&s=&other=1");

        Assert.Equal(
            [new Pin(PinKind.Scenario, "v=1&peakConnections=5000", "Small one"), new Pin(PinKind.Report, "ABCDEFGHIJKLMNOPQRSTUV"), new Pin(PinKind.Scenario, "")],
            pins);
    }

    [Fact]
    public void Encode_ThenParse_GivesTheSamePins()
    {
        Pin[] pins = [new(PinKind.Scenario, "v=1&ec2PurchaseOption=spot", "Spot & NLB"), new(PinKind.Scenario, ""), new(PinKind.Report, "ABCDEFGHIJKLMNOPQRSTUV", "Q3")];

        Assert.Equal(pins, CompareLink.Parse(CompareLink.Encode(pins)));
    }

    [Fact]
    public void AScenarioOfASavedComparison_IsReadAfterItsReport_AndWrittenBack()
    {
        var pins = CompareLink.Parse("r=ABCDEFGHIJKLMNOPQRSTUV&n=Q3&i=2&s=&i=3&r=ABCDEFGHIJKLMNOPQRSTUV&i=x&i=4");

        // i= belongs to the report before it (s= has none); an i= that is no whole number from 1 reads as 0; a second i= is ignored.
        Assert.Equal(
            [new Pin(PinKind.Report, "ABCDEFGHIJKLMNOPQRSTUV", "Q3", 2), new Pin(PinKind.Scenario, ""), new Pin(PinKind.Report, "ABCDEFGHIJKLMNOPQRSTUV", null, 0)],
            pins);
        Assert.Equal("r=ABCDEFGHIJKLMNOPQRSTUV&i=2&n=Q3&s=&r=ABCDEFGHIJKLMNOPQRSTUV&i=0", CompareLink.Encode(pins));
    }

    [Fact]
    public void FiveOrMorePins_AreAllKept_ForThePageToExplain() =>
        Assert.Equal(5, CompareLink.Parse("s=&s=&s=&s=&s=").Count);

    [Fact]
    public void RemoveAndMakeFirst_RewriteTheOrder()
    {
        Pin[] pins = [new(PinKind.Scenario, "a"), new(PinKind.Scenario, "b"), new(PinKind.Scenario, "c")];

        Assert.Equal("/compare?s=a&s=c", CompareLink.Without(pins, 1));
        Assert.Equal("/compare?s=c&s=a&s=b", CompareLink.First(pins, 2));
        Assert.Equal("/compare", CompareLink.To([]));
    }

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUV")]
    [InlineData(" https://costcalc.example.com/r/ABCDEFGHIJKLMNOPQRSTUV ")]
    [InlineData("http://127.0.0.1:5000/r/ABCDEFGHIJKLMNOPQRSTUV?reprice=today#reprice-panel")]
    [InlineData("/r/ABCDEFGHIJKLMNOPQRSTUV.pdf")]
    public void AReportPin_TakesTheIdOutOfAPastedLink(string pasted) =>
        Assert.Equal("ABCDEFGHIJKLMNOPQRSTUV", CompareLink.ReportIdOf(pasted));
}
