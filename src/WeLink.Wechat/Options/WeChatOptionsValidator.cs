using Microsoft.Extensions.Options;

namespace WeLink.Wechat.Options;

internal sealed class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    private const string Section = WeChatOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        string?[] failures =
        [
            OptionsRules.HttpUrl($"{Section}:ApiBaseUrl", options.ApiBaseUrl),
            OptionsRules.HttpUrl($"{Section}:MpBaseUrl", options.MpBaseUrl),
            OptionsRules.HttpUrl($"{Section}:OpenBaseUrl", options.OpenBaseUrl),
            OptionsRules.Required($"{Section}:Component:AppId", options.Component.AppId),
            OptionsRules.Required($"{Section}:Component:AppSecret", options.Component.AppSecret),
            OptionsRules.Required($"{Section}:Component:Token", options.Component.Token),
            OptionsRules.EncodingAesKey($"{Section}:Component:EncodingAesKey", options.Component.EncodingAesKey),
            OptionsRules.Positive($"{Section}:Tokens:RefreshAhead", options.Tokens.RefreshAhead),
            OptionsRules.Positive($"{Section}:Tokens:LockLease", options.Tokens.LockLease),
            OptionsRules.Positive($"{Section}:Tokens:LockWait", options.Tokens.LockWait),
            options.Tokens.RefreshAhead < TimeSpan.FromMinutes(60)
                ? null
                : $"{Section}:Tokens:RefreshAhead must be under 60 minutes (tokens live 120).",
        ];
        return OptionsRules.ToResult(failures);
    }
}
