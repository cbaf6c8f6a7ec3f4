namespace WeLink.Server.Security;

/// <summary>
/// Encrypts long-lived secrets (refresh tokens, permanent codes, app secrets) before they are stored,
/// with keys every node shares. Protected values are opaque strings safe to put in a text column.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was not protected by WeLink or was altered.</exception>
    string Unprotect(string protectedSecret);
}
