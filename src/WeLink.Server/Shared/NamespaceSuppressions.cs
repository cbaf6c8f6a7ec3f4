using System.Diagnostics.CodeAnalysis;

// CA1716 warns that VB reserves "Shared". The namespace is WeLink-internal (no VB caller exists or is planned) and the
// name says what it holds: what every feature uses. Renaming it would only trade clarity for a language we do not ship to.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:WeLink.Server.Shared", Justification = "See above.")]
