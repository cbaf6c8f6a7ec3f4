using System.Text.Json.Nodes;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Engine;

/// <summary>Asks the engine to open a case on the latest definition version the brand sees.</summary>
/// <param name="DefinitionKey">e.g. <c>complaint</c>.</param>
/// <param name="BrandId">The dealer's brand: picks the brand's published version and HQ's parameter settings.</param>
/// <param name="DealerId">The dealer: its parameter overrides, calendar and staff.</param>
/// <param name="SubjectId">Whom the case is about (the consumer's id), if anyone.</param>
/// <param name="Data">The initial case data, validated by the feature.</param>
/// <param name="IdempotencyKey">Per dealer: a retried start with the same key returns the first case.</param>
/// <param name="Actor">Who starts it, for the history.</param>
/// <param name="BusinessKey">Required when the definition allows one open case per business key.</param>
/// <param name="FeatureWrite">The feature's own row for the case (e.g. the <c>complaints</c> row), written in the first step's transaction.</param>
public sealed record StartCase(
    string DefinitionKey,
    Guid BrandId,
    Guid DealerId,
    string? SubjectId,
    JsonObject Data,
    string IdempotencyKey,
    Actor Actor,
    string? BusinessKey = null,
    Func<StartedCase, CaseWrite>? FeatureWrite = null);
