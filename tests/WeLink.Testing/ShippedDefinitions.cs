using WeLink.Server.Cases.Definitions;
using WeLink.Server.Complaints;

namespace WeLink.Testing;

/// <summary>The definitions WeLink ships, read from the server assembly exactly as the host reads them.</summary>
public static class ShippedDefinitions
{
    public static string ComplaintJson() =>
        ShippedDefinition.FromEmbeddedResource(typeof(ComplaintDefinition).Assembly, ComplaintDefinition.ResourceName).Json;
}
