using System.Globalization;
using System.Text.Json.Nodes;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CostCalc.Web.Hosting;

/// <summary>
/// Documents every scenario field in the OpenAPI schema from <see cref="ScenarioFields"/> and
/// <see cref="ScenarioChoices"/>: its label, unit or values, source, paths, default and allowed
/// range, so the schema and the validator never disagree.
/// </summary>
/// <remarks>
/// A document transformer, run once the schemas are components: an enum-typed field (e.g. both purchase
/// options) is a <c>$ref</c> to one shared component, so its description and default go beside its own
/// <c>$ref</c>, never onto the component, where the last field written would describe them all.
/// </remarks>
internal sealed class ScenarioSchemaTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null || !schemas.TryGetValue(nameof(Scenario), out var found) || found is not OpenApiSchema schema || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        schema.Description = "A what-if scenario. Every field is optional; a missing field takes its default.";
        var defaults = System.Text.Json.JsonSerializer.SerializeToNode(Scenario.Default, JsonSetup.Options)!.AsObject();
        foreach (var (name, property) in schema.Properties)
        {
            var description = Describe(name);
            var value = defaults[name]?.DeepClone();
            switch (property)
            {
                case OpenApiSchemaReference reference:
                    reference.Reference.Description = description ?? reference.Reference.Description;
                    reference.Reference.Default = value;
                    break;
                case OpenApiSchema field:
                    field.Description = description ?? field.Description;
                    field.Default = value;
                    if (ScenarioFields.Find(name) is { } meta)
                    {
                        field.Minimum = meta.Min.ToString(CultureInfo.InvariantCulture);
                        field.Maximum = meta.Max.ToString(CultureInfo.InvariantCulture);
                    }

                    break;
            }
        }

        // List inputs have a converter of their own too: each is an array of objects with the list's members.
        foreach (var input in ScenarioLists.All)
        {
            if (schema.Properties.TryGetValue(input.Name, out var property))
            {
                var target = property switch
                {
                    OpenApiSchemaReference reference when reference.Reference.Id is { } id && schemas.TryGetValue(id, out var component) => component as OpenApiSchema,
                    OpenApiSchema inline => inline,
                    _ => null,
                };
                if (target is not null)
                {
                    DescribeList(target, input);
                }
            }
        }

        // The path list has a converter of its own, so its generated schema says nothing: it is an array of path ids.
        if (schemas.TryGetValue(nameof(PathList), out var list) && list is OpenApiSchema paths)
        {
            paths.Type = JsonSchemaType.Array;
            paths.Items = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. DeploymentPaths.BuiltIn.Select(p => (JsonNode)JsonValue.Create(p.Id))],
            };
        }

        return Task.CompletedTask;
    }

    private static void DescribeList(OpenApiSchema target, ScenarioList list)
    {
        target.Type = JsonSchemaType.Array;
        target.MaxItems = ScenarioList.MaxItems;
        target.Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalPropertiesAllowed = false,
            Required = new HashSet<string>(list.Columns.Where(c => !c.Optional).Select(c => c.Name)),
            Properties = list.Columns.ToDictionary(c => c.Name, c => (IOpenApiSchema)new OpenApiSchema
            {
                Type = c.Kind == ListColumnKind.Number ? JsonSchemaType.Number | JsonSchemaType.Null : JsonSchemaType.String,
                Description = c.Kind == ListColumnKind.Path
                    ? $"{c.Label}: {string.Join(", ", DeploymentPaths.BuiltIn.Select(p => p.Id))}."
                    : c.Unit.Length > 0 ? $"{c.Label} ({c.Unit})." : $"{c.Label}.",
            }),
        };
    }

    private static string? Describe(string name)
    {
        if (ScenarioLists.Find(name) is { } list)
        {
            return $"{list.Label}: a list of {{{string.Join(", ", list.Columns.Select(c => c.Name))}}} (at most {ScenarioList.MaxItems}). {list.ItemHelp} Source: {list.Source}.";
        }

        if (ScenarioFields.Find(name) is { } meta)
        {
            return $"{meta.Label} ({meta.Unit}){PathsText(meta.Paths)}. Default source: {meta.Source}.";
        }

        if (ScenarioChoices.Find(name) is { } choice)
        {
            var values = choice.Kind switch
            {
                ChoiceKind.List => " Values: " + string.Join(", ", choice.Values.Select(v => $"{v.Value} ({v.Label})")) + ".",
                ChoiceKind.InstanceType => " An instance type priced in the region (GET /api/instance-types).",
                _ => " A region code (GET /api/regions).",
            };
            return $"{choice.Label}{PathsText(choice.Paths)}.{values} Source: {choice.Source}.";
        }

        return name == ScenarioValidator.HiddenPathsField
            ? $"Ids of paths to leave out of the comparison (at least one must stay): {string.Join(", ", DeploymentPaths.BuiltIn.Select(p => $"{p.Id} ({p.Name})"))}."
            : null;
    }

    private static string PathsText(IReadOnlyList<string> paths) => paths.Count == 0 ? "" : $"; paths: {string.Join(", ", paths)}";
}
