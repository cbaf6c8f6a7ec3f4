using Microsoft.AspNetCore.Identity;
using WeLink.Server.Shared;

namespace WeLink.Server.Tenancy;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, versioned format) and WeLink's one password rule.</summary>
public sealed class AdminPasswords(IPasswordHasher<AdminUser> hasher)
{
    public const int MinLength = 12;

    /// <summary><see cref="PasswordHasher{TUser}"/> ignores its user argument; this one stands in for every admin.</summary>
    private static readonly AdminUser Anyone = new()
    {
        Id = Guid.Empty,
        Email = "",
        DisplayName = "",
        Role = "",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>A hash of nothing anyone types, checked when the email is unknown so both cases take the same time.</summary>
    private readonly Lazy<string> _decoy = new(() => hasher.HashPassword(Anyone, Guid.NewGuid().ToString()));

    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinLength ? $"密码至少 {MinLength} 个字符。"
        : password.Length > TextLimits.Password ? $"密码最多 {TextLimits.Password} 个字符。"
        : null;

    public string Hash(string password) => hasher.HashPassword(Anyone, password);

    public PasswordVerificationResult Verify(string hash, string password) => hasher.VerifyHashedPassword(Anyone, hash, password);

    public void VerifyDecoy(string password) => hasher.VerifyHashedPassword(Anyone, _decoy.Value, password);
}
