namespace WeLink.Sandbox.World;

/// <summary>A control-API request that does not fit the world (unknown id, missing parent).</summary>
public sealed class WorldException(string message) : Exception(message);
