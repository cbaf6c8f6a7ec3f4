using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wechat;

/// <summary>
/// The phone number a consumer handed a mini program with its getPhoneNumber button (protocol-wave2.md §1.5): the
/// button's code, exchanged once within 5 minutes with the mini program's authorizer token, answers the number bound to
/// the consumer's WeChat.
/// </summary>
public static class MiniProgramPhoneEndpoints
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(300);

    /// <summary>Mainland numbers only in the sandbox: WeChat's phoneNumber carries no country code for them.</summary>
    public const string CountryCode = "86";

    public static IEndpointRouteBuilder MapMiniProgramPhoneEndpoints(this IEndpointRouteBuilder wechat)
    {
        wechat.MapPost("/wxa/business/getuserphonenumber", GetPhoneNumberAsync);
        return wechat;
    }

    public static async Task<IResult> GetPhoneNumberAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, SandboxClock clock, CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await OfficialAccountEndpoints.AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (account!.Kind != AccountKind.MiniProgram)
        {
            return Refusals.MiniProgramSubscribe.NotMiniProgram.Answer();
        }

        // A code of another mini program, or another consumer's when openid is given, is refused without being used up.
        var code = body.TextField("code");
        var inspected = credentials.PhoneNumberCodes.Inspect(code);
        if (inspected.Payload is { } grant && (grant.AppId != account.AppId || !BelongsTo(world, grant, body.TextField("openid"))))
        {
            return Refusals.MiniProgramPhone.CodeInvalid.Answer();
        }

        var redemption = credentials.PhoneNumberCodes.Redeem(code);
        if (redemption.Payload is null)
        {
            return redemption.Status switch
            {
                CodeStatus.AlreadyUsed => Refusals.MiniProgramPhone.CodeUsed.Answer(),
                CodeStatus.Expired => Refusals.MiniProgramPhone.CodeExpired.Answer(),
                _ => Refusals.MiniProgramPhone.CodeInvalid.Answer(),
            };
        }

        // Codes are issued only for consumers with a phone, and consumers are never removed from the world.
        var phone = world.FindConsumer(redemption.Payload.ConsumerId)?.Phone
            ?? throw new InvalidOperationException($"A phone-number code names consumer '{redemption.Payload.ConsumerId}', who has no phone.");
        return WxResults.Json(
            new PhoneNumberResponse(
                0, "ok", new PhoneInfo(phone, phone, CountryCode, new PhoneWatermark(clock.GetUtcNow().ToUnixTimeSeconds(), account.AppId))),
            WireJsonContext.Default.PhoneNumberResponse);
    }

    private static bool BelongsTo(SandboxWorld world, PhoneNumberGrant grant, string? openId) =>
        openId is null || world.FindByOpenId(grant.AppId, openId)?.ConsumerId == grant.ConsumerId;
}
