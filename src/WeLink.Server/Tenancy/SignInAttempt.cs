namespace WeLink.Server.Tenancy;

/// <summary>
/// How an admin sign-in ended: the admin when signed in, else a refusal that does not say why (wrong password, unknown
/// or disabled email, or a source that must wait), so every refusal looks the same from outside.
/// </summary>
public sealed record SignInAttempt(AdminUser? User)
{
    /// <summary>What a refused attempt is told, whatever the reason, in the API's problem and on the sign-in page.</summary>
    public const string RefusalTitle = "登录失败";

    public const string RefusalDetail = "邮箱或密码错误，或尝试次数过多，请稍后再试。";

    public static SignInAttempt Refused { get; } = new((AdminUser?)null);

    public bool SignedIn => User is not null;
}
