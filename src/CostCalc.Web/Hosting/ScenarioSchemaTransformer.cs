using System.Globalization;
using CostCalc.Domain.Scenarios;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CostCalc.Web.Hosting;

/// <summary>
/// Documents every scenario field in the OpenAPI schema from <see cref="ScenarioFields"/>: its
/// label, unit, source, default and allowed range, so the schema and the validator never disagree.
/// </summary>
internal sealed class ScenarioSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(Scenario) || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        schema.Description = "A what-if scenario. Every field is optional; a missing field takes its default.";
        var defaults = System.Text.Json.JsonSerializer.SerializeToNode(Scenario.Default, JsonSetup.Options)!.AsObject();
        foreach (var (name, property) in schema.Properties)
        {
            if (property is not OpenApiSchema field)
            {
                continue;
            }

            field.Default = defaults[name]?.DeepClone();
            if (ScenarioFields.Find(name) is { } meta)
            {
                field.Description = $"{meta.Label} ({meta.Unit}). Default source: {meta.Source}.";
                field.Minimum = meta.Min.ToString(CultureInfo.InvariantCulture);
                field.Maximum = meta.Max.ToString(CultureInfo.InvariantCulture);
            }
        }

        return Task.CompletedTask;
    }
}
