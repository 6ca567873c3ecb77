using CostCalc.Web.Documentation;

namespace CostCalc.Web.Tests.Documentation;

public sealed class ModelDocumentTests
{
    [Fact]
    public void ReadEmbedded_Assembly_IsTheRepositorysModelDocument()
    {
        var markdown = ModelDocument.ReadEmbedded();

        Assert.StartsWith("# CostCalc model", markdown, StringComparison.Ordinal);
        Assert.Contains("### 4.3 Schedulers and CPU quota", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_NumberedHeadings_GetSectionIds()
    {
        var html = ModelDocument.ToHtml("# Title\n\n## 4. BEAM capacity\n\n### 4.3 Schedulers and CPU quota\n\n## Contents\n");

        Assert.Contains("<h2 id=\"s4\">4. BEAM capacity</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"s4-3\">4.3 Schedulers and CPU quota</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"contents\">Contents</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"title\">Title</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_FragmentLinks_PointToTheSectionOnTheModelPage()
    {
        var html = ModelDocument.ToHtml("- [§4 BEAM capacity](#4-beam-capacity)\n- [Contents](#contents)\n\n## Contents\n\n## 4. BEAM capacity\n");

        Assert.Contains("<a href=\"/model#s4\">§4 BEAM capacity</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/model#contents\">Contents</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SectionReferences_BecomeLinksWhereTheSectionExists()
    {
        var html = ModelDocument.ToHtml("## 2. Overhead\n\n### 2.1 Reserved\n\nSee §2.1–§2.3 and (§2), not `§2.1` nor §N.N.\n");

        Assert.Contains("<p>See <a href=\"/model#s2-1\">§2.1</a>–§2.3 and (<a href=\"/model#s2\">§2</a>), not <code>§2.1</code> nor §N.N.</p>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_RawHtml_IsEscaped()
    {
        var html = ModelDocument.ToHtml("<script>alert(1)</script>\n\nText with <b onclick=\"x\">inline</b> HTML.\n");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ModelDocument_HasEveryPartOfTheDocument()
    {
        var html = ModelDocument.Html;

        Assert.Same(html, ModelDocument.Html);
        foreach (var id in new[] { "s1", "s1-1", "s2-4", "s4-3", "s5-5", "s7-8", "s9" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/model#s1\">§1 AWS prices</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/model#s5-5\">§5.5</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#", html, StringComparison.Ordinal);
    }
}
