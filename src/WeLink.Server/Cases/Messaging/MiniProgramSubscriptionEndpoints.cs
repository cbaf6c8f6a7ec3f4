using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Wechat.Http;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The subscribe-message templates the mini program's pages pass to <c>wx.requestSubscribeMessage</c> when a consumer
/// files: the brand's mini program's own ids, which WeLink adds on the first ask (<see cref="AccountTemplates"/>).
/// </summary>
public static class MiniProgramSubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapMiniProgramSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/consumer/miniprogram/subscriptions", GetAsync).WithTags("Consumer: mini program").RequireAuthorization(WeLinkPolicies.Consumer);
        return app;
    }

    /// <summary>409 when the brand has no authorized mini program; 502 when WeChat would not add the template.</summary>
    public static async Task<Results<Ok<SubscriptionsResponse>, ProblemHttpResult>> GetAsync(
        ConsumerSession session,
        IBrandMiniPrograms miniPrograms,
        AccountTemplates templates,
        IOptionsMonitor<CaseMessagingOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await miniPrograms.FindOfBrandAsync(session.BrandId, cancellationToken) is not { Active: true } miniProgram)
        {
            return TypedResults.Problem("本品牌尚未授权小程序，暂时无法订阅消息", statusCode: StatusCodes.Status409Conflict);
        }

        try
        {
            var templateId = await templates.SubscribeIdAsync(miniProgram.AppId, options.CurrentValue.SubscribeTemplate, cancellationToken);
            return TypedResults.Ok(new SubscriptionsResponse([templateId]));
        }
        catch (Exception e) when (PlatformFailure.IsExpected(e))
        {
            return TypedResults.Problem("暂时无法获取消息订阅，请稍后再试", statusCode: StatusCodes.Status502BadGateway);
        }
    }
}

/// <summary>The template ids for <c>wx.requestSubscribeMessage</c>.</summary>
public sealed record SubscriptionsResponse(IReadOnlyList<string> TemplateIds);
