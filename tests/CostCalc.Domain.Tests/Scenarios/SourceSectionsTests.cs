using System.Reflection;
using System.Text.RegularExpressions;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Scenarios;

public sealed partial class SourceSectionsTests
{
    /// <summary>Every public string constant of <see cref="Sources"/>, by name.</summary>
    public static TheoryData<string> SourceNames()
    {
        var names = new TheoryData<string>();
        foreach (var field in SourceFields())
        {
            names.Add(field.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public void SectionOf_EverySource_IsAHeadingOfTheModelDocument(string name)
    {
        var source = (string)typeof(Sources).GetField(name)!.GetRawConstantValue()!;

        var section = SourceSections.SectionOf(source);

        Assert.True(section is not null, $"Sources.{name} has no model section in SourceSections");
        Assert.True(ModelSections().Contains(section),
            $"Sources.{name} points to §{section}, but docs/model.md has no heading numbered {section}");
    }

    [Fact]
    public void SectionOf_TextThatIsNoSource_IsNull()
    {
        Assert.Null(SourceSections.SectionOf("2 × m6i.large at $0.096/h"));
        Assert.Null(SourceSections.SectionOf(""));
    }

    [Theory]
    [InlineData("1.1", "s1-1")]
    [InlineData("4.3", "s4-3")]
    [InlineData("6", "s6")]
    public void Anchor_Section_IsSPrefixedWithDashes(string section, string anchor)
    {
        Assert.Equal(anchor, SourceSections.Anchor(section));
    }

    private static IEnumerable<FieldInfo> SourceFields() =>
        typeof(Sources).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string));

    // "## 4. BEAM capacity" → "4", "### 4.3 Schedulers and CPU quota" → "4.3".
    private static HashSet<string> ModelSections() =>
        File.ReadLines(RepoFiles.ModelDocument)
            .Select(line => NumberedHeading().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["number"].Value)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^#{2,6} (?<number>\d+(?:\.\d+)*)\.? ")]
    private static partial Regex NumberedHeading();
}
