using CostCalc.Domain.Capacity;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Capacity;

public class FargateShapeTests
{
    /// <summary>
    /// Requests (millicores, MiB) and the shape model.md §1.3 provisions after adding 256 MiB and rounding
    /// up to the nearest supported combination.
    /// </summary>
    public static TheoryData<int, int, double, double> Shapes => new()
    {
        // The doc's worked example: 1 vCPU + 8 GB → 8.25 GB → no 1 vCPU / 9 GB shape → 2 vCPU / 9 GB.
        { 1000, 8192, 2, 9 },

        // No request: 0.25 vCPU / 0.5 GB.
        { 0, 0, 0.25, 0.5 },

        // 0.25 vCPU: 0.5, 1, 2 GB.
        { 250, 256, 0.25, 0.5 },
        { 250, 257, 0.25, 1 },
        { 250, 1536, 0.25, 2 },
        { 250, 1793, 0.5, 3 },

        // 0.5 vCPU: 1–4 GB. 3.75 GiB + 256 MiB = exactly 4 GB.
        { 500, 512, 0.5, 1 },
        { 500, 3840, 0.5, 4 },
        { 500, 3841, 1, 5 },

        // 1 vCPU: 2–8 GB; 1.25 GB rounds up to the 2 GB minimum.
        { 1000, 1024, 1, 2 },
        { 1000, 7936, 1, 8 },
        { 1001, 1024, 2, 4 },

        // 2 vCPU: 4–16 GB, 1 GB steps.
        { 2000, 16128, 2, 16 },
        { 2000, 16129, 4, 17 },

        // 4 vCPU: 8–30 GB; 30 GB requested + 256 MiB does not fit → 8 vCPU, 16–60 GB in 4 GB steps → 32 GB.
        { 4000, 29952, 4, 30 },
        { 4000, 30720, 8, 32 },

        // 8 vCPU: 16–60 GB in 4 GB steps.
        { 8000, 1024, 8, 16 },
        { 8000, 16641, 8, 20 },
        { 8000, 61184, 8, 60 },

        // 16 vCPU: 32–120 GB in 8 GB steps.
        { 16000, 61440, 16, 64 },
        { 16000, 122624, 16, 120 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void For_Request_RoundsUpToSupportedShape(int cpuMillicores, int memoryMiB, double vcpu, double memoryGb)
    {
        var shape = FargateShape.For(cpuMillicores, memoryMiB);

        Assert.NotNull(shape);
        Assert.Equal(vcpu, shape.Value.Vcpu);
        Assert.Equal(memoryGb, shape.Value.MemoryGb);
    }

    [Theory]
    // 16 vCPU / 120 GB is the largest shape: anything that needs more does not fit.
    [InlineData(16000, 120 * 1024)]
    [InlineData(16000, 122625)]
    [InlineData(16001, 1024)]
    [InlineData(32000, 1024)]
    public void For_LargerThan16VcpuOr120Gb_IsNull(int cpuMillicores, int memoryMiB)
    {
        Assert.Null(FargateShape.For(cpuMillicores, memoryMiB));
    }

    [Fact]
    public void AddedMemoryMiB_Constant_Is256()
    {
        Assert.Equal(256, FargateShape.AddedMemoryMiB);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void For_RandomRequest_ShapeHoldsRequestAndIsSupported(int seed)
    {
        var random = new Random(seed);
        var cpu = random.Next(0, 16_001);
        var memory = random.Next(0, 122_625);

        var shape = FargateShape.For(cpu, memory);

        Assert.NotNull(shape);
        var (vcpu, gb) = (shape.Value.Vcpu, shape.Value.MemoryGb);
        Assert.True(vcpu * 1000 >= cpu, $"{vcpu} vCPU < {cpu}m");
        Assert.True(gb * 1024 >= memory + 256, $"{gb} GB < {memory} MiB + 256");
        Assert.True(IsSupported(vcpu, gb), $"{vcpu} vCPU / {gb} GB is not in the model.md §1.3 table");

        // Smallest: the next smaller memory option of the same vCPU would not hold the request.
        var step = vcpu switch { 8 => 4, 16 => 8, 0.25 when gb == 1 => 0.5, _ => 1 };
        if (IsSupported(vcpu, gb - step))
        {
            Assert.True((gb - step) * 1024 < memory + 256, $"{vcpu} vCPU / {gb - step} GB would have held it");
        }
    }

    /// <summary>The model.md §1.3 table, written out.</summary>
    private static bool IsSupported(double vcpu, double gb) => vcpu switch
    {
        0.25 => gb is 0.5 or 1 or 2,
        0.5 => gb is >= 1 and <= 4 && gb % 1 == 0,
        1 => gb is >= 2 and <= 8 && gb % 1 == 0,
        2 => gb is >= 4 and <= 16 && gb % 1 == 0,
        4 => gb is >= 8 and <= 30 && gb % 1 == 0,
        8 => gb is >= 16 and <= 60 && gb % 4 == 0,
        16 => gb is >= 32 and <= 120 && gb % 8 == 0,
        _ => false,
    };
}
