using WeLink.Wechat.Http;

namespace WeLink.Wechat.Tests.Architecture;

/// <summary>architecture.md: the protocol SDK knows no database, no Redis, no ASP.NET and nothing else of ours.</summary>
public sealed class DependencyRulesTests
{
    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("Dapper")]
    [InlineData("StackExchange.Redis")]
    [InlineData("WeLink.")]
    public void WeLink_Wechat_does_not_reference(string forbiddenPrefix)
    {
        var references = typeof(WechatApiException).Assembly.GetReferencedAssemblies().Select(name => name.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith(forbiddenPrefix, StringComparison.Ordinal));
    }
}
