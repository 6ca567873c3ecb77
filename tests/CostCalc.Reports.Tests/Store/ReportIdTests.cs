using CostCalc.Reports.Store;

namespace CostCalc.Reports.Tests.Store;

public sealed class ReportIdTests
{
    [Fact]
    public void New_Always_Is22UrlSafeCharactersAndValid()
    {
        for (var i = 0; i < 1000; i++)
        {
            var id = ReportId.New();

            Assert.Equal(22, id.Length);
            Assert.Matches("^[A-Za-z0-9_-]{22}$", id);
            Assert.True(ReportId.IsValid(id), id);
        }
    }

    [Fact]
    public void New_ManyIds_AreAllDistinct()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => ReportId.New()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(100_000, ids.Count);
    }

    [Fact]
    public void New_EveryBit_IsSetInAboutHalfOfTheIds()
    {
        // 128 independent fair bits: over 4,000 ids each bit is set 2,000 ± 6σ (σ ≈ 32) times.
        const int samples = 4000;
        var counts = new int[128];
        for (var i = 0; i < samples; i++)
        {
            var bytes = Convert.FromBase64String(ReportId.New().Replace('-', '+').Replace('_', '/') + "==");
            for (var bit = 0; bit < 128; bit++)
            {
                counts[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
        }

        Assert.All(counts, c => Assert.InRange(c, 1800, 2200));
    }

    [Fact]
    public void Encode_ZeroBytes_IsAllA()
    {
        Assert.Equal(new string('A', 22), ReportId.Encode(new byte[16]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA+A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA/A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA=A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAé")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("1' OR '1'='1'--xxxxxxx")]
    public void IsValid_NotCanonical_IsFalse(string? id)
    {
        Assert.False(ReportId.IsValid(id));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("_____________________w")]
    [InlineData("abc-_0123456789XYZxyzQ")]
    public void IsValid_Canonical_IsTrue(string id)
    {
        Assert.True(ReportId.IsValid(id));
    }
}
