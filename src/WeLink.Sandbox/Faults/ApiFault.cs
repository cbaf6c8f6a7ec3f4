namespace WeLink.Sandbox.Faults;

/// <summary>
/// A fault for calls whose path (after the host) ends with <paramref name="Api"/>, for the next
/// <paramref name="Remaining"/> calls: an errcode answer, an HTTP status, or only added latency.
/// </summary>
public sealed record ApiFault(string Api, int Remaining, int? Errcode, int? HttpStatus, TimeSpan Latency);
