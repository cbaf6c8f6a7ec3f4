using Microsoft.AspNetCore.DataProtection;

namespace WeLink.Server.Security;

public sealed class SecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    /// <summary>Versioned purpose: a new scheme gets a new purpose, so old ciphertexts are never misread.</summary>
    private const string Purpose = "WeLink.Secrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
