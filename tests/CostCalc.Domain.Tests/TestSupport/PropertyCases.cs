namespace CostCalc.Domain.Tests.TestSupport;

/// <summary>Seeds for property tests: each case builds its inputs from <c>new Random(seed)</c>, so a failure replays.</summary>
public static class PropertyCases
{
    public const int Count = 200;

    public static TheoryData<int> Seeds { get; } = Build();

    private static TheoryData<int> Build()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < Count; seed++)
        {
            data.Add(seed);
        }

        return data;
    }
}
