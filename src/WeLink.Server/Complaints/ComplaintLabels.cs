using WeLink.Server.Cases.Messaging;

namespace WeLink.Server.Complaints;

/// <summary>The label a consumer sees for a state, from the definition version the case runs on.</summary>
public sealed class ComplaintLabels(CaseDefinitions definitions)
{
    public async Task<string> LabelAsync(int version, string state, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(ComplaintDefinition.Key, version, cancellationToken);
        return definition.States.FirstOrDefault(s => s.Key == state)?.ConsumerLabel ?? "处理中";
    }
}
