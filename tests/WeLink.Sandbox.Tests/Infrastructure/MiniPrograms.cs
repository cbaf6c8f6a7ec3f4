using System.Text.Json;

namespace WeLink.Sandbox.Tests.Infrastructure;

/// <summary>A mini program's subscribe messages as WeLink and the consumer's phone drive them.</summary>
public static class MiniPrograms
{
    /// <summary>The sandbox library's status title and the keywords WeLink picks from it.</summary>
    public const string StatusTid = "4937";

    public static readonly int[] StatusKids = [1, 2, 3, 4, 5];

    public static Task<JsonElement> AddSubscribeTemplateAsync(this SandboxHost host, string accessToken, object body) =>
        host.Client.PostJsonAsync($"wechat/wxaapi/newtmpl/addtemplate?access_token={accessToken}", body);

    /// <summary>The status title with WeLink's keywords, added to the mini program; its priTmplId.</summary>
    public static async Task<string> AddStatusTemplateAsync(this SandboxHost host, string accessToken) =>
        (await host.AddSubscribeTemplateAsync(accessToken, new { tid = StatusTid, kidList = StatusKids, sceneDesc = "投诉进度" })).Text("priTmplId");

    /// <summary>The consumer's openid in the mini program (wx.login on their phone tells it).</summary>
    public static async Task<string> MiniProgramOpenIdAsync(this SandboxHost host, string appId, string consumerId) =>
        (await host.Client.PostJsonAsync($"control/miniprogram/{appId}/login", new { consumer = consumerId })).Text("openid");

    /// <summary>The consumer's tap on the subscribe dialog.</summary>
    public static Task<JsonElement> AnswerSubscribeDialogAsync(this SandboxHost host, string appId, string consumer, string templateId, bool accept = true) =>
        host.Client.PostJsonAsync($"control/miniprogram/{appId}/subscribe", new { consumer, template_ids = new[] { templateId }, accept });

    /// <summary>The consumer's tap on the getPhoneNumber button: the bindgetphonenumber event's detail.</summary>
    public static Task<JsonElement> TapPhoneNumberButtonAsync(this SandboxHost host, string appId, string consumer, bool allow = true) =>
        host.Client.PostJsonAsync($"control/miniprogram/{appId}/phone-number", new { consumer, allow });

    /// <summary>getuserphonenumber with the mini program's authorizer token.</summary>
    public static Task<JsonElement> GetPhoneNumberAsync(this SandboxHost host, string accessToken, string? code, string? openId = null) =>
        host.Client.PostJsonAsync($"wechat/wxa/business/getuserphonenumber?access_token={accessToken}", new { code, openid = openId });

    public static object StatusData(string status = "处理中") => new
    {
        thing1 = new { value = "服务态度" },
        phrase2 = new { value = status },
        time3 = new { value = "2026-12-05 10:30" },
        thing4 = new { value = "您的投诉正在处理" },
        thing5 = new { value = "点击查看详情" },
    };
}
