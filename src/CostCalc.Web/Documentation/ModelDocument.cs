using System.Text.RegularExpressions;
using CostCalc.Domain.Scenarios;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CostCalc.Web.Documentation;

/// <summary>
/// The model document (docs/model.md, embedded in this assembly) as HTML for the "Model &amp; sources" page.
/// Rendered once per process: every circuit shows the same string.
/// </summary>
/// <remarks>
/// Numbered headings get the ids the calculator's source links use (<see cref="SourceSections.Anchor"/>):
/// "## 4. BEAM capacity" → s4, "### 4.3 Schedulers and CPU quota" → s4-3. Other headings keep Markdig's
/// GitHub-style id. Links within the document ("#1-aws-prices") and "§4.3" references in its text point to
/// those ids on /model: with the app's &lt;base href="/"&gt;, a bare "#…" would open the calculator instead.
/// Raw HTML is not passed through: the document needs none, and its text is escaped like any other.
/// </remarks>
public static partial class ModelDocument
{
    /// <summary>The page the document is shown on.</summary>
    public const string PagePath = "/model";

    internal const string ResourceName = "CostCalc.Web.Documentation.model.md";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    private static readonly Lazy<string> RenderedHtml = new(() => ToHtml(ReadEmbedded()));

    /// <summary>The document's HTML, rendered on first use.</summary>
    public static string Html => RenderedHtml.Value;

    /// <summary>The link to a model section ("4.3" → "/model#s4-3").</summary>
    public static string LinkTo(string section) => PagePath + "#" + SourceSections.Anchor(section);

    /// <summary>Markdown to HTML with the page's heading ids and links (see the remarks on the class).</summary>
    internal static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var sections = NumberHeadings(document);
        RetargetFragmentLinks(document, sections);
        LinkSectionReferences(document, sections);
        return document.ToHtml(Pipeline);
    }

    internal static string ReadEmbedded()
    {
        using var stream = typeof(ModelDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly lacks the embedded resource {ResourceName} (docs/model.md).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Gives each numbered heading its section id; returns the sections found and the ids Markdig had given them.</summary>
    private static Sections NumberHeadings(MarkdownDocument document)
    {
        var sections = new Sections();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            var match = NumberedHeading().Match(PlainText(heading.Inline));
            if (match.Success)
            {
                var section = match.Groups["number"].Value;
                var anchor = SourceSections.Anchor(section);
                if (attributes.Id is { } autoId)
                {
                    sections.AnchorByAutoId[autoId] = anchor;
                }

                sections.AnchorBySection[section] = anchor;
                attributes.Id = anchor;
            }

            if (attributes.Id is { } id && !ids.Add(id))
            {
                throw new InvalidOperationException($"docs/model.md: two headings have the id \"{id}\"");
            }
        }

        return sections;
    }

    /// <summary>"#1-aws-prices" → "/model#s1"; a fragment of an unnumbered heading keeps its id, on /model.</summary>
    private static void RetargetFragmentLinks(MarkdownDocument document, Sections sections)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { Length: > 1 } url && url[0] == '#')
            {
                var fragment = url[1..];
                link.Url = PagePath + "#" + sections.AnchorByAutoId.GetValueOrDefault(fragment, fragment);
            }
        }
    }

    /// <summary>"§4.3" in the text becomes a link to that section, where the document has it (never inside a link or code).</summary>
    private static void LinkSectionReferences(MarkdownDocument document, Sections sections)
    {
        var literals = document.Descendants<LiteralInline>()
            .Where(l => !l.ContainsParentOfType<LinkInline>() && l.Content.IndexOf('§') >= 0)
            .ToList();
        foreach (var literal in literals)
        {
            var text = literal.Content.ToString();
            var matches = SectionReference().Matches(text)
                .Where(m => sections.AnchorBySection.ContainsKey(m.Groups["number"].Value))
                .ToList();
            if (matches.Count == 0)
            {
                continue;
            }

            // The literal keeps the text before the first reference; each link and the text after it follow.
            literal.Content = new StringSlice(text[..matches[0].Index]);
            Inline last = literal;
            for (var i = 0; i < matches.Count; i++)
            {
                var match = matches[i];
                var link = new LinkInline(PagePath + "#" + sections.AnchorBySection[match.Groups["number"].Value], "");
                link.AppendChild(new LiteralInline(match.Value));
                last = Append(last, link);
                var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
                var after = match.Index + match.Length;
                if (end > after)
                {
                    last = Append(last, new LiteralInline(text[after..end]));
                }
            }
        }
    }

    private static Inline Append(Inline after, Inline next)
    {
        after.InsertAfter(next);
        return next;
    }

    private static string PlainText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    // "4. BEAM capacity" → 4, "4.3 Schedulers…" → 4.3: a number, an optional dot, then a space.
    [GeneratedRegex(@"^(?<number>\d+(?:\.\d+)*)\.?\s")]
    private static partial Regex NumberedHeading();

    // "§4.3", "§7" (not the "§N.N" of the introduction).
    [GeneratedRegex(@"§(?<number>\d+(?:\.\d+)?)")]
    private static partial Regex SectionReference();

    private sealed class Sections
    {
        public Dictionary<string, string> AnchorByAutoId { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> AnchorBySection { get; } = new(StringComparer.Ordinal);
    }
}
