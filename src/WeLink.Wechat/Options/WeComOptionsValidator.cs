using Microsoft.Extensions.Options;

namespace WeLink.Wechat.Options;

internal sealed class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    private const string Section = WeComOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        string?[] failures =
        [
            OptionsRules.HttpUrl($"{Section}:ApiBaseUrl", options.ApiBaseUrl),
            OptionsRules.HttpUrl($"{Section}:OpenBaseUrl", options.OpenBaseUrl),
            OptionsRules.Required($"{Section}:ProviderCorpId", options.ProviderCorpId),
            OptionsRules.Required($"{Section}:Suite:SuiteId", options.Suite.SuiteId),
            OptionsRules.Required($"{Section}:Suite:SuiteSecret", options.Suite.SuiteSecret),
            OptionsRules.Required($"{Section}:Suite:Token", options.Suite.Token),
            OptionsRules.EncodingAesKey($"{Section}:Suite:EncodingAesKey", options.Suite.EncodingAesKey),
        ];
        return OptionsRules.ToResult(failures);
    }
}
