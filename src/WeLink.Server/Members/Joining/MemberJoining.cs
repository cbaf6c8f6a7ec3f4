using System.Text.Json.Nodes;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Members.Consents;
using WeLink.Server.Members.DataRights;
using WeLink.Server.Members.Phones;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.MiniProgram;
using WeLink.Wechat.MiniProgram.Models;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Members.Joining;

/// <summary>
/// Joins a consumer of the brand's mini program: the number behind the phone button's code (WeChat's
/// <c>getuserphonenumber</c>) confirmed as the member's (merging with the record that held it), the name and consents
/// recorded, the session's dealer made the home dealer, and the <c>member_card</c> case started and taken through its
/// consumer steps. The case's start claims the record while it has not joined, so a record joins once however many
/// applications race; a repeated request (same idempotency key) answers the first case, before WeChat is asked again
/// for a code that is spent.
/// </summary>
public sealed class MemberJoining(
    CaseEngine engine,
    MemberDirectory directory,
    MemberPhones phones,
    MemberConsents consents,
    MemberProfileEdits profile,
    IConsumerDirectory consumers,
    IBrandMiniPrograms miniPrograms,
    MiniProgramClient miniProgramClient)
{
    /// <summary>WeChat's errcode for a phone code that is expired, used, wrong or another's.</summary>
    private const int InvalidCode = 40029;

    public const string Channel = "miniprogram";

    public async Task<JoinResult> JoinAsync(JoinApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (await directory.FindByConsumerAsync(application.ConsumerId, cancellationToken) is not { } member)
        {
            return new JoinResult.NotInMiniProgram();
        }

        var replay = await StartAsync(application, member.Id, replayOnly: true, cancellationToken);
        if (replay is not NewRequest)
        {
            return replay;
        }

        if (member.Status == MemberStatus.Member)
        {
            return new JoinResult.AlreadyMember();
        }

        var consumer = await consumers.FindAsync(application.ConsumerId, cancellationToken);
        var miniProgram = consumer is null ? null : await miniPrograms.FindByAppIdAsync(consumer.AppId, cancellationToken);
        if (consumer is null || miniProgram is null || miniProgram.BrandId != application.BrandId)
        {
            return new JoinResult.NotInMiniProgram();
        }

        string phone;
        try
        {
            var answer = await miniProgramClient.GetUserPhoneNumberAsync(
                miniProgram.AppId, new WxaBusinessGetuserphonenumberRequest { Code = application.PhoneCode, Openid = consumer.OpenId }, cancellationToken);
            if (answer.PhoneInfo is not { } info || info.Watermark?.Appid != miniProgram.AppId)
            {
                return new JoinResult.PhoneRefused("微信没有返回您的手机号，请重新点击获取手机号。");
            }

            phone = info.PhoneNumber;
        }
        catch (WechatApiException e) when (e.Errcode == InvalidCode)
        {
            return new JoinResult.PhoneRefused("手机号授权已失效，请重新点击获取手机号。");
        }

        var confirmed = await phones.ConfirmAsync(application.BrandId, member.Id, phone, "phone_button", cancellationToken);
        if (confirmed is not PhoneConfirmation.Confirmed { MemberId: var memberId })
        {
            return confirmed is PhoneConfirmation.InvalidPhone
                ? new JoinResult.PhoneRefused("会员仅支持中国大陆手机号。")
                : new JoinResult.NotInMiniProgram();
        }

        if (application.Name is { } name)
        {
            await profile.SetNameAsync(application.BrandId, memberId, name, Channel, cancellationToken);
        }

        await profile.SetHomeDealerAsync(application.BrandId, memberId, application.DealerId, Channel, cancellationToken);
        await consents.RecordAsync(application.BrandId, memberId, application.Consents, Channel, cancellationToken);
        return await StartAsync(application, memberId, replayOnly: false, cancellationToken);
    }

    /// <summary>
    /// Starts the case when its own write claims the record not yet joined, then takes the consumer's steps, each keyed by
    /// the request. The engine answers a request seen before with its first case before it runs that write, so a replay
    /// joins nobody again and needs no phone code: <paramref name="replayOnly"/> asks only that (a write that claims
    /// nothing), answering <see cref="NewRequest"/> for a request not seen before.
    /// </summary>
    private async Task<JoinResult> StartAsync(JoinApplication application, Guid memberId, bool replayOnly, CancellationToken cancellationToken)
    {
        var actor = Actor.Consumer(application.ConsumerId.ToString());
        var started = await engine.StartAsync(
            new StartCase(
                MemberCardDefinition.Key, application.BrandId, application.DealerId, memberId.ToString(),
                new JsonObject { [CasePayload.ConsumerField] = application.ConsumerId.ToString() }, application.IdempotencyKey, actor, memberId.ToString(),
                @case => replayOnly ? ClaimNothing(memberId) : ClaimNotJoined(@case, memberId)),
            cancellationToken);
        if (started is not CaseMoved moved)
        {
            return started switch
            {
                CaseRefused { Reason: CaseRefusalReason.FeatureWriteRefused } when replayOnly => new NewRequest(),
                CaseRefused { Reason: CaseRefusalReason.FeatureWriteRefused } => new JoinResult.AlreadyMember(),
                CaseRefused { Reason: CaseRefusalReason.OpenCaseExists } => new JoinResult.Refused("您的入会申请正在办理中，请稍后查看会员卡。"),
                _ => new JoinResult.Refused("暂时无法办理入会，请稍后再试。"),
            };
        }

        var scope = CaseScope.Dealer(application.BrandId, application.DealerId);
        foreach (var (trigger, input) in new[]
        {
            (MemberCardDefinition.Triggers.ConfirmPhone, new JsonObject()),
            (MemberCardDefinition.Triggers.RecordConsent, new JsonObject { ["textVersion"] = application.TextVersion }),
        })
        {
            if (await engine.FireAsync(new FireTrigger(moved.CaseId, scope, trigger, actor, input, $"{application.IdempotencyKey}:{trigger}"), cancellationToken) is not CaseMoved)
            {
                return new JoinResult.Refused("入会申请刚刚发生了变化，请稍后查看会员卡。");
            }
        }

        return new JoinResult.Joined(memberId, moved.CaseId);
    }

    /// <summary>The start's own write: it changes the record only while it has not joined, else the start is refused.</summary>
    private static CaseWrite ClaimNotJoined(StartedCase @case, Guid memberId) =>
        new("UPDATE members SET updated_at = @At WHERE id = @memberId AND status = 'known'", new { @case.At, memberId }) { ExpectedRows = 1 };

    /// <summary>A write that changes nothing, so only a request seen before (answered before it runs) gets past the start.</summary>
    private static CaseWrite ClaimNothing(Guid memberId) =>
        new("UPDATE members SET updated_at = updated_at WHERE id = @memberId AND 1 = 0", new { memberId }) { ExpectedRows = 1 };

    /// <summary>The request was not seen before: joining goes on.</summary>
    private sealed record NewRequest : JoinResult;
}
