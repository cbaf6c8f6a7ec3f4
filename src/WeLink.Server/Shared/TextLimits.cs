using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:WeLink.Server.Shared",
    Justification = "The team named the folder of what every feature uses Shared; no Visual Basic code consumes WeLink.Server.")]

namespace WeLink.Server.Shared;

/// <summary>
/// The longest text each kind of field takes, for the <c>[StringLength]</c> on every request type. Generous for what a
/// person types, so only abuse meets them; a new free-text field picks one of these instead of inventing its own.
/// </summary>
public static class TextLimits
{
    /// <summary>Codes and keys a program reads: dealer codes, roles, severities, time zones, dates, hours.</summary>
    public const int Code = 64;

    /// <summary>What names a thing or a person: brands, regions, dealers, admins, holidays, complaint categories, vehicles.</summary>
    public const int Name = 100;

    /// <summary>RFC 5321's limit on an address.</summary>
    public const int Email = 254;

    /// <summary>Long enough for a passphrase; bounded so hashing a password costs what it should.</summary>
    public const int Password = 128;

    /// <summary>What a person writes: a complaint, an answer, a staff note.</summary>
    public const int Text = 2000;

    /// <summary>Links and mini-program paths, as WeChat's menu/create takes them (1024 bytes).</summary>
    public const int Url = 1024;
}
