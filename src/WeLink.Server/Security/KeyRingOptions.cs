namespace WeLink.Server.Security;

public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Nodes with the same name share keys; change it only to make old ciphertexts unreadable.</summary>
    public string ApplicationName { get; set; } = "WeLink";

    /// <summary>Optional PFX that encrypts the key ring at rest in the database (recommended in production).</summary>
    public string? KeyEncryptionCertificatePath { get; set; }

    public string? KeyEncryptionCertificatePassword { get; set; }
}
